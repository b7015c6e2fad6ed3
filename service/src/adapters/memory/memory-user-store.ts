import type { User } from '../../core/domain/user.ts';
import { StoreError } from '../../core/ports/store-error.ts';
import type { UserStore } from '../../core/ports/user-store.port.ts';

/** Users in a Map. Phone and session lookups scan it, which is fine at test and demo sizes. */
export class MemoryUserStore implements UserStore {
  readonly #users = new Map<string, User>();

  async findById(id: string): Promise<User | undefined> {
    return cloneOrUndefined(this.#users.get(id));
  }

  async findByPhone(phone: string): Promise<User | undefined> {
    return cloneOrUndefined(this.#find((user) => user.phone === phone));
  }

  async findByWebSession(sessionId: string): Promise<User | undefined> {
    return cloneOrUndefined(this.#find((user) => user.webSessionId === sessionId));
  }

  async create(user: User): Promise<void> {
    if (this.#users.has(user.id)) throw new StoreError('conflict', `user ${user.id} already exists`);
    this.#assertIdentityFree(user);
    this.#users.set(user.id, structuredClone(user));
  }

  async update(user: User): Promise<void> {
    if (!this.#users.has(user.id)) throw new StoreError('not_found', `user ${user.id} does not exist`);
    this.#assertIdentityFree(user);
    this.#users.set(user.id, structuredClone(user));
  }

  async delete(id: string): Promise<void> {
    this.#users.delete(id);
  }

  #find(predicate: (user: User) => boolean): User | undefined {
    for (const user of this.#users.values()) if (predicate(user)) return user;
    return undefined;
  }

  /** Phone and web session are unique across users, as the SQLite and DynamoDB stores enforce. */
  #assertIdentityFree(user: User): void {
    for (const other of this.#users.values()) {
      if (other.id === user.id) continue;
      // The message names the user id only: phone numbers never go into errors or logs.
      if (user.phone !== undefined && other.phone === user.phone) {
        throw new StoreError('conflict', `phone of user ${user.id} belongs to another user`);
      }
      if (user.webSessionId !== undefined && other.webSessionId === user.webSessionId) {
        throw new StoreError('conflict', `web session of user ${user.id} belongs to another user`);
      }
    }
  }
}

function cloneOrUndefined(user: User | undefined): User | undefined {
  return user === undefined ? undefined : structuredClone(user);
}
