import type { FoodLogEntry } from '../domain/food-log-entry.ts';

/**
 * What each user ate, by their local day: the source of "how am I doing today" and of weekly summaries.
 *
 * Expired means strictly past `expiresAt`: an entry is still returned at the very instant it expires, as in the
 * message log. Expired entries are invisible at once and gone after `purgeExpired`.
 * Entries with the same `date` and `at` come back in id order, so every store lists them alike.
 */
export interface FoodLogStore {
  /**
   * Adds the entries all or nothing. Fails with `conflict`, and writes none of them, when an id is already
   * stored or appears twice in `entries`. An empty list is a no-op.
   */
  append(entries: readonly FoodLogEntry[]): Promise<void>;
  /** The user's unexpired entries for one local day, oldest `at` (as an instant) first. */
  forDay(userId: string, date: string, now: Date): Promise<FoodLogEntry[]>;
  /**
   * The user's unexpired entries from `fromDate` to `toDate`, both included, by `date` and then by `at`.
   * Empty when `fromDate` is after `toDate`.
   */
  forDays(userId: string, fromDate: string, toDate: string, now: Date): Promise<FoodLogEntry[]>;
  /** Erasure: removes every entry of the user. Harmless when there are none. */
  deleteForUser(userId: string): Promise<void>;
  /** Removes entries expired at `now`; returns how many went. */
  purgeExpired(now: Date): Promise<number>;
}
