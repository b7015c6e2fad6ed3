import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe } from 'vitest';
import { createMemoryStores } from '../../src/adapters/memory/index.ts';
import { openSqliteStores } from '../../src/adapters/sqlite/index.ts';
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

// Not in all-contracts.ts: the DynamoDB family has no billing store yet (Stores.billing is optional, billing off).
describe.each([
  ['memory', memory],
  ['sqlite', sqlite],
])('%s stores', (_kind, makeStores) => {
  describeBillingStoreContract(makeStores);
});
