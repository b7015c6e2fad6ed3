import type { User } from '../domain/user.ts';

export interface UserStore {
  findById(id: string): Promise<User | undefined>;
  /** `phone` is E.164; `whatsapp:` prefixes are stripped before the store is asked. */
  findByPhone(phone: string): Promise<User | undefined>;
  findByWebSession(sessionId: string): Promise<User | undefined>;
  /** Fails with a `StoreError` of code `conflict` when the id, phone or web session is taken. */
  create(user: User): Promise<void>;
  /** Replaces the stored user; fails with `not_found` when it does not exist. */
  update(user: User): Promise<void>;
  delete(id: string): Promise<void>;
}
