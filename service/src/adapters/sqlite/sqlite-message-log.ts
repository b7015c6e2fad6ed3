import type { Database, Statement } from 'better-sqlite3';
import { type MessageLogEntry, messageLogEntrySchema } from '../../core/domain/message.ts';
import type { MessageLog } from '../../core/ports/message-log.port.ts';
import { parseRow } from './sqlite-rows.ts';

interface MessageRow {
  id: string;
  user_id: string;
  direction: string;
  channel: string;
  body: string;
  at: string;
  expires_at: string;
}

interface InsertParams extends MessageRow {
  at_ms: number;
  expires_at_ms: number;
}

/** Expired means strictly past `expires_at`: an entry is still visible at the instant it expires. */
export class SqliteMessageLog implements MessageLog {
  readonly #insert: Statement<InsertParams>;
  readonly #listForUser: Statement<[string, number, number], MessageRow>;
  readonly #getById: Statement<[string, number], MessageRow>;
  readonly #purgeExpired: Statement<[number]>;
  readonly #deleteForUser: Statement<[string]>;

  constructor(db: Database) {
    // First write wins: a retried append of the same message id is harmless.
    this.#insert = db.prepare(`INSERT INTO message_log
      (id, user_id, direction, channel, body, at, at_ms, expires_at, expires_at_ms) VALUES
      (@id, @user_id, @direction, @channel, @body, @at, @at_ms, @expires_at, @expires_at_ms)
      ON CONFLICT (id) DO NOTHING`);
    // LIMIT -1 means no limit in SQLite. rowid breaks ties between entries with the same instant.
    this.#listForUser = db.prepare(`SELECT id, user_id, direction, channel, body, at, expires_at
      FROM message_log WHERE user_id = ? AND expires_at_ms >= ?
      ORDER BY at_ms DESC, rowid DESC LIMIT ?`);
    this.#getById = db.prepare(`SELECT id, user_id, direction, channel, body, at, expires_at
      FROM message_log WHERE id = ? AND expires_at_ms >= ?`);
    this.#purgeExpired = db.prepare('DELETE FROM message_log WHERE expires_at_ms < ?');
    this.#deleteForUser = db.prepare('DELETE FROM message_log WHERE user_id = ?');
  }

  async append(entry: MessageLogEntry): Promise<void> {
    this.appendNow(entry);
  }

  /** Synchronous, so a transaction can run it with other writes. */
  appendNow(entry: MessageLogEntry): void {
    this.#insert.run({
      id: entry.id,
      user_id: entry.userId,
      direction: entry.direction,
      channel: entry.channel,
      body: entry.body,
      at: entry.at,
      at_ms: Date.parse(entry.at),
      expires_at: entry.expiresAt,
      expires_at_ms: Date.parse(entry.expiresAt),
    });
  }

  async listForUser(userId: string, now: Date, limit?: number): Promise<MessageLogEntry[]> {
    const rows = this.#listForUser.all(userId, now.getTime(), limit === undefined ? -1 : Math.max(0, limit));
    return rows.map(toEntry);
  }

  async getById(id: string, now: Date): Promise<MessageLogEntry | undefined> {
    const row = this.#getById.get(id, now.getTime());
    return row ? toEntry(row) : undefined;
  }

  async purgeExpired(now: Date): Promise<number> {
    return this.#purgeExpired.run(now.getTime()).changes;
  }

  async deleteForUser(userId: string): Promise<void> {
    this.deleteForUserNow(userId);
  }

  deleteForUserNow(userId: string): void {
    this.#deleteForUser.run(userId);
  }
}

function toEntry(row: MessageRow): MessageLogEntry {
  return parseRow(
    messageLogEntrySchema,
    {
      id: row.id,
      userId: row.user_id,
      direction: row.direction,
      channel: row.channel,
      body: row.body,
      at: row.at,
      expiresAt: row.expires_at,
    },
    `message_log row ${row.id}`,
  );
}
