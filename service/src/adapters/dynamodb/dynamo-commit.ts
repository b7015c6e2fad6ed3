import type { ConsentRecord } from '../../core/domain/consent.ts';
import type { MessageLogEntry } from '../../core/domain/message.ts';
import type { User } from '../../core/domain/user.ts';
import { StoreError } from '../../core/ports/store-error.ts';
import type { CommitResult, StoreWrite } from '../../core/ports/stores.ts';
import type { DynamoConsentStore } from './dynamo-consent-store.ts';
import type { DynamoDialogueStore } from './dynamo-dialogue-store.ts';
import { type EraseUser, erasingItem, finishErasure, planErasure } from './dynamo-erase.ts';
import { type Key, keys } from './dynamo-keys.ts';
import type { DynamoMessageLog } from './dynamo-message-log.ts';
import type { DynamoPrivacyStore } from './dynamo-privacy-store.ts';
import { type DynamoTable, MAX_TRANSACTION_ITEMS, type TransactItem } from './dynamo-table.ts';
import type { DynamoUserStore } from './dynamo-user-store.ts';

export interface Writers {
  users: DynamoUserStore;
  dialogue: DynamoDialogueStore;
  messages: DynamoMessageLog;
  consent: DynamoConsentStore;
  privacy: DynamoPrivacyStore;
}

/** Why an item is in the transaction: what a failed condition on it means. */
type Role = 'dialogue' | 'taken' | 'retry' | { messageId: string };

interface Planned {
  items: TransactItem[];
  roles: Role[];
  /** Deletions that did not fit in the transaction, run right after it (see `planCommit`). */
  overflow: Key[];
  /** Erasures whose deletions overflowed: their markers go once the deletions are done. */
  erasing: string[];
}

/** Re-planning after a user changed under us, or a message id turned out to be stored already. */
const MAX_ATTEMPTS = 5;

/**
 * `Stores.commit` as one TransactWriteItems call: the dialogue version, user, consent and messages land together,
 * or — when the dialogue version has moved on — none of them do.
 */
export function dynamoCommit(
  table: DynamoTable,
  writers: Writers,
): (writes: readonly StoreWrite[]) => Promise<CommitResult> {
  return async (writes) => {
    const storedIds = new Set<string>();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const planned = await planCommit(table, writes, writers, storedIds);
      if (planned === 'version_conflict') return { ok: false, reason: 'version_conflict' };
      const outcome = await table.transact(planned.items);
      if (outcome.ok) {
        await table.deleteAll(planned.overflow);
        for (const userId of planned.erasing) await finishErasure(table, userId, []);
        return { ok: true };
      }
      const failed = [...outcome.failed].map((index) => planned.roles[index]);
      if (failed.includes('dialogue')) return { ok: false, reason: 'version_conflict' };
      if (failed.includes('taken'))
        throw new StoreError('conflict', 'commit: phone or web session already taken');
      // A message id already stored is kept as first written (as `append` does); plan again without it.
      for (const role of failed) if (typeof role === 'object') storedIds.add(role.messageId);
    }
    throw new StoreError('conflict', 'commit: the stored user kept changing');
  };
}

/** The outcome of the writes applied in order, before it becomes transaction items. */
interface Picture {
  dialogue: Map<string, { state: unknown; expected: number; version: number; erased: boolean }>;
  users: Map<string, User>;
  consents: ConsentRecord[];
  messages: Map<string, MessageLogEntry>;
  clearedLogs: Set<string>;
  erasures: EraseUser[];
}

/** Applies the writes in order, as SQLite would: a later deletion also drops what earlier writes added. */
function picture(
  writes: readonly StoreWrite[],
  storedIds: ReadonlySet<string>,
): Picture | 'version_conflict' {
  const result: Picture = {
    dialogue: new Map(),
    users: new Map(),
    consents: [],
    messages: new Map(),
    clearedLogs: new Set(),
    erasures: [],
  };
  const dropMessagesOf = (userId: string) => {
    for (const [id, entry] of result.messages) if (entry.userId === userId) result.messages.delete(id);
  };
  for (const write of writes) {
    switch (write.kind) {
      case 'dialogue': {
        const earlier = result.dialogue.get(write.userId);
        const expected = write.expectedVersion;
        if (earlier === undefined)
          result.dialogue.set(write.userId, {
            state: write.state,
            expected,
            version: expected + 1,
            erased: false,
          });
        else if (earlier.version !== expected) return 'version_conflict';
        else Object.assign(earlier, { state: write.state, version: expected + 1, erased: false });
        break;
      }
      case 'user':
        result.users.set(write.user.id, write.user);
        break;
      case 'consent':
        result.consents.push(write.record);
        break;
      case 'message':
        if (!result.messages.has(write.entry.id) && !storedIds.has(write.entry.id))
          result.messages.set(write.entry.id, write.entry);
        break;
      case 'delete_messages':
        result.clearedLogs.add(write.userId);
        dropMessagesOf(write.userId);
        break;
      case 'erase_user': {
        result.erasures.push(write);
        const dialogue = result.dialogue.get(write.userId);
        if (dialogue) dialogue.erased = true;
        result.users.delete(write.userId);
        dropMessagesOf(write.userId);
        break;
      }
    }
  }
  return result;
}

