import type { Database } from 'better-sqlite3';
import type { Clock } from '../../core/ports/clock.port.ts';
import type { Migration } from './migrations/index.ts';

/**
 * Applies the migrations this database has not seen yet, all in one transaction, and records each in
 * `schema_migrations`. IMMEDIATE takes the write lock first, so two processes opening the same file
 * cannot both apply a migration. Returns the versions applied now (empty when the schema is current).
 */
export function applyMigrations(db: Database, migrations: readonly Migration[], clock: Clock): number[] {
  assertOrdered(migrations);
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const appliedVersions = db.prepare<[], number>('SELECT version FROM schema_migrations').pluck();
  const record = db.prepare<[number, string, string]>(
    'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
  );

  const migrate = db.transaction((): number[] => {
    const applied = new Set(appliedVersions.all());
    const newest = migrations.at(-1)?.version ?? 0;
    const unknown = [...applied].filter((version) => version > newest);
    if (unknown.length > 0) {
      // Written by newer code: running older code against it could corrupt data, so refuse to start.
      throw new Error(
        `database schema version ${Math.max(...unknown)} is newer than this code knows (${newest})`,
      );
    }
    const pending = migrations.filter((migration) => !applied.has(migration.version));
    for (const migration of pending) {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, clock.now().toISOString());
    }
    return pending.map((migration) => migration.version);
  });
  return migrate.immediate();
}

function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    const previous = migrations[index - 1];
    if (previous !== undefined && migration.version <= previous.version) {
      throw new Error(`migration ${migration.version} (${migration.name}) is out of order`);
    }
  });
}
