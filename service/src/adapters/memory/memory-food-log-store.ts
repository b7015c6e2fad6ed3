import type { FoodLogEntry } from '../../core/domain/food-log-entry.ts';
import type { FoodLogStore } from '../../core/ports/food-log-store.port.ts';
import { StoreError } from '../../core/ports/store-error.ts';

interface Stored {
  entry: FoodLogEntry;
  atMs: number;
  expiresAtMs: number;
}

/** Entries in a Map by id. Day and range queries scan it, which is fine at test and demo sizes. */
export class MemoryFoodLogStore implements FoodLogStore {
  readonly #entries = new Map<string, Stored>();

  async append(entries: readonly FoodLogEntry[]): Promise<void> {
    // Every id is checked before anything is written, so a refused batch leaves no trace.
    const ids = new Set<string>();
    for (const entry of entries) {
      if (this.#entries.has(entry.id) || ids.has(entry.id)) {
        throw new StoreError('conflict', `food log entry ${entry.id} already exists`);
      }
      ids.add(entry.id);
    }
    for (const entry of entries) this.#entries.set(entry.id, toStored(entry));
  }

  async forDay(userId: string, date: string, now: Date): Promise<FoodLogEntry[]> {
    return this.#select(userId, now, (entry) => entry.date === date);
  }

  async forDays(userId: string, fromDate: string, toDate: string, now: Date): Promise<FoodLogEntry[]> {
    // YYYY-MM-DD strings order as the days they name.
    return this.#select(userId, now, (entry) => entry.date >= fromDate && entry.date <= toDate);
  }

  async deleteForUser(userId: string): Promise<void> {
    for (const [id, stored] of this.#entries) if (stored.entry.userId === userId) this.#entries.delete(id);
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

  #select(userId: string, now: Date, inRange: (entry: FoodLogEntry) => boolean): FoodLogEntry[] {
    const nowMs = now.getTime();
    return [...this.#entries.values()]
      .filter(
        (stored) => stored.entry.userId === userId && inRange(stored.entry) && !isExpired(stored, nowMs),
      )
      .sort(byDateThenAt)
      .map((stored) => structuredClone(stored.entry));
  }
}

function toStored(entry: FoodLogEntry): Stored {
  return {
    entry: structuredClone(entry),
    atMs: Date.parse(entry.at),
    expiresAtMs: Date.parse(entry.expiresAt),
  };
}

/** "Past `expiresAt`": an entry is still visible at the very instant it expires. */
function isExpired(stored: Stored, nowMs: number): boolean {
  return stored.expiresAtMs < nowMs;
}

/** Date, then instant, then id: the order every store lists entries in. */
function byDateThenAt(a: Stored, b: Stored): number {
  if (a.entry.date !== b.entry.date) return a.entry.date < b.entry.date ? -1 : 1;
  if (a.atMs !== b.atMs) return a.atMs - b.atMs;
  return a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0;
}
