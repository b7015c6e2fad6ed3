import type { MessageLogEntry } from '../../core/domain/message.ts';
import type { MessageLog } from '../../core/ports/message-log.port.ts';

interface StoredEntry {
  entry: MessageLogEntry;
  atMs: number;
  expiresAtMs: number;
  /** Insertion order, to break ties between entries with the same `at`. */
  seq: number;
}

export class MemoryMessageLog implements MessageLog {
  readonly #entries = new Map<string, StoredEntry>();
  #nextSeq = 0;

  async append(entry: MessageLogEntry): Promise<void> {
    // First write wins: a retried append of the same message id is harmless.
    if (this.#entries.has(entry.id)) return;
    this.#entries.set(entry.id, {
      entry: structuredClone(entry),
      atMs: Date.parse(entry.at),
      expiresAtMs: Date.parse(entry.expiresAt),
      seq: this.#nextSeq++,
    });
  }

  async listForUser(userId: string, now: Date, limit?: number): Promise<MessageLogEntry[]> {
    const nowMs = now.getTime();
    const visible = [...this.#entries.values()]
      .filter((stored) => stored.entry.userId === userId && !isExpired(stored, nowMs))
      .sort((a, b) => b.atMs - a.atMs || b.seq - a.seq);
    const limited = limit === undefined ? visible : visible.slice(0, Math.max(0, limit));
    return limited.map((stored) => structuredClone(stored.entry));
  }

  async getById(id: string, now: Date): Promise<MessageLogEntry | undefined> {
    const stored = this.#entries.get(id);
    return stored && !isExpired(stored, now.getTime()) ? structuredClone(stored.entry) : undefined;
  }

  async purgeExpired(now: Date): Promise<number> {
    const nowMs = now.getTime();
    let purged = 0;
    for (const [id, stored] of this.#entries) {
      if (isExpired(stored, nowMs)) {
        this.#entries.delete(id);
        purged++;
      }
    }
    return purged;
  }

  async deleteForUser(userId: string): Promise<void> {
    for (const [id, stored] of this.#entries) if (stored.entry.userId === userId) this.#entries.delete(id);
  }
}

/** "Past `expiresAt`": an entry is still visible at the very instant it expires. */
function isExpired(stored: StoredEntry, nowMs: number): boolean {
  return stored.expiresAtMs < nowMs;
}
