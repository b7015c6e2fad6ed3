import type { Database, Statement } from 'better-sqlite3';
import type { DialogueStore, SaveResult, VersionedState } from '../../core/ports/dialogue-store.port.ts';
import { StoreError } from '../../core/ports/store-error.ts';
import { parseJsonColumn } from './sqlite-rows.ts';

interface DialogueRow {
  state: string;
  version: number;
}

export class SqliteDialogueStore implements DialogueStore {
  readonly #load: Statement<[string], DialogueRow>;
  readonly #insertIfAbsent: Statement<[string, string]>;
  readonly #updateIfVersion: Statement<[string, string, number]>;
  readonly #delete: Statement<[string]>;

  constructor(db: Database) {
    this.#load = db.prepare('SELECT state, version FROM dialogue_states WHERE user_id = ?');
    this.#insertIfAbsent = db.prepare(
      'INSERT INTO dialogue_states (user_id, state, version) VALUES (?, ?, 1) ON CONFLICT (user_id) DO NOTHING',
    );
    // The version check and the write are one statement, so two racing saves cannot both match.
    this.#updateIfVersion = db.prepare(
      'UPDATE dialogue_states SET state = ?, version = version + 1 WHERE user_id = ? AND version = ?',
    );
    this.#delete = db.prepare('DELETE FROM dialogue_states WHERE user_id = ?');
  }

  async load(userId: string): Promise<VersionedState | undefined> {
    const row = this.#load.get(userId);
    if (row === undefined) return undefined;
    const what = `dialogue_states row ${userId}`;
    // The state is opaque here (the conversation core validates its shape); the envelope is ours to check.
    if (!Number.isSafeInteger(row.version) || row.version < 1) {
      throw new StoreError('corrupt_row', `${what} has an invalid version`);
    }
    return { state: parseJsonColumn(row.state, what), version: row.version };
  }

  async save(userId: string, state: unknown, expectedVersion: number): Promise<SaveResult> {
    return this.saveNow(userId, state, expectedVersion);
  }

  /** Synchronous, so a transaction can run it with other writes. */
  saveNow(userId: string, state: unknown, expectedVersion: number): SaveResult {
    const json = JSON.stringify(state ?? null);
    const result =
      expectedVersion === 0
        ? this.#insertIfAbsent.run(userId, json)
        : this.#updateIfVersion.run(json, userId, expectedVersion);
    if (result.changes === 0) return { ok: false, reason: 'version_conflict' };
    return { ok: true, version: expectedVersion + 1 };
  }

  async delete(userId: string): Promise<void> {
    this.#delete.run(userId);
  }
}