/**
 * Turns the picture into transaction items: writes to one item collapse into one operation (DynamoDB refuses two
 * on an item in one transaction), and a dialogue that is erased keeps its version check as a conditional delete.
 *
 * Beyond DynamoDB's 100 items per transaction: deletions (a user's stored messages, or everything of an erased
 * user) move out of the transaction and run right after it succeeds, in idempotent batches; an erasure also
 * writes a marker in the transaction, so the expiry sweep finishes it should this process die in between.
 * Everything else stays all-or-nothing; if even that exceeds 100 items, nothing is written and the commit fails
 * (one inbound message writes ten items or so, so this means a bug, not a busy user).
 */
async function planCommit(
  table: DynamoTable,
  writes: readonly StoreWrite[],
  writers: Writers,
  storedIds: ReadonlySet<string>,
): Promise<Planned | 'version_conflict'> {
  const outcome = picture(writes, storedIds);
  if (outcome === 'version_conflict') return outcome;
  const items: TransactItem[] = [];
  const roles: Role[] = [];
  const touched = new Set<string>();
  const add = (item: TransactItem, role: Role, key?: Key) => {
    items.push(item);
    roles.push(role);
    if (key) touched.add(keyString(key));
  };

  for (const [userId, { state, expected, version, erased }] of outcome.dialogue) {
    const key = keys.dialogue(userId);
    const item = erased
      ? writers.dialogue.deleteItem(userId, expected)
      : writers.dialogue.saveItem(userId, state, expected, version);
    add(item, 'dialogue', key);
  }
  for (const user of outcome.users.values()) {
    const write = await writers.users.prepareUpdate(user);
    for (const [index, item] of write.items.entries()) add(item, write.taken.has(index) ? 'taken' : 'retry');
    touched.add(keyString(keys.user(user.id)));
  }
  for (const record of outcome.consents) add(writers.consent.appendItem(record), 'retry');

  const deletions = new Map<string, Key>();
  const toDelete = (list: readonly Key[]) => {
    for (const key of list) deletions.set(keyString(key), key);
  };
  for (const userId of outcome.clearedLogs) toDelete(await writers.messages.keysForUser(userId));
  for (const erasure of outcome.erasures) {
    const plan = await planErasure(table, writers, erasure);
    for (const item of plan.items) add(item, 'retry');
    toDelete(plan.deletions);
  }
  for (const entry of outcome.messages.values()) {
    // When the id belonged to a message this very commit deletes, the new entry takes its pointer over.
    const takeOver = deletions.delete(keyString(keys.messageId(entry.id)));
    const [log, pointer] = writers.messages.appendItems(entry, takeOver);
    add(log, 'retry');
    add(pointer, { messageId: entry.id });
  }
  for (const key of touched) deletions.delete(key);

  const fits = items.length + deletions.size <= MAX_TRANSACTION_ITEMS;
  const erasing = fits ? [] : outcome.erasures.map((erasure) => erasure.userId);
  if (!fits) for (const erasure of outcome.erasures) add(erasingItem(table, erasure), 'retry');
  if (items.length > MAX_TRANSACTION_ITEMS) {
    throw new Error(
      `a commit of ${items.length} items exceeds DynamoDB's transaction limit; nothing was written`,
    );
  }
  if (fits) for (const key of deletions.values()) add(table.deleteItem(key), 'retry');
  return { items, roles, overflow: fits ? [] : [...deletions.values()], erasing };
}

function keyString(key: Key): string {
  return `${key.pk}\n${key.sk}`;
}
