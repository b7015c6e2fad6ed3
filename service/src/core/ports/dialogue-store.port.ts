/** Dialogue state is opaque to the store: the conversation core owns its schema and validates what comes back. */
export interface VersionedState {
  state: unknown;
  /** Starts at 1 on the first save and grows by one on each save. */
  version: number;
}

export type SaveResult = { ok: true; version: number } | { ok: false; reason: 'version_conflict' };

export interface DialogueStore {
  load(userId: string): Promise<VersionedState | undefined>;
  /**
   * Optimistic concurrency: saves only when the stored version equals `expectedVersion` (0 = none stored yet),
   * so two racing messages cannot overwrite each other's state.
   */
  save(userId: string, state: unknown, expectedVersion: number): Promise<SaveResult>;
  delete(userId: string): Promise<void>;
}
