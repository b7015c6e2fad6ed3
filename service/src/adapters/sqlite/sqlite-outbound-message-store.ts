import type { Database, Statement, Transaction } from 'better-sqlite3';
import { deliveryStatusSchema, supersedes } from '../../core/messaging/delivery-status.ts';
import type {
  DeliveryRecord,
  OutboundClaim,
  OutboundHoldings,
  OutboundMessageStore,
  OutboundRecord,
} from '../../core/ports/outbound-message-store.port.ts';
import { StoreError } from '../../core/ports/store-error.ts';

interface OutboundRow {
  key: string;
  user_id: string;
  state: string;
  claimed_at_ms: number;
  message_sid: string | null;
  error_code: number | null;
  at: string;
}

interface StatusRow {
  message_sid: string;
  status: string;
  error_code: number | null;
  at: string;
}

const OUTBOUND_COLUMNS = 'key, user_id, state, claimed_at_ms, message_sid, error_code, at';

export class SqliteOutboundMessageStore implements OutboundMessageStore {
  readonly #insertIfAbsent: Statement<[string, string, number, string]>;
  readonly #select: Statement<[string], OutboundRow>;
  readonly #reclaim: Statement<[number, string, string, string]>;
  readonly #markSent: Statement<[string, string, string]>;
  readonly #markFailed: Statement<[number, string, string]>;
  readonly #release: Statement<[string]>;
  readonly #selectStatus: Statement<[string], StatusRow>;
  readonly #selectForUser: Statement<[string], OutboundRow>;
  readonly #selectStatusesForUser: Statement<[string], StatusRow>;
  readonly #upsertStatus: Statement<{ sid: string; status: string; errorCode: number | null; at: string }>;
  readonly #claim: Transaction<
    (key: string, userId: string, nowMs: number, staleAfterMs: number) => OutboundClaim
  >;
  readonly #record: Transaction<(update: DeliveryRecord) => 'recorded' | 'ignored'>;

  constructor(db: Database) {
    this.#insertIfAbsent = db.prepare(`INSERT INTO outbound_messages (key, user_id, state, claimed_at_ms, at)
      VALUES (?, ?, 'sending', ?, ?) ON CONFLICT (key) DO NOTHING`);
    this.#select = db.prepare(`SELECT ${OUTBOUND_COLUMNS} FROM outbound_messages WHERE key = ?`);
    this.#reclaim = db.prepare(`UPDATE outbound_messages SET claimed_at_ms = ?, at = ?, user_id = ?
      WHERE key = ? AND state = 'sending'`);
    this.#markSent = db.prepare(`UPDATE outbound_messages SET state = 'sent', message_sid = ?, at = ?
      WHERE key = ?`);
    this.#markFailed = db.prepare(`UPDATE outbound_messages SET state = 'failed', error_code = ?, at = ?
      WHERE key = ?`);
    this.#release = db.prepare("DELETE FROM outbound_messages WHERE key = ? AND state = 'sending'");
    this.#selectStatus = db.prepare(
      'SELECT message_sid, status, error_code, at FROM delivery_statuses WHERE message_sid = ?',
    );
    this.#selectForUser = db.prepare(
      `SELECT ${OUTBOUND_COLUMNS} FROM outbound_messages WHERE user_id = ? ORDER BY key`,
    );
    this.#selectStatusesForUser =
      db.prepare(`SELECT message_sid, status, error_code, at FROM delivery_statuses
      WHERE user_id = ? ORDER BY message_sid`);
    // The user of the message this store sent, so erasing them removes its statuses too.
    this.#upsertStatus =
      db.prepare(`INSERT INTO delivery_statuses (message_sid, user_id, status, error_code, at)
      VALUES (@sid, (SELECT user_id FROM outbound_messages WHERE message_sid = @sid), @status, @errorCode, @at)
      ON CONFLICT (message_sid) DO UPDATE SET status = excluded.status, error_code = excluded.error_code,
      at = excluded.at, user_id = COALESCE(delivery_statuses.user_id, excluded.user_id)`);
    // IMMEDIATE takes the write lock before reading, so another process cannot claim between our read and write.
    this.#claim = db.transaction((key, userId, nowMs, staleAfterMs) => {
      const at = new Date(nowMs).toISOString();
      if (this.#insertIfAbsent.run(key, userId, nowMs, at).changes === 1) return { status: 'claimed' };
      const row = this.#select.get(key);
      if (row === undefined) throw new Error(`outbound message ${key} vanished during its claim`);
      const record = toRecord(row);
      if (record.state !== 'sending') return { status: 'done', record };
      if (nowMs - row.claimed_at_ms < staleAfterMs) return { status: 'in_progress' };
      this.#reclaim.run(nowMs, at, userId, key);
      return { status: 'claimed' };
    });
    this.#record = db.transaction((update) => {
      const current = this.#selectStatus.get(update.messageSid);
      if (current && !supersedes(parseStatus(current), update.status)) return 'ignored';
      this.#upsertStatus.run({
        sid: update.messageSid,
        status: update.status,
        errorCode: update.errorCode ?? null,
        at: update.at,
      });
      return 'recorded';
    });
  }

  async claim(key: string, userId: string, now: Date, staleAfterMs: number): Promise<OutboundClaim> {
    return this.#claim.immediate(key, userId, now.getTime(), staleAfterMs);
  }

  async markSent(key: string, messageSid: string, now: Date): Promise<void> {
    this.#markSent.run(messageSid, now.toISOString(), key);
  }

  async markFailed(key: string, errorCode: number, now: Date): Promise<void> {
    this.#markFailed.run(errorCode, now.toISOString(), key);
  }

  async release(key: string): Promise<void> {
    this.#release.run(key);
  }

  async find(key: string): Promise<OutboundRecord | undefined> {
    const row = this.#select.get(key);
    return row === undefined ? undefined : toRecord(row);
  }

  async recordStatus(update: DeliveryRecord): Promise<'recorded' | 'ignored'> {
    return this.#record.immediate(update);
  }

  async status(messageSid: string): Promise<DeliveryRecord | undefined> {
    const row = this.#selectStatus.get(messageSid);
    return row === undefined ? undefined : toDelivery(row);
  }

  async listForUser(userId: string): Promise<OutboundHoldings> {
    return {
      messages: this.#selectForUser.all(userId).map(toRecord),
      statuses: this.#selectStatusesForUser.all(userId).map(toDelivery),
    };
  }
}

function toDelivery(row: StatusRow): DeliveryRecord {
  return {
    messageSid: row.message_sid,
    status: parseStatus(row),
    ...(row.error_code === null ? {} : { errorCode: row.error_code }),
    at: row.at,
  };
}

function parseStatus(row: StatusRow) {
  const parsed = deliveryStatusSchema.safeParse(row.status);
  if (!parsed.success) {
    throw new StoreError('corrupt_row', `delivery_statuses row ${row.message_sid} has an unknown status`);
  }
  return parsed.data;
}

function toRecord(row: OutboundRow): OutboundRecord {
  const base = { key: row.key, userId: row.user_id };
  if (row.state === 'sending') {
    return { ...base, state: 'sending', claimedAt: new Date(row.claimed_at_ms).toISOString() };
  }
  if (row.state === 'sent' && row.message_sid !== null) {
    return { ...base, state: 'sent', messageSid: row.message_sid, at: row.at };
  }
  if (row.state === 'failed' && row.error_code !== null) {
    return { ...base, state: 'failed', errorCode: row.error_code, at: row.at };
  }
  throw new StoreError('corrupt_row', `outbound_messages row ${row.key} is incomplete`);
}
