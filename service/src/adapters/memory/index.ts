import type { Stores } from '../../core/ports/stores.ts';
import { MemoryBillingStore } from './memory-billing-store.ts';
import { memoryCommit } from './memory-commit.ts';
import { MemoryConsentStore } from './memory-consent-store.ts';
import { MemoryDialogueStore } from './memory-dialogue-store.ts';
import { memoryEraser } from './memory-erase.ts';
import { MemoryFoodLogStore } from './memory-food-log-store.ts';
import { MemoryHouseholdStore } from './memory-household-store.ts';
import { MemoryMessageLog } from './memory-message-log.ts';
import { MemoryOutboundMessageStore } from './memory-outbound-message-store.ts';
import { MemoryPlanStore } from './memory-plan-store.ts';
import { MemoryPrivacyStore } from './memory-privacy-store.ts';
import { pseudonymizer } from './memory-pseudonym.ts';
import { MemoryUserStore } from './memory-user-store.ts';
import { MemoryWebAuthStore } from './memory-web-auth-store.ts';
import { MemoryWebhookReceiptStore } from './memory-webhook-receipt-store.ts';
import { MemoryWeeklyDeliveryStore } from './memory-weekly-delivery-store.ts';

export interface MemoryStoresOptions {
  /** The key of the hash erased users' consent records are kept under; random per instance by default. */
  pseudonymKey?: string;
}

/** The stores, and the outbound-message store the Twilio messenger and its status webhook use. */
export type MemoryStores = Stores & { outboundMessages: MemoryOutboundMessageStore };

/**
 * Stores that live in the process and vanish with it: for tests and throwaway demos.
 * Data is copied in and out, so a caller mutating an object never changes what is stored.
 */
export function createMemoryStores(options: MemoryStoresOptions = {}): MemoryStores {
  const consent = new MemoryConsentStore(pseudonymizer(options.pseudonymKey));
  const privacy = new MemoryPrivacyStore();
  const webhookReceipts = new MemoryWebhookReceiptStore();
  const outboundMessages = new MemoryOutboundMessageStore();
  const stores: Omit<Stores, 'commit'> = {
    kind: 'memory',
    users: new MemoryUserStore(),
    dialogue: new MemoryDialogueStore(),
    messages: new MemoryMessageLog(),
    consent,
    privacy,
    webhookReceipts,
    plans: new MemoryPlanStore(),
    foodLog: new MemoryFoodLogStore(),
    households: new MemoryHouseholdStore(),
    weeklyDelivery: new MemoryWeeklyDeliveryStore(),
    outboundMessages,
    webAuth: new MemoryWebAuthStore(),
    billing: new MemoryBillingStore(),
    async close() {},
  };
  const erase = memoryEraser(stores, consent, privacy, webhookReceipts, outboundMessages);
  return { ...stores, outboundMessages, commit: (writes) => memoryCommit(stores, writes, erase) };
}
