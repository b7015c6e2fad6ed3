import type { BillingAccount, UsageCounter } from '../billing/billing-account.ts';

/**
 * Billing accounts (the opaque reference, the Stripe ids, the subscription's state) and the weekly usage counts
 * the Free limits are checked against. Erasure removes both with the user (`deleteForUser`, or the SQLite
 * eraser's `user_id` sweep), so nothing links a Stripe customer to anyone afterwards.
 */
export interface BillingStore {
  get(userId: string): Promise<BillingAccount | undefined>;
  findByReference(reference: string): Promise<BillingAccount | undefined>;
  findByCustomer(customerId: string): Promise<BillingAccount | undefined>;
  /**
   * Writes the account if the stored one has `version - 1` (or none is stored and `version` is 1); `false`, writing
   * nothing, when another write got there first. A reference taken by another user fails with `conflict`.
   */
  save(account: BillingAccount): Promise<boolean>;
  /** Every account whose subscription is (or was) Family: the lapse check looks through these. */
  listFamily(): Promise<BillingAccount[]>;
  /**
   * Counts one use of `counter` in `week` ("2026-W48") if fewer than `limit` were counted; `false`, counting
   * nothing, at the limit. Atomic: of racing calls at `limit - 1` exactly one gets `true`.
   */
  consume(userId: string, week: string, counter: UsageCounter, limit: number): Promise<boolean>;
  /** The counts of `week`, zero for what was not used. */
  usage(userId: string, week: string): Promise<Record<UsageCounter, number>>;
  deleteForUser(userId: string): Promise<void>;
}
