/** What the edge answered to a webhook, kept so a provider's retry gets exactly the same answer. */
export interface StoredResponse {
  status: number;
  contentType: string;
  body: string;
}

export type ClaimResult =
  | { status: 'claimed' }
  | { status: 'done'; response: StoredResponse }
  | { status: 'in_progress' };

/**
 * Idempotency for inbound webhooks, keyed by provider and event id (e.g. `twilio:SM…`).
 * `claim` is atomic: of many concurrent claims on one key exactly one gets `claimed`.
 */
export interface WebhookReceiptStore {
  claim(key: string, now: Date, ttlSeconds: number): Promise<ClaimResult>;
  /**
   * Stores the answer. `userId` names whom the reply was for, so erasing that user removes it too (a reply may
   * quote what they sent); absent when the reply went to nobody stored, e.g. after an erasure.
   */
  complete(key: string, response: StoredResponse, userId?: string): Promise<void>;
  /** Gives a claim back after a fault, so a retry can process the event again. */
  release(key: string): Promise<void>;
  purgeExpired(now: Date): Promise<number>;
}
