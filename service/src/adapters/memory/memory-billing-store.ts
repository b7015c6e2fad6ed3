import {
  type BillingAccount,
  USAGE_COUNTERS,
  type UsageCounter,
} from '../../core/billing/billing-account.ts';
import type { BillingStore } from '../../core/ports/billing-store.port.ts';
import { StoreError } from '../../core/ports/store-error.ts';

/** Billing accounts by user id and usage counts by user, week and counter; copied in and out. */
export class MemoryBillingStore implements BillingStore {
  readonly #accounts = new Map<string, BillingAccount>();
  readonly #usage = new Map<string, number>();

  async get(userId: string): Promise<BillingAccount | undefined> {
    return copy(this.#accounts.get(userId));
  }

  async findByReference(reference: string): Promise<BillingAccount | undefined> {
    return copy([...this.#accounts.values()].find((account) => account.reference === reference));
  }

  async findByCustomer(customerId: string): Promise<BillingAccount | undefined> {
    return copy([...this.#accounts.values()].find((account) => account.customerId === customerId));
  }

  async save(account: BillingAccount): Promise<boolean> {
    const stored = this.#accounts.get(account.userId);
    if ((stored?.version ?? 0) !== account.version - 1) return false;
    const taken = [...this.#accounts.values()].some(
      (other) => other.userId !== account.userId && other.reference === account.reference,
    );
    if (taken) throw new StoreError('conflict', 'billing reference already taken');
    this.#accounts.set(account.userId, { ...account });
    return true;
  }

  async listFamily(): Promise<BillingAccount[]> {
    return [...this.#accounts.values()]
      .filter((account) => account.tier === 'family')
      .sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0))
      .map((account) => ({ ...account }));
  }

  async consume(userId: string, week: string, counter: UsageCounter, limit: number): Promise<boolean> {
    const key = usageKey(userId, week, counter);
    const used = this.#usage.get(key) ?? 0;
    if (used >= limit) return false;
    this.#usage.set(key, used + 1);
    return true;
  }

  async usage(userId: string, week: string): Promise<Record<UsageCounter, number>> {
    const counts = { plan: 0, swap: 0 };
    for (const counter of USAGE_COUNTERS)
      counts[counter] = this.#usage.get(usageKey(userId, week, counter)) ?? 0;
    return counts;
  }

  async deleteForUser(userId: string): Promise<void> {
    this.#accounts.delete(userId);
    const prefix = `${userId}\u0000`;
    for (const key of this.#usage.keys()) if (key.startsWith(prefix)) this.#usage.delete(key);
  }
}

function usageKey(userId: string, week: string, counter: UsageCounter): string {
  return `${userId}\u0000${week}\u0000${counter}`;
}

function copy(account: BillingAccount | undefined): BillingAccount | undefined {
  return account ? { ...account } : undefined;
}
