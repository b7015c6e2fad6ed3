import type { MessageLogEntry } from '../domain/message.ts';

export interface MessageLog {
  append(entry: MessageLogEntry): Promise<void>;
  /** Newest first; entries past `expiresAt` (relative to `now`) are never returned. */
  listForUser(userId: string, now: Date, limit?: number): Promise<MessageLogEntry[]>;
  /** One entry by its id; undefined when unknown or expired at `now`. */
  getById(id: string, now: Date): Promise<MessageLogEntry | undefined>;
  /** Removes expired entries; returns how many went. */
  purgeExpired(now: Date): Promise<number>;
  deleteForUser(userId: string): Promise<void>;
}
