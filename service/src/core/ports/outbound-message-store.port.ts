import type { DeliveryStatus } from '../messaging/delivery-status.ts';

/** What is known of one outbound message, by its idempotency key. */
export type OutboundRecord =
  /** Claimed by a sender that has not finished (or died: the claim goes stale and may be taken over). */
  | { key: string; userId: string; state: 'sending'; claimedAt: string }
  | { key: string; userId: string; state: 'sent'; messageSid: string; at: string }
  /** Refused for good by the provider; never sent again under this key. */
  | { key: string; userId: string; state: 'failed'; errorCode: number; at: string };

export type OutboundClaim =
  | { status: 'claimed' }
  /** Sent or refused before: the record says which. */
  | { status: 'done'; record: Exclude<OutboundRecord, { state: 'sending' }> }
  /** Another sender holds a fresh claim. */
  | { status: 'in_progress' };

/** The latest delivery status the provider reported for one message. */
export interface DeliveryRecord {
  messageSid: string;
  status: DeliveryStatus;
  errorCode?: number;
  at: string;
}

/** What the store holds for one user (their export): keys in key order, statuses in MessageSid order. */
export interface OutboundHoldings {
  messages: OutboundRecord[];
  statuses: DeliveryRecord[];
}

/**
 * Keys of outbound messages (so a job that runs twice, even across a restart, sends once) and their delivery
 * status from the provider's callbacks. Rows carry the user id so erasure removes them with everything else.
 */
export interface OutboundMessageStore {
  /**
   * Atomic: of concurrent claims on one key exactly one gets `claimed`. A `sending` claim older than
   * `staleAfterMs` is taken to belong to a process that died and is taken over.
   */
  claim(key: string, userId: string, now: Date, staleAfterMs: number): Promise<OutboundClaim>;
  markSent(key: string, messageSid: string, now: Date): Promise<void>;
  markFailed(key: string, errorCode: number, now: Date): Promise<void>;
  /** Gives a claim back after a fault worth retrying; a key already sent or failed is left as it is. */
  release(key: string): Promise<void>;
  find(key: string): Promise<OutboundRecord | undefined>;
  /**
   * Records a status callback unless the status kept for the message is as far along or further (`supersedes`):
   * `recorded` when it changed, `ignored` for a repeat or a late arrival.
   */
  recordStatus(update: DeliveryRecord): Promise<'recorded' | 'ignored'>;
  status(messageSid: string): Promise<DeliveryRecord | undefined>;
  /** The user's keys and the statuses of the messages sent to them under those keys (no bodies: none are kept). */
  listForUser(userId: string): Promise<OutboundHoldings>;
}
