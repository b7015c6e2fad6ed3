import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

export interface SqliteConnectionOptions {
  file: string;
  busyTimeoutMs: number;
}

/**
 * Opens the file with the settings every connection needs: WAL so readers never block the writer,
 * a busy timeout so a second process waits for the lock instead of failing at once, foreign keys on
 * (SQLite leaves them off per connection by default) and secure delete (GDPR erasure).
 */
export function openDatabase({ file, busyTimeoutMs }: SqliteConnectionOptions): Database.Database {
  if (!isInMemory(file)) mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, { timeout: busyTimeoutMs });
  try {
    db.pragma(`busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
    db.pragma('journal_mode = WAL');
    // NORMAL is durable across application crashes in WAL mode and avoids an fsync per commit.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // Deleted content is overwritten with zeros, so an erased user's bytes do not linger in free pages.
    db.pragma('secure_delete = ON');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function isInMemory(file: string): boolean {
  return file === ':memory:' || file === '';
}
