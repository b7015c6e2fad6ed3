import { StoreError } from '../../core/ports/store-error.ts';
import type { CommitResult, Stores, StoreWrite } from '../../core/ports/stores.ts';

/**
 * All or nothing, in memory: whatever could refuse (a missing user, another dialogue version) is checked before
 * anything is written, and the dialogue save, whose version check is atomic, goes first.
 */
export async function memoryCommit(
  stores: Omit<Stores, 'commit'>,
  writes: readonly StoreWrite[],
  erase: (write: Extract<StoreWrite, { kind: 'erase_user' }>) => Promise<void>,
): Promise<CommitResult> {
  for (const write of writes) {
    if (write.kind === 'user' && !(await stores.users.findById(write.user.id))) {
      throw new StoreError('not_found', `user ${write.user.id} does not exist`);
    }
  }
  for (const write of writes) {
    if (write.kind !== 'dialogue') continue;
    const saved = await stores.dialogue.save(write.userId, write.state, write.expectedVersion);
    if (!saved.ok) return saved;
  }
  for (const write of writes) {
    if (write.kind === 'user') await stores.users.update(write.user);
    else if (write.kind === 'consent') await stores.consent.append(write.record);
    else if (write.kind === 'message') await stores.messages.append(write.entry);
    else if (write.kind === 'delete_messages') await stores.messages.deleteForUser(write.userId);
    else if (write.kind === 'erase_user') await erase(write);
  }
  return { ok: true };
}
