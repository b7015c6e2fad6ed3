import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe } from 'vitest';
import { createTable } from '../../src/adapters/dynamodb/index.ts';
import { createDynamoStores } from '../../src/composition/dynamodb-stores.ts';
import { type DynamoDbLocal, javaAvailable, startDynamoDbLocal } from '../support/dynamodb-local.ts';
import { STORE_CONTRACTS } from './all-contracts.ts';
import type { MakeStores } from './contract-support.ts';

const hasJava = javaAvailable();
// CI must prove the adapter: there a missing Java fails the run instead of skipping it.
const mustRun = hasJava || process.env.CI === 'true';

// Without Java (outside CI) every contract is listed as skipped, with the reason in the suite's name.
const title = mustRun
  ? 'dynamodb stores (DynamoDB Local)'
  : 'dynamodb stores: SKIPPED, no Java to run DynamoDB Local';

describe.skipIf(!mustRun)(title, () => {
  let local: DynamoDbLocal | undefined;
  let tables = 0;

  beforeAll(async () => {
    if (!hasJava)
      throw new Error('Java is not installed, so DynamoDB Local cannot start (.ci/run installs it)');
    local = await startDynamoDbLocal();
  }, 60_000);
  afterAll(async () => {
    await local?.stop();
  });

  /**
   * A fresh table per test (DynamoDB Local creates one in milliseconds), dropped afterwards. Without TTL: the
   * contracts' clock is pinned in 2025 and TTL runs on the real one, so it would delete their items mid-test.
   * Reads filter on expiry themselves, which is what these contracts prove; dynamodb-specific.test.ts covers TTL.
   */
  const dynamo: MakeStores = async () => {
    if (local === undefined) throw new Error('DynamoDB Local is not running');
    const { client } = local;
    const tableName = `contract-${process.pid}-${++tables}`;
    await createTable(client, tableName, { timeToLive: false });
    return {
      stores: createDynamoStores({
        client,
        tableName,
        pseudonymKey: 'contract-test-pseudonym-key-0123456789',
      }),
      cleanup: async () => {
        await client.send(new DeleteTableCommand({ TableName: tableName }));
      },
    };
  };

  for (const describeContract of STORE_CONTRACTS) describeContract(dynamo);
});
