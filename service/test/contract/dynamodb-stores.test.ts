import { describeOnDynamoDbLocal } from '../support/dynamodb-suite.ts';
import { STORE_CONTRACTS } from './all-contracts.ts';

// Without Java (outside CI) every contract is listed as skipped, with the reason in the suite's name.
describeOnDynamoDbLocal('dynamodb stores', (local) => {
  // A fresh table per test, without TTL (why: dynamodb-suite.ts); dynamodb-specific.test.ts covers TTL.
  const dynamo = local.makeStores('contract', 'contract-test-pseudonym-key-0123456789');
  for (const describeContract of STORE_CONTRACTS) describeContract(dynamo);
});
