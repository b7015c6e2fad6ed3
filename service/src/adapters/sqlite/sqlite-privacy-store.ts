import type { Database, Statement } from 'better-sqlite3';
import { type ErasureRecord, type ExportLink, erasureRecordSchema } from '../../core/domain/export-link.ts';
import type { ExportLinkLookup, PrivacyStore } from '../../core/ports/privacy-store.port.ts';
import { StoreError } from '../../core/ports/store-error.ts';
import { isUniqueViolation, parseRow } from './sqlite-rows.ts';

interface LinkRow {
  user_id: string | null;
  used_at: string | null;
}

/** Export links and the erasure audit; expired means strictly past `expires_at`, as for plans. */
export class SqlitePrivacyStore implements PrivacyStore {
  readonly #insertLink: Statement<[string, string, string, string, number]>;
  readonly #findLink: Statement<[string, number], LinkRow>;
  readonly #useLink: Statement<[string, string, number]>;
  readonly #deleteLinksForUser: Statement<[string]>;
  readonly #insertErasure: Statement<[string, string, number]>;
  readonly #erasures: Statement<[], { id: string; at: string }>;
  readonly #purgeExpired: Statement<[number]>;

  constructor(db: Database) {
    this.#insertLink =
      db.prepare(`INSERT INTO export_links (token, user_id, created_at, expires_at, expires_at_ms)
      VALUES (?, ?, ?, ?, ?)`);
    this.#findLink = db.prepare(
      'SELECT user_id, used_at FROM export_links WHERE token = ? AND expires_at_ms >= ?',
    );
    // One UPDATE checks and marks, so of two racing downloads only one changes the row.
    this.#useLink = db.prepare(`UPDATE export_links SET used_at = ?, user_id = NULL
      WHERE token = ? AND used_at IS NULL AND expires_at_ms >= ?`);
    this.#deleteLinksForUser = db.prepare('DELETE FROM export_links WHERE user_id = ?');
    this.#insertErasure = db.prepare('INSERT INTO erasures (id, at, at_ms) VALUES (?, ?, ?)');
    this.#erasures = db.prepare('SELECT id, at FROM erasures ORDER BY at_ms ASC, rowid ASC');
    this.#purgeExpired = db.prepare('DELETE FROM export_links WHERE expires_at_ms < ?');
  }

  async saveExportLink(link: ExportLink): Promise<void> {
    try {
      this.#insertLink.run(
        link.token,
        link.userId,
        link.createdAt,
        link.expiresAt,
        Date.parse(link.expiresAt),
      );
    } catch (error) {
      // The message never names the token: it is a secret.
      if (isUniqueViolation(error))
        throw new StoreError('conflict', 'export link token already taken', { cause: error });
      throw error;
    }
  }

  async findExportLink(token: string, now: Date): Promise<ExportLinkLookup> {
    const row = this.#findLink.get(token, now.getTime());
    if (row === undefined) return { status: 'not_found' };
    if (row.used_at !== null || row.user_id === null) return { status: 'used' };
    return { status: 'ready', userId: row.user_id };
  }

  async useExportLink(token: string, now: Date): Promise<boolean> {
    return this.#useLink.run(now.toISOString(), token, now.getTime()).changes === 1;
  }

  async erasures(): Promise<ErasureRecord[]> {
    return this.#erasures.all().map((row) => parseRow(erasureRecordSchema, row, `erasures row ${row.id}`));
  }

  async purgeExpired(now: Date): Promise<number> {
    return this.#purgeExpired.run(now.getTime()).changes;
  }

  /** Synchronous, so the erasure transaction can run it. */
  deleteForUserNow(userId: string): void {
    this.#deleteLinksForUser.run(userId);
  }

  appendErasureNow(record: ErasureRecord): void {
    this.#insertErasure.run(record.id, record.at, Date.parse(record.at));
  }
}
