import type { Database } from 'better-sqlite3';
import type { CommitResult, StoreWrite } from '../../core/ports/stores.ts';
import type { SqliteConsentStore } from './sqlite-consent-store.ts';
import type { SqliteDialogueStore } from './sqlite-dialogue-store.ts';
import { checkpointAfterErasure } from './sqlite-erase.ts';
import type { SqliteMessageLog } from './sqlite-message-log.ts';
import type { SqliteUserStore } from './sqlite-user-store.ts';

class VersionConflict extends Error {}

interface Writers {
  users: SqliteUserStore;
  dialogue: SqliteDialogueStore;
  messages: SqliteMessageLog;
  consent: SqliteConsentStore;
  /** GDPR erasure (sqlite-erase.ts), run inside the same transaction as the other writes. */
  erase: (write: Extract<StoreWrite, { kind: 'erase_user' }>) => void;
}

/** All writes in one SQLite transaction: one commit for the lot, and a version conflict rolls every one back. */
export function sqliteCommit(
  db: Database,
  writers: Writers,
): (writes: readonly StoreWrite[]) => CommitResult {
  const apply = db.transaction((writes: readonly StoreWrite[]) => {
    for (const write of writes) {
      switch (write.kind) {
        case 'dialogue':
          if (!writers.dialogue.saveNow(write.userId, write.state, write.expectedVersion).ok)
            throw new VersionConflict();
          break;
        case 'user':
          writers.users.updateNow(write.user);
          break;
        case 'consent':
          writers.consent.appendNow(write.record);
          break;
        case 'message':
          writers.messages.appendNow(write.entry);
          break;
        case 'delete_messages':
          writers.messages.deleteForUserNow(write.userId);
          break;
        case 'erase_user':
          writers.erase(write);
          break;
      }
    }
  });
  return (writes) => {
    try {
      apply(writes);
      // After the commit, outside the transaction: no frame holding the erased rows stays in the WAL.
      if (writes.some((write) => write.kind === 'erase_user')) checkpointAfterErasure(db);
      return { ok: true };
    } catch (error) {
      if (error instanceof VersionConflict) return { ok: false, reason: 'version_conflict' };
      throw error;
    }
  };
}
