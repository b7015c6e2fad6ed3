import type { Stores } from '../../core/ports/stores.ts';
import { memoryCommit } from './memory-commit.ts';
import { MemoryConsentStore } from './memory-consent-store.ts';
import { MemoryDialogueStore } from './memory-dialogue-store.ts';
import { MemoryFoodLogStore } from './memory-food-log-store.ts';
import { MemoryMessageLog } from './memory-message-log.ts';
import { MemoryPlanStore } from './memory-plan-store.ts';
import { MemoryUserStore } from './memory-user-store.ts';
import { MemoryWebhookReceiptStore } from './memory-webhook-receipt-store.ts';

/**
 * Stores that live in the process and vanish with it: for tests and throwaway demos.
 * Data is copied in and out, so a caller mutating an object never changes what is stored.
 */
export function createMemoryStores(): Stores {
  const stores: Omit<Stores, 'commit'> = {
    kind: 'memory',
    users: new MemoryUserStore(),
    dialogue: new MemoryDialogueStore(),
    messages: new MemoryMessageLog(),
    consent: new MemoryConsentStore(),
    webhookReceipts: new MemoryWebhookReceiptStore(),
    plans: new MemoryPlanStore(),
    foodLog: new MemoryFoodLogStore(),
    async close() {},
  };
  return { ...stores, commit: (writes) => memoryCommit(stores, writes) };
}
