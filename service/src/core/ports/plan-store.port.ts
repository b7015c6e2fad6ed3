import type { StoredPlan } from '../domain/stored-plan.ts';

/**
 * Weekly plans: what a `/p/<token>` link shows and what "today" and "list" answer from.
 *
 * A token is a bearer secret: whoever holds the link sees the plan. The caller makes it from at least 128 bits of
 * a cryptographic random source (e.g. 16 bytes from `crypto.getRandomValues`, base64url-encoded) and never puts a
 * phone number, user id or anything else derived from the user in it, so a link that leaks leads to nobody.
 * Stores never write a token into an error or a log line.
 *
 * Expired means strictly past `expiresAt`: a plan is still returned at the very instant it expires, as in the
 * message log. Expired plans are invisible at once and gone after `purgeExpired`.
 */
export interface PlanStore {
  /** Adds a plan; a user may hold any number. Fails with `conflict` when its id or token is taken. */
  save(plan: StoredPlan): Promise<void>;
  /** The plan behind a link; undefined when the token is unknown or the plan has expired at `now`. */
  byToken(token: string, now: Date): Promise<StoredPlan | undefined>;
  /** The user's newest unexpired plan by `createdAt` (as an instant); a tie goes to the greater id. */
  current(userId: string, now: Date): Promise<StoredPlan | undefined>;
  /**
   * Replaces the plan with the same id, e.g. after a swap. Fails with `not_found` when there is none, and with
   * `conflict` when the new token belongs to another plan.
   */
  update(plan: StoredPlan): Promise<void>;
  /** Every unexpired plan of the user, oldest `createdAt` first (ties by id): what a data export lists. */
  listForUser(userId: string, now: Date): Promise<StoredPlan[]>;
  /** Erasure: removes every plan of the user, so their links stop working at once. Harmless when there are none. */
  deleteForUser(userId: string): Promise<void>;
  /** Removes plans expired at `now`; returns how many went. */
  purgeExpired(now: Date): Promise<number>;
}
