import type { Stores, StoreWrite } from '../../core/ports/stores.ts';
import type { MemoryConsentStore } from './memory-consent-store.ts';
import type { MemoryOutboundMessageStore } from './memory-outbound-message-store.ts';
import type { MemoryPrivacyStore } from './memory-privacy-store.ts';
import type { MemoryWebhookReceiptStore } from './memory-webhook-receipt-store.ts';

type EraseUser = Extract<StoreWrite, { kind: 'erase_user' }>;

/**
 * Erasure in memory: every store forgets the user, consent records move under the keyed hash, one anonymous audit
 * line is added. Nothing here can refuse, so running it after the checks of `memoryCommit` keeps it all or nothing.
 */
export function memoryEraser(
  stores: Omit<Stores, 'commit'>,
  consent: MemoryConsentStore,
  privacy: MemoryPrivacyStore,
  receipts: MemoryWebhookReceiptStore,
  outbound: MemoryOutboundMessageStore,
): (write: EraseUser) => Promise<void> {
  return async ({ userId, phone, subject, erasure }) => {
    await stores.users.delete(userId);
    await stores.dialogue.delete(userId);
    await stores.messages.deleteForUser(userId);
    await stores.plans.deleteForUser(userId);
    await stores.foodLog.deleteForUser(userId);
    await stores.weeklyDelivery.deleteForUser(userId);
    await stores.households.deleteForUser(userId, phone);
    await stores.webAuth?.deleteForUser(userId);
    await stores.billing?.deleteForUser(userId);
    privacy.deleteForUserNow(userId);
    receipts.deleteForUserNow(userId);
    outbound.deleteForUserNow(userId);
    consent.rekeyNow(subject);
    privacy.appendErasureNow(erasure);
  };
}
