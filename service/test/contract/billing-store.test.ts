import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe } from 'vitest';
import { createTable } from '../../src/adapters/dynamodb/index.ts';
import { createMemoryStores } from '../../src/adapters/memory/index.ts';
import { openSqliteStores } from '../../src/adapters/sqlite/index.ts';
import { createDynamoStores } from '../../src/composition/dynamodb-stores.ts';
import { type DynamoDbLocal, javaAvailable, startDynamoDbLocal } from '../support/dynamodb-local.ts';
import { describeBillingStoreContract } from './billing-store.contract.ts';
import type { MakeStores } from './contract-support.ts';

const memory: MakeStores = async () => ({ stores: createMemoryStores(), cleanup: async () => {} });

const sqlite: MakeStores = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'nutritionist-billing-'));
  const stores = openSqliteStores({ file: join(dir, 'stores.db') });
  return {
    stores,
    cleanup: async () => {
      await stores.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
};

// Not in all-contracts.ts (Stores.billing is optional there): every family that has a billing store runs it here.
describe.each([
  ['memory', memory],
  ['sqlite', sqlite],
])('%s stores', (_kind, makeStores) => {
  describeBillingStoreContract(makeStores);
});

const hasJava = javaAvailable();
// CI must prove the adapter: there a missing Java fails the run instead of skipping it.
const mustRun = hasJava || process.env.CI === 'true';
const dynamoTitle = mustRun
  ? 'dynamodb stores (DynamoDB Local)'
  : 'dynamodb stores: SKIPPED, no Java to run DynamoDB Local';

describe.skipIf(!mustRun)(dynamoTitle, () => {
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

  // A fresh table per test, without TTL, as in dynamodb-stores.test.ts.
  const dynamo: MakeStores = async () => {
    if (local === undefined) throw new Error('DynamoDB Local is not running');
    const { client } = local;
    const tableName = `billing-contract-${process.pid}-${++tables}`;
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

  describeBillingStoreContract(dynamo);
});
