import type { Database, Statement } from 'better-sqlite3';
import {
  type BillingAccount,
  billingAccountSchema,
  USAGE_COUNTERS,
  type UsageCounter,
} from '../../core/billing/billing-account.ts';
import type { BillingStore } from '../../core/ports/billing-store.port.ts';
import { StoreError } from '../../core/ports/store-error.ts';
import { isUniqueViolation, omitNulls, parseRow } from './sqlite-rows.ts';

type Row = {
  user_id: string;
  reference: string;
  customer_id: string | null;
  subscription_id: string | null;
  tier: string | null;
  status: string | null;
  current_period_end: string | null;
  cancel_at_period_end: number;
  subscription_created_at: string | null;
  family_lapse_notified_at: string | null;
  version: number;
  updated_at: string;
};

const COLUMNS = `user_id, reference, customer_id, subscription_id, tier, status, current_period_end,
  cancel_at_period_end, subscription_created_at, family_lapse_notified_at, version, updated_at`;

/** Tables `billing_accounts` and `billing_usage` (migration 010). */
export class SqliteBillingStore implements BillingStore {
  readonly #byUser: Statement<[string], Row>;
  readonly #byReference: Statement<[string], Row>;
  readonly #byCustomer: Statement<[string], Row>;
  readonly #insert: Statement<Row>;
  readonly #update: Statement<Row & { expected: number }>;
  readonly #family: Statement<[], Row>;
  readonly #consume: Statement<[string, string, string, number]>;
  readonly #usage: Statement<[string, string], { counter: string; count: number }>;
  readonly #deleteAccount: Statement<[string]>;
  readonly #deleteUsage: Statement<[string]>;

  constructor(db: Database) {
    this.#byUser = db.prepare(`SELECT ${COLUMNS} FROM billing_accounts WHERE user_id = ?`);
    this.#byReference = db.prepare(`SELECT ${COLUMNS} FROM billing_accounts WHERE reference = ?`);
    this.#byCustomer = db.prepare(
      `SELECT ${COLUMNS} FROM billing_accounts WHERE customer_id = ? ORDER BY updated_at DESC LIMIT 1`,
    );
    this.#insert = db.prepare(`INSERT INTO billing_accounts (${COLUMNS}) VALUES (@user_id, @reference,
      @customer_id, @subscription_id, @tier, @status, @current_period_end, @cancel_at_period_end,
      @subscription_created_at, @family_lapse_notified_at, @version, @updated_at)
      ON CONFLICT (user_id) DO NOTHING`);
    this.#update = db.prepare(`UPDATE billing_accounts SET reference = @reference, customer_id = @customer_id,
      subscription_id = @subscription_id, tier = @tier, status = @status, current_period_end = @current_period_end,
      cancel_at_period_end = @cancel_at_period_end, subscription_created_at = @subscription_created_at,
      family_lapse_notified_at = @family_lapse_notified_at, version = @version, updated_at = @updated_at
      WHERE user_id = @user_id AND version = @expected`);
    this.#family = db.prepare(
      `SELECT ${COLUMNS} FROM billing_accounts WHERE tier = 'family' ORDER BY user_id`,
    );
    // One statement: the row is created at 1, or counted up only while under the limit (a race cannot pass it).
    this.#consume = db.prepare(`INSERT INTO billing_usage (user_id, week, counter, count) VALUES (?, ?, ?, 1)
      ON CONFLICT (user_id, week, counter) DO UPDATE SET count = count + 1 WHERE count < ?`);
    this.#usage = db.prepare('SELECT counter, count FROM billing_usage WHERE user_id = ? AND week = ?');
    this.#deleteAccount = db.prepare('DELETE FROM billing_accounts WHERE user_id = ?');
    this.#deleteUsage = db.prepare('DELETE FROM billing_usage WHERE user_id = ?');
  }

  async get(userId: string): Promise<BillingAccount | undefined> {
    return toAccount(this.#byUser.get(userId));
  }

  async findByReference(reference: string): Promise<BillingAccount | undefined> {
    return toAccount(this.#byReference.get(reference));
  }

  async findByCustomer(customerId: string): Promise<BillingAccount | undefined> {
    return toAccount(this.#byCustomer.get(customerId));
  }

  async save(account: BillingAccount): Promise<boolean> {
    const row = toRow(account);
    try {
      if (account.version === 1) return this.#insert.run(row).changes === 1;
      return this.#update.run({ ...row, expected: account.version - 1 }).changes === 1;
    } catch (error) {
      if (isUniqueViolation(error)) throw new StoreError('conflict', 'billing reference already taken');
      throw error;
    }
  }

  async listFamily(): Promise<BillingAccount[]> {
    return this.#family.all().flatMap((row) => toAccount(row) ?? []);
  }

  async consume(userId: string, week: string, counter: UsageCounter, limit: number): Promise<boolean> {
    if (limit <= 0) return false;
    return this.#consume.run(userId, week, counter, limit).changes === 1;
  }

  async usage(userId: string, week: string): Promise<Record<UsageCounter, number>> {
    const counts = { plan: 0, swap: 0 };
    for (const { counter, count } of this.#usage.all(userId, week)) {
      const known = USAGE_COUNTERS.find((name) => name === counter);
      if (known) counts[known] = count;
    }
    return counts;
  }

  async deleteForUser(userId: string): Promise<void> {
    this.#deleteAccount.run(userId);
    this.#deleteUsage.run(userId);
  }
}

function toRow(account: BillingAccount): Row {
  return {
    user_id: account.userId,
    reference: account.reference,
    customer_id: account.customerId ?? null,
    subscription_id: account.subscriptionId ?? null,
    tier: account.tier ?? null,
    status: account.status ?? null,
    current_period_end: account.currentPeriodEnd ?? null,
    cancel_at_period_end: account.cancelAtPeriodEnd ? 1 : 0,
    subscription_created_at: account.subscriptionCreatedAt ?? null,
    family_lapse_notified_at: account.familyLapseNotifiedAt ?? null,
    version: account.version,
    updated_at: account.updatedAt,
  };
}

function toAccount(row: Row | undefined): BillingAccount | undefined {
  if (!row) return undefined;
  // NULL columns become absent fields, as the domain (and the memory store) has them.
  const optional = omitNulls({
    customerId: row.customer_id,
    subscriptionId: row.subscription_id,
    tier: row.tier,
    status: row.status,
    currentPeriodEnd: row.current_period_end,
    subscriptionCreatedAt: row.subscription_created_at,
    familyLapseNotifiedAt: row.family_lapse_notified_at,
  });
  return parseRow(
    billingAccountSchema,
    {
      userId: row.user_id,
      reference: row.reference,
      ...optional,
      cancelAtPeriodEnd: row.cancel_at_period_end === 1,
      version: row.version,
      updatedAt: row.updated_at,
    },
    'billing_accounts row',
  );
}
