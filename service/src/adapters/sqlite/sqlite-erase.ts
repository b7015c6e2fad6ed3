import type { Database } from 'better-sqlite3';
import type { StoreWrite } from '../../core/ports/stores.ts';
import type { SqliteConsentStore } from './sqlite-consent-store.ts';
import type { SqlitePrivacyStore } from './sqlite-privacy-store.ts';

type EraseUser = Extract<StoreWrite, { kind: 'erase_user' }>;

interface KeyColumn {
  table: string;
  column: string;
  /** What the column holds, by the naming rule every migration follows. */
  holds: 'user_id' | 'phone';
}

/**
 * Erasure inside the commit's transaction. The rows to delete are found from the schema itself: a column named
 * `user_id`, `…_user_id` or `owner_id` holds a user id, one named `phone` or `…_phone` a number. So a table a later
 * migration adds is covered without anyone remembering to list it here (name its columns by that rule).
 * Then consent records move under the keyed hash, and the anonymous audit line is added.
 * With `secure_delete` on (see `openDatabase`) SQLite overwrites the freed bytes with zeros.
 */
export function sqliteEraser(
  db: Database,
  stores: { consent: SqliteConsentStore; privacy: SqlitePrivacyStore },
): (write: EraseUser) => void {
  const keyColumns = db.prepare<[], { table: string; column: string }>(
    `SELECT m.name AS "table", c.name AS "column" FROM sqlite_master AS m, pragma_table_info(m.name) AS c
     WHERE m.type = 'table' AND m.name <> 'consent_records'
       AND (c.name IN ('user_id', 'owner_id', 'phone') OR c.name LIKE '%\\_user\\_id' ESCAPE '\\'
         OR c.name LIKE '%\\_phone' ESCAPE '\\')
     ORDER BY m.name, c.cid`,
  );
  const deleteUser = db.prepare<[string]>('DELETE FROM users WHERE id = ?');
  return ({ userId, phone, subject, erasure }) => {
    for (const key of keyColumns.all().map(classify)) {
      const value = key.holds === 'user_id' ? userId : phone;
      if (value === undefined) continue;
      db.prepare<[string]>(`DELETE FROM ${quote(key.table)} WHERE ${quote(key.column)} = ?`).run(value);
    }
    deleteUser.run(userId);
    stores.consent.rekeyNow(subject);
    stores.privacy.appendErasureNow(erasure);
  };
}

function classify({ table, column }: { table: string; column: string }): KeyColumn {
  return { table, column, holds: column === 'phone' || column.endsWith('_phone') ? 'phone' : 'user_id' };
}

function quote(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * Copies the WAL into the database and truncates it to zero bytes, so the frames that still held the erased rows
 * are gone from the `-wal` file too. Runs outside any transaction.
 */
export function checkpointAfterErasure(db: Database): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}
