import { describe } from 'vitest';
import { STORE_CONTRACTS } from './all-contracts.ts';
import { memoryStores, sqliteStores } from './contract-support.ts';

describe.each([
  ['memory', memoryStores],
  ['sqlite', sqliteStores],
])('%s stores', (_kind, makeStores) => {
  for (const describeContract of STORE_CONTRACTS) describeContract(makeStores);
});
