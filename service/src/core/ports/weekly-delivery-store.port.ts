import type { Weekday, WeeklySubscription } from '../domain/weekly-delivery.ts';

export interface WeeklySubscriptionPage {
  subscriptions: WeeklySubscription[];
  /** The last user id of this page, when more may follow: pass it as `after` for the next. */
  next?: string;
}

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
   * One page of `listActive`: up to `limit` subscriptions with user ids after `after`, by user id, and the cursor
   * of the next page (absent on the last). Optional: a store without it is paged by slicing `listActive`
   * (core/use-cases/weekly-delivery-pages.ts), so a store only adds it when it can read less than everything.
   */
  listActivePage?(page: { limit: number; after?: string }): Promise<WeeklySubscriptionPage>;
  /**
   * Records that the plan of `week` went out. Returns false, changing nothing, when that week (or a later one) was
   * already recorded: a second job for the same week learns it lost.
   */
  markSent(userId: string, week: string): Promise<boolean>;
  deleteForUser(userId: string): Promise<void>;
}
