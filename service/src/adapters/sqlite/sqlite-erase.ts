import type { Database } from 'better-sqlite3';
import type { StoreWrite } from '../../core/ports/stores.ts';
import type { SqliteConsentStore } from './sqlite-consent-store.ts';
import type { SqlitePrivacyStore } from './sqlite-privacy-store.ts';

type EraseUser = Extract<StoreWrite, { kind: 'erase_user' }>;

/**
 * Erasure inside the commit's transaction. Every table with a `user_id` column loses the user's rows, found from
 * the schema itself, so a table a later migration adds is covered without anyone remembering to list it here.
 * Then the user row goes, consent records move under the keyed hash, and the anonymous audit line is added.
 * With `secure_delete` on (see `openDatabase`) SQLite overwrites the freed bytes with zeros.
 */
export function sqliteEraser(
  db: Database,
  stores: { consent: SqliteConsentStore; privacy: SqlitePrivacyStore },
): (write: EraseUser) => void {
  const tablesWithUserId = db
    .prepare<[], string>(
      `SELECT m.name FROM sqlite_master AS m, pragma_table_info(m.name) AS c
       WHERE m.type = 'table' AND c.name = 'user_id' ORDER BY m.name`,
    )
    .pluck();
  const deleteUser = db.prepare<[string]>('DELETE FROM users WHERE id = ?');
  return ({ userId, subject, erasure }) => {
    for (const table of tablesWithUserId.all()) {
      db.prepare<[string]>(`DELETE FROM "${table.replaceAll('"', '""')}" WHERE user_id = ?`).run(userId);
    }
    deleteUser.run(userId);
    stores.consent.rekeyNow(subject);
    stores.privacy.appendErasureNow(erasure);
  };
}

/**
 * Copies the WAL into the database and truncates it to zero bytes, so the frames that still held the erased rows
 * are gone from the `-wal` file too. Runs outside any transaction.
 */
export function checkpointAfterErasure(db: Database): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}
