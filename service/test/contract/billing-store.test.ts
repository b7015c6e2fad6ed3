import { describe } from 'vitest';
import { describeOnDynamoDbLocal } from '../support/dynamodb-suite.ts';
import { describeBillingStoreContract } from './billing-store.contract.ts';
import { memoryStores, sqliteStores } from './contract-support.ts';

// Not in all-contracts.ts (Stores.billing is optional there): every family that has a billing store runs it here.
describe.each([
  ['memory', memoryStores],
  ['sqlite', sqliteStores],
])('%s stores', (_kind, makeStores) => {
  describeBillingStoreContract(makeStores);
});

describeOnDynamoDbLocal('dynamodb stores', (local) => {
  // A fresh table per test, without TTL, as in dynamodb-stores.test.ts.
  describeBillingStoreContract(
    local.makeStores('billing-contract', 'contract-test-pseudonym-key-0123456789'),
  );
});
