import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe } from 'vitest';
import { createMemoryStores } from '../../src/adapters/memory/index.ts';
import { openSqliteStores } from '../../src/adapters/sqlite/index.ts';
import { describeCommitContract } from './commit.contract.ts';
import { describeConsentStoreContract } from './consent-store.contract.ts';
import type { MakeStores } from './contract-support.ts';
import { describeDialogueStoreContract } from './dialogue-store.contract.ts';
import { describeFoodLogStoreContract } from './food-log-store.contract.ts';
import { describeMessageLogContract } from './message-log.contract.ts';
import { describePlanStoreContract } from './plan-store.contract.ts';
import { describeUserStoreContract } from './user-store.contract.ts';
import { describeWebhookReceiptStoreContract } from './webhook-receipt-store.contract.ts';

const contracts = [
  describeCommitContract,
  describeUserStoreContract,
  describeDialogueStoreContract,
  describeMessageLogContract,
  describeConsentStoreContract,
  describeWebhookReceiptStoreContract,
  describePlanStoreContract,
  describeFoodLogStoreContract,
];

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
  for (const describeContract of contracts) describeContract(makeStores);
});
