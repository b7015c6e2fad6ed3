import type { Weekday, WeeklySubscription } from '../../core/domain/weekly-delivery.ts';
import type {
  WeeklyDeliveryStore,
  WeeklySubscriptionPage,
} from '../../core/ports/weekly-delivery-store.port.ts';
import { pageOf } from '../../core/use-cases/weekly-delivery-pages.ts';

/** Subscriptions in a Map by user id, copied in and out. */
export class MemoryWeeklyDeliveryStore implements WeeklyDeliveryStore {
  readonly #rows = new Map<string, WeeklySubscription>();

  async subscribe(userId: string, weekday: Weekday, at: Date): Promise<WeeklySubscription> {
    const before = this.#rows.get(userId);
    const row: WeeklySubscription = {
      userId,
      weekday,
      active: true,
      updatedAt: at.toISOString(),
      ...(before?.lastSentWeek ? { lastSentWeek: before.lastSentWeek } : {}),
    };
    this.#rows.set(userId, row);
    return { ...row };
  }

  async unsubscribe(userId: string, at: Date): Promise<WeeklySubscription | undefined> {
    const before = this.#rows.get(userId);
    if (!before) return undefined;
    const row = { ...before, active: false, updatedAt: at.toISOString() };
    this.#rows.set(userId, row);
    return { ...row };
  }

  async get(userId: string): Promise<WeeklySubscription | undefined> {
    const row = this.#rows.get(userId);
    return row ? { ...row } : undefined;
  }

  async listActive(): Promise<WeeklySubscription[]> {
    return [...this.#rows.values()]
      .filter((row) => row.active)
      .sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0))
      .map((row) => ({ ...row }));
  }

  async listActivePage(page: { limit: number; after?: string }): Promise<WeeklySubscriptionPage> {
    return pageOf(await this.listActive(), page.limit, page.after);
  }

  async markSent(userId: string, week: string): Promise<boolean> {
    const row = this.#rows.get(userId);
    // "2026-W44" strings order as the weeks they name.
    if (!row || (row.lastSentWeek !== undefined && row.lastSentWeek >= week)) return false;
    this.#rows.set(userId, { ...row, lastSentWeek: week });
    return true;
  }

  async deleteForUser(userId: string): Promise<void> {
    this.#rows.delete(userId);
  }
}
