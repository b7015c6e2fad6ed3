import type { Migration } from './migration.ts';

/**
 * Billing (issue 8): one account per user who ever asked to pay (the opaque reference sent to Stripe, the Stripe
 * ids, the subscription's state and a version for guarded writes), and weekly usage counts for the Free limits.
 * Both are keyed by `user_id`, so the eraser's sweep removes them and no Stripe customer id outlives the user.
 */
export const billingMigration: Migration = {
  version: 10,
  name: 'billing',
  sql: `
    CREATE TABLE billing_accounts (
      user_id TEXT PRIMARY KEY,
      reference TEXT NOT NULL UNIQUE,
      customer_id TEXT,
      subscription_id TEXT,
      tier TEXT CHECK (tier IN ('premium', 'family')),
      status TEXT,
      current_period_end TEXT,
      cancel_at_period_end INTEGER NOT NULL CHECK (cancel_at_period_end IN (0, 1)),
      subscription_created_at TEXT,
      family_lapse_notified_at TEXT,
      version INTEGER NOT NULL CHECK (version >= 1),
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX billing_accounts_customer ON billing_accounts (customer_id);
    CREATE INDEX billing_accounts_tier ON billing_accounts (tier, user_id);
    CREATE TABLE billing_usage (
      user_id TEXT NOT NULL,
      week TEXT NOT NULL,
      counter TEXT NOT NULL,
      count INTEGER NOT NULL CHECK (count >= 0),
      PRIMARY KEY (user_id, week, counter)
    ) STRICT;
  `,
};
