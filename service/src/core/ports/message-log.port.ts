import type { MessageLogEntry } from '../domain/message.ts';

export interface MessageLog {
  append(entry: MessageLogEntry): Promise<void>;
  /** Newest first; entries past `expiresAt` (relative to `now`) are never returned. */
  listForUser(userId: string, now: Date, limit?: number): Promise<MessageLogEntry[]>;
  /** Removes expired entries; returns how many went. */
  purgeExpired(now: Date): Promise<number>;
  deleteForUser(userId: string): Promise<void>;
}
