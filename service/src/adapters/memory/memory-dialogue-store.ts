import type { DialogueStore, SaveResult, VersionedState } from '../../core/ports/dialogue-store.port.ts';

interface StoredState {
  /** Kept as JSON text, like the stores that serialise, so state that would not survive SQLite fails here too. */
  json: string;
  version: number;
}

export class MemoryDialogueStore implements DialogueStore {
  readonly #states = new Map<string, StoredState>();

  async load(userId: string): Promise<VersionedState | undefined> {
    const stored = this.#states.get(userId);
    if (stored === undefined) return undefined;
    return { state: JSON.parse(stored.json) as unknown, version: stored.version };
  }

  async save(userId: string, state: unknown, expectedVersion: number): Promise<SaveResult> {
    // Check and write happen in one synchronous step, so racing saves cannot both pass the check.
    const currentVersion = this.#states.get(userId)?.version ?? 0;
    if (currentVersion !== expectedVersion) return { ok: false, reason: 'version_conflict' };
    const version = currentVersion + 1;
    this.#states.set(userId, { json: JSON.stringify(state ?? null), version });
    return { ok: true, version };
  }

  async delete(userId: string): Promise<void> {
    this.#states.delete(userId);
  }
}
