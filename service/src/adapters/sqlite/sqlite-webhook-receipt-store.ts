import type { Database, Statement, Transaction } from 'better-sqlite3';
import { StoreError } from '../../core/ports/store-error.ts';
import type {
  ClaimResult,
  StoredResponse,
  WebhookReceiptStore,
} from '../../core/ports/webhook-receipt-store.port.ts';

/** A claim not completed within this long is taken to belong to a process that died, and may be re-claimed. */
const STALE_CLAIM_MS = 30_000;

interface ReceiptRow {
  claimed_at_ms: number;
  expires_at_ms: number;
  response_status: number | null;
  response_content_type: string | null;
  response_body: string | null;
}

/** Expired means strictly past `expires_at_ms`; an expired key is treated as never seen. */
export class SqliteWebhookReceiptStore implements WebhookReceiptStore {
  readonly #insertIfAbsent: Statement<[string, number, number]>;
  readonly #select: Statement<[string], ReceiptRow>;
  readonly #reclaim: Statement<[number, number, string]>;
  readonly #complete: Statement<[number, string, string, string | null, string]>;
  readonly #release: Statement<[string]>;
  readonly #purgeExpired: Statement<[number]>;
  readonly #claim: Transaction<(key: string, nowMs: number, expiresAtMs: number) => ClaimResult>;

  constructor(db: Database) {
    this.#insertIfAbsent = db.prepare(`INSERT INTO webhook_receipts (key, claimed_at_ms, expires_at_ms)
      VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING`);
    this.#select = db.prepare(`SELECT claimed_at_ms, expires_at_ms, response_status, response_content_type,
      response_body FROM webhook_receipts WHERE key = ?`);
    this.#reclaim = db.prepare(`UPDATE webhook_receipts SET claimed_at_ms = ?, expires_at_ms = ?,
      response_status = NULL, response_content_type = NULL, response_body = NULL, user_id = NULL WHERE key = ?`);
    // A key that is no longer claimed (released or purged) has nothing to complete, so this may change no row.
    this.#complete = db.prepare(`UPDATE webhook_receipts SET response_status = ?, response_content_type = ?,
      response_body = ?, user_id = ? WHERE key = ?`);
    this.#release = db.prepare('DELETE FROM webhook_receipts WHERE key = ? AND response_status IS NULL');
    this.#purgeExpired = db.prepare('DELETE FROM webhook_receipts WHERE expires_at_ms < ?');
    // IMMEDIATE takes the write lock before reading, so another process cannot claim between our read and write.
    this.#claim = db.transaction((key, nowMs, expiresAtMs) =>
      this.#claimInTransaction(key, nowMs, expiresAtMs),
    );
  }

  async claim(key: string, now: Date, ttlSeconds: number): Promise<ClaimResult> {
    const nowMs = now.getTime();
    return this.#claim.immediate(key, nowMs, nowMs + ttlSeconds * 1000);
  }

  async complete(key: string, response: StoredResponse, userId?: string): Promise<void> {
    this.#complete.run(response.status, response.contentType, response.body, userId ?? null, key);
  }

  async release(key: string): Promise<void> {
    this.#release.run(key);
  }

  async purgeExpired(now: Date): Promise<number> {
    return this.#purgeExpired.run(now.getTime()).changes;
  }

  #claimInTransaction(key: string, nowMs: number, expiresAtMs: number): ClaimResult {
    if (this.#insertIfAbsent.run(key, nowMs, expiresAtMs).changes === 1) return { status: 'claimed' };
    const row = this.#select.get(key);
    // Cannot happen: the INSERT just found the row and the transaction holds the write lock.
    if (row === undefined) throw new Error(`webhook receipt ${key} vanished during its claim`);
    const expired = row.expires_at_ms < nowMs;
    if (!expired) {
      const response = toStoredResponse(key, row);
      if (response !== undefined) return { status: 'done', response };
      if (nowMs - row.claimed_at_ms < STALE_CLAIM_MS) return { status: 'in_progress' };
    }
    // Expired (counts as new) or a stale claim whose process probably died: take it over.
    this.#reclaim.run(nowMs, expiresAtMs, key);
    return { status: 'claimed' };
  }
}

function toStoredResponse(key: string, row: ReceiptRow): StoredResponse | undefined {
  const { response_status: status, response_content_type: contentType, response_body: body } = row;
  if (status === null && contentType === null && body === null) return undefined;
  if (status === null || contentType === null || body === null || !Number.isInteger(status)) {
    throw new StoreError('corrupt_row', `webhook_receipts row ${key} has a partial response`);
  }
  return { status, contentType, body };
}
