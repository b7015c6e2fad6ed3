import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe } from 'vitest';
import { createMemoryStores } from '../../src/adapters/memory/index.ts';
import { openSqliteStores } from '../../src/adapters/sqlite/index.ts';
import { describeOnDynamoDbLocal } from '../support/dynamodb-suite.ts';
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

describeOnDynamoDbLocal('dynamodb stores', (local) => {
  // A fresh table per test, without TTL, as in dynamodb-stores.test.ts.
  describeBillingStoreContract(
    local.makeStores('billing-contract', 'contract-test-pseudonym-key-0123456789'),
  );
});
