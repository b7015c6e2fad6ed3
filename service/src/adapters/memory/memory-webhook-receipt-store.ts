import type {
  ClaimResult,
  StoredResponse,
  WebhookReceiptStore,
} from '../../core/ports/webhook-receipt-store.port.ts';

/** A claim not completed within this long is taken to belong to a process that died, and may be re-claimed. */
const STALE_CLAIM_MS = 30_000;

interface Receipt {
  claimedAtMs: number;
  expiresAtMs: number;
  response?: StoredResponse;
  /** Whom the reply was for, so erasure can remove it. */
  userId?: string;
}

export class MemoryWebhookReceiptStore implements WebhookReceiptStore {
  readonly #receipts = new Map<string, Receipt>();

  async claim(key: string, now: Date, ttlSeconds: number): Promise<ClaimResult> {
    // Runs without an await, so concurrent claims are serialised by the event loop.
    const nowMs = now.getTime();
    const existing = this.#receipts.get(key);
    if (existing !== undefined && existing.expiresAtMs >= nowMs) {
      if (existing.response !== undefined)
        return { status: 'done', response: structuredClone(existing.response) };
      if (nowMs - existing.claimedAtMs < STALE_CLAIM_MS) return { status: 'in_progress' };
    }
    this.#receipts.set(key, { claimedAtMs: nowMs, expiresAtMs: nowMs + ttlSeconds * 1000 });
    return { status: 'claimed' };
  }

  async complete(key: string, response: StoredResponse, userId?: string): Promise<void> {
    // A key that is no longer claimed (released or purged) has nothing to complete.
    const receipt = this.#receipts.get(key);
    if (receipt === undefined) return;
    receipt.response = structuredClone(response);
    if (userId !== undefined) receipt.userId = userId;
  }

  /** Erasure: replies to the user go, so a retry after it is processed afresh (as a stranger's message). */
  deleteForUserNow(userId: string): void {
    for (const [key, receipt] of this.#receipts) if (receipt.userId === userId) this.#receipts.delete(key);
  }

  async release(key: string): Promise<void> {
    if (this.#receipts.get(key)?.response === undefined) this.#receipts.delete(key);
  }

  async purgeExpired(now: Date): Promise<number> {
    const nowMs = now.getTime();
    let purged = 0;
    for (const [key, receipt] of this.#receipts) {
      if (receipt.expiresAtMs < nowMs) {
        this.#receipts.delete(key);
        purged++;
      }
    }
    return purged;
  }
}
