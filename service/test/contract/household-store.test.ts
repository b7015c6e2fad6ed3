import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe } from 'vitest';
import { createMemoryStores } from '../../src/adapters/memory/index.ts';
import { openSqliteStores } from '../../src/adapters/sqlite/index.ts';
import type { MakeStores } from './contract-support.ts';
import { describeHouseholdStoreContract } from './household-store.contract.ts';

// Outside STORE_CONTRACTS until the DynamoDB family has a household store (it runs that list too).
const memory: MakeStores = async () => ({ stores: createMemoryStores(), cleanup: async () => {} });

const sqlite: MakeStores = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'nutritionist-households-'));
  const stores = openSqliteStores({ file: join(dir, 'stores.db') });
  return {
    stores,
    cleanup: async () => {
      await stores.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
};

describe.each([
  ['memory', memory],
  ['sqlite', sqlite],
])('%s stores', (_kind, makeStores) => {
  describeHouseholdStoreContract(makeStores);
});
