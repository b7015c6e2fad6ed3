import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe } from 'vitest';
import { createMemoryStores } from '../../src/adapters/memory/index.ts';
import { openSqliteStores } from '../../src/adapters/sqlite/index.ts';
import { STORE_CONTRACTS } from './all-contracts.ts';
import type { MakeStores } from './contract-support.ts';

const memory: MakeStores = async () => ({ stores: createMemoryStores(), cleanup: async () => {} });

/** A fresh database file per test, in its own temp directory, removed with its WAL files afterwards. */
const sqlite: MakeStores = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'nutritionist-stores-'));
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
  for (const describeContract of STORE_CONTRACTS) describeContract(makeStores);
});
