import { supersedes } from '../../core/messaging/delivery-status.ts';
import type {
  DeliveryRecord,
  OutboundClaim,
  OutboundHoldings,
  OutboundMessageStore,
  OutboundRecord,
} from '../../core/ports/outbound-message-store.port.ts';

interface StatusEntry {
  record: DeliveryRecord;
  /** Whom the message was for, when this store sent it, so erasure removes the status too. */
  userId?: string;
}

export class MemoryOutboundMessageStore implements OutboundMessageStore {
  readonly #messages = new Map<string, OutboundRecord>();
  readonly #statuses = new Map<string, StatusEntry>();

  async claim(key: string, userId: string, now: Date, staleAfterMs: number): Promise<OutboundClaim> {
    // Runs without an await, so concurrent claims are serialised by the event loop.
    const existing = this.#messages.get(key);
    if (existing !== undefined) {
      if (existing.state !== 'sending') return { status: 'done', record: { ...existing } };
      if (now.getTime() - Date.parse(existing.claimedAt) < staleAfterMs) return { status: 'in_progress' };
    }
    this.#messages.set(key, { key, userId, state: 'sending', claimedAt: now.toISOString() });
    return { status: 'claimed' };
  }

  async markSent(key: string, messageSid: string, now: Date): Promise<void> {
    const existing = this.#messages.get(key);
    if (existing === undefined) return;
    this.#messages.set(key, {
      key,
      userId: existing.userId,
      state: 'sent',
      messageSid,
      at: now.toISOString(),
    });
  }

  async markFailed(key: string, errorCode: number, now: Date): Promise<void> {
    const existing = this.#messages.get(key);
    if (existing === undefined) return;
    this.#messages.set(key, {
      key,
      userId: existing.userId,
      state: 'failed',
      errorCode,
      at: now.toISOString(),
    });
  }

  async release(key: string): Promise<void> {
    if (this.#messages.get(key)?.state === 'sending') this.#messages.delete(key);
  }

  async find(key: string): Promise<OutboundRecord | undefined> {
    const record = this.#messages.get(key);
    return record === undefined ? undefined : { ...record };
  }

  async recordStatus(update: DeliveryRecord): Promise<'recorded' | 'ignored'> {
    const current = this.#statuses.get(update.messageSid);
    if (current && !supersedes(current.record.status, update.status)) return 'ignored';
    const userId = current?.userId ?? this.#userOf(update.messageSid);
    this.#statuses.set(update.messageSid, {
      record: { ...update },
      ...(userId === undefined ? {} : { userId }),
    });
    return 'recorded';
  }

  async status(messageSid: string): Promise<DeliveryRecord | undefined> {
    const entry = this.#statuses.get(messageSid);
    return entry === undefined ? undefined : { ...entry.record };
  }

  async listForUser(userId: string): Promise<OutboundHoldings> {
    const messages = [...this.#messages.values()]
      .filter((record) => record.userId === userId)
      .sort((a, b) => compare(a.key, b.key))
      .map((record) => ({ ...record }));
    const statuses = [...this.#statuses.values()]
      .filter((entry) => entry.userId === userId)
      .map((entry) => ({ ...entry.record }))
      .sort((a, b) => compare(a.messageSid, b.messageSid));
    return { messages, statuses };
  }

  /** Erasure: the user's keys and the statuses of their messages go. */
  deleteForUserNow(userId: string): void {
    for (const [key, record] of this.#messages) if (record.userId === userId) this.#messages.delete(key);
    for (const [sid, entry] of this.#statuses) if (entry.userId === userId) this.#statuses.delete(sid);
  }

  #userOf(messageSid: string): string | undefined {
    for (const record of this.#messages.values()) {
      if (record.state === 'sent' && record.messageSid === messageSid) return record.userId;
    }
    return undefined;
  }
}

/** Code-unit order, as SQLite's BINARY collation and DynamoDB's sort keys order ASCII keys. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
