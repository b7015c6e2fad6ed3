import type { DialogueStore, SaveResult, VersionedState } from '../../core/ports/dialogue-store.port.ts';
import { StoreError } from '../../core/ports/store-error.ts';
import { numberAttr, stringAttr } from './dynamo-items.ts';
import { keys } from './dynamo-keys.ts';
import type { Condition, DynamoTable, TransactItem } from './dynamo-table.ts';

/**
 * One item per user, `version` guarded by a condition: the write only lands while the stored version is the one
 * the caller read, so of two racing messages exactly one wins. The state is JSON text because it is opaque here:
 * any JSON value round-trips exactly, and the core validates it on load.
 */
export class DynamoDialogueStore implements DialogueStore {
  constructor(readonly table: DynamoTable) {}

  async load(userId: string): Promise<VersionedState | undefined> {
    const item = await this.table.get(keys.dialogue(userId));
    if (item === undefined) return undefined;
    const what = `dialogue item of user ${userId}`;
    const json = stringAttr(item, 'state', what);
    try {
      return { state: JSON.parse(json) as unknown, version: numberAttr(item, 'version', what) };
    } catch (error) {
      throw new StoreError('corrupt_row', `${what} is not valid JSON`, { cause: error });
    }
  }

  async save(userId: string, state: unknown, expectedVersion: number): Promise<SaveResult> {
    const saved = await this.table.put(
      dialogueItem(userId, state, expectedVersion + 1),
      versionIs(expectedVersion),
    );
    return saved ? { ok: true, version: expectedVersion + 1 } : { ok: false, reason: 'version_conflict' };
  }

  async delete(userId: string): Promise<void> {
    await this.table.delete(keys.dialogue(userId));
  }

  /**
   * The conditional put, for `Stores.commit`'s transaction. `version` is what it stores: one more than expected,
   * or more when a commit chains several saves of one user into this single put.
   */
  saveItem(
    userId: string,
    state: unknown,
    expectedVersion: number,
    version = expectedVersion + 1,
  ): TransactItem {
    return this.table.putItem(dialogueItem(userId, state, version), versionIs(expectedVersion));
  }

  /** For a commit that saves the state and then erases the user: the version check stays, the item goes. */
  deleteItem(userId: string, expectedVersion: number): TransactItem {
    return this.table.deleteItem(keys.dialogue(userId), versionIs(expectedVersion));
  }
}

function dialogueItem(userId: string, state: unknown, version: number) {
  return { ...keys.dialogue(userId), kind: 'dialogue', state: JSON.stringify(state) ?? 'null', version };
}

/** 0 means none stored yet. */
function versionIs(expectedVersion: number): Condition {
  if (expectedVersion === 0) return { expression: 'attribute_not_exists(pk)' };
  return { expression: 'version = :expected', values: { ':expected': expectedVersion } };
}
