import type { Logger } from '../core/ports/logger.port.ts';
import type { WebhookReceiptStore } from '../core/ports/webhook-receipt-store.port.ts';

/**
 * Claims this process could not give back because the store itself was failing (SQLite locked by another
 * connection past its busy timeout). Left alone, such a claim stays "in progress" until it is stale and the
 * provider's retry is refused meanwhile; so the next delivery of the key to this process gives it back first.
 */
const unreleased = new WeakMap<WebhookReceiptStore, Set<string>>();

/** Gives the claim back after a failure; never throws, so the caller rethrows the fault that made it fail. */
export async function releaseClaim(
  receipts: WebhookReceiptStore,
  key: string,
  logger: Logger,
): Promise<void> {
  try {
    await receipts.release(key);
  } catch (error) {
    const keys = unreleased.get(receipts) ?? new Set<string>();
    keys.add(key);
    unreleased.set(receipts, keys);
    logger.warn('webhook_claim_release_failed', { error: error instanceof Error ? error.name : 'unknown' });
  }
}

/** Before claiming: a claim this process failed to give back is given back now (throws while the store still fails). */
export async function releaseLeftoverClaim(receipts: WebhookReceiptStore, key: string): Promise<void> {
  const keys = unreleased.get(receipts);
  // Taken off the list before the await, so two retries arriving together cannot both give it back.
  if (!keys?.delete(key)) return;
  try {
    await receipts.release(key);
  } catch (error) {
    keys.add(key);
    throw error;
  }
}
