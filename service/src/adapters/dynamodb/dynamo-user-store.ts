import { type User, userSchema } from '../../core/domain/user.ts';
import { StoreError } from '../../core/ports/store-error.ts';
import type { UserStore } from '../../core/ports/user-store.port.ts';
import { numberAttr, parseDoc } from './dynamo-items.ts';
import { type Key, keys } from './dynamo-keys.ts';
import { type DynamoTable, type Item, notExists, type TransactItem } from './dynamo-table.ts';

/** A user's writes for one transaction; a failed condition at a `taken` index means a phone or session is taken. */
export interface UserWrite {
  items: TransactItem[];
  taken: ReadonlySet<number>;
}

/** How often a write is retried when another writer changed the same user between our read and our write. */
const MAX_ATTEMPTS = 5;

/**
 * The user is one document; its phone and web session each own a small pointer item (`PHONE#…`, `WEBSESSION#…`)
 * written in the same transaction. The pointer's `attribute_not_exists` condition is what makes a phone or
 * session unique (a GSI cannot), and reading it is strongly consistent (a GSI is not).
 */
export class DynamoUserStore implements UserStore {
  constructor(readonly table: DynamoTable) {}

  async findById(id: string): Promise<User | undefined> {
    const item = await this.table.get(keys.user(id));
    return item === undefined ? undefined : toUser(item, id);
  }

  async findByPhone(phone: string): Promise<User | undefined> {
    const user = await this.#byPointer(keys.phone(phone));
    return user?.phone === phone ? user : undefined;
  }

  async findByWebSession(sessionId: string): Promise<User | undefined> {
    const user = await this.#byPointer(keys.webSession(sessionId));
    return user?.webSessionId === sessionId ? user : undefined;
  }

  async create(user: User): Promise<void> {
    const items = [
      this.table.putItem(userItem(user, 1), notExists),
      ...pointers(user).map((key) => this.table.putItem(pointerItem(key, user.id), notExists)),
    ];
    const outcome = await this.table.transact(items);
    if (!outcome.ok) throw takenError(user.id);
  }

  async update(user: User): Promise<void> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const write = await this.prepareUpdate(user);
      const outcome = await this.table.transact(write.items);
      if (outcome.ok) return;
      if ([...outcome.failed].some((index) => write.taken.has(index))) throw takenError(user.id);
    }
    throw new StoreError('conflict', `user ${user.id} kept changing during its update`);
  }

  async delete(id: string): Promise<void> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const item = await this.table.get(keys.user(id));
      if (item === undefined) return;
      const current = toUser(item, id);
      const outcome = await this.table.transact([
        this.table.deleteItem(keys.user(id), revIs(item, id)),
        ...pointers(current).map((key) => this.table.deleteItem(key, ownedBy(id))),
      ]);
      if (outcome.ok) return;
    }
    throw new StoreError('conflict', `user ${id} kept changing during its deletion`);
  }

  /**
   * Reads the stored user and returns the writes that replace it: the document (only while unchanged since this
   * read) and the pointers that moved. Fails with `not_found` when there is no such user.
   */
  async prepareUpdate(user: User): Promise<UserWrite> {
    const item = await this.table.get(keys.user(user.id));
    if (item === undefined) throw new StoreError('not_found', `user ${user.id} does not exist`);
    const current = toUser(item, user.id);
    const rev = numberAttr(item, 'rev', `user item ${user.id}`);
    const items = [this.table.putItem(userItem(user, rev + 1), revIs(item, user.id))];
    const taken = new Set<number>();
    const moves: [Key | undefined, Key | undefined][] = [
      [current.phone === undefined ? undefined : keys.phone(current.phone), phoneKey(user)],
      [
        current.webSessionId === undefined ? undefined : keys.webSession(current.webSessionId),
        sessionKey(user),
      ],
    ];
    for (const [before, after] of moves) {
      if (before?.pk === after?.pk) continue;
      if (before) items.push(this.table.deleteItem(before, ownedBy(user.id)));
      if (after) {
        taken.add(items.length);
        items.push(this.table.putItem(pointerItem(after, user.id), notExists));
      }
    }
    return { items, taken };
  }

  async #byPointer(key: Key): Promise<User | undefined> {
    const pointer = await this.table.get(key);
    const userId = pointer?.userId;
    return typeof userId === 'string' ? this.findById(userId) : undefined;
  }
}

function userItem(user: User, rev: number): Item {
  return { ...keys.user(user.id), kind: 'user', doc: user, rev };
}

function pointerItem(key: Key, userId: string): Item {
  return { ...key, kind: key.sk === 'PHONE' ? 'user_phone' : 'user_web_session', userId };
}

const phoneKey = (user: User) => (user.phone === undefined ? undefined : keys.phone(user.phone));
const sessionKey = (user: User) =>
  user.webSessionId === undefined ? undefined : keys.webSession(user.webSessionId);

function pointers(user: User): Key[] {
  return [phoneKey(user), sessionKey(user)].filter((key) => key !== undefined);
}

/** A pointer is removed only while it still points at this user (or is already gone). */
function ownedBy(userId: string) {
  return { expression: 'attribute_not_exists(pk) OR userId = :id', values: { ':id': userId } };
}

/** The write lands only while the user is as we read it: `rev` grows by one on every write. */
function revIs(item: Item, userId: string) {
  return { expression: 'rev = :rev', values: { ':rev': numberAttr(item, 'rev', `user item ${userId}`) } };
}

function toUser(item: Item, id: string): User {
  return parseDoc(userSchema, item, `user item ${id}`);
}

/** Names the user id only: phone numbers never go into errors or logs. */
function takenError(userId: string): StoreError {
  return new StoreError('conflict', `user ${userId}: id, phone or web session already taken`);
}
