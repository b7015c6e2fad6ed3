import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe } from 'vitest';
import { createMemoryStores } from '../../src/adapters/memory/index.ts';
import { openSqliteStores } from '../../src/adapters/sqlite/index.ts';
import {
  describeOutboundMessageStoreContract,
  type MakeOutboundStores,
} from './outbound-message-store.contract.ts';

const memory: MakeOutboundStores = async () => ({ stores: createMemoryStores(), cleanup: async () => {} });

const sqlite: MakeOutboundStores = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'nutritionist-outbound-'));
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
])('%s outbound-message store', (_kind, makeStores) => {
  describeOutboundMessageStoreContract(makeStores);
});
