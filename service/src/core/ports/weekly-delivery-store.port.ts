import type { Weekday, WeeklySubscription } from '../domain/weekly-delivery.ts';

/**
 * Who gets a new week's plan, on which weekday, and which week was last sent. One row per user; erasure removes
 * it with the user (`deleteForUser`, or the SQLite eraser's `user_id` sweep).
 */
export interface WeeklyDeliveryStore {
  /** Turns delivery on for `weekday`, keeping the week last sent. */
  subscribe(userId: string, weekday: Weekday, at: Date): Promise<WeeklySubscription>;
  /** Turns delivery off, keeping the day and the week last sent; undefined when the user never turned it on. */
  unsubscribe(userId: string, at: Date): Promise<WeeklySubscription | undefined>;
  get(userId: string): Promise<WeeklySubscription | undefined>;
  /** Every subscription that is on, by user id (what the scheduler looks through at each tick). */
  listActive(): Promise<WeeklySubscription[]>;
  /**
   * Records that the plan of `week` went out. Returns false, changing nothing, when that week (or a later one) was
   * already recorded: a second job for the same week learns it lost.
   */
  markSent(userId: string, week: string): Promise<boolean>;
  deleteForUser(userId: string): Promise<void>;
}
