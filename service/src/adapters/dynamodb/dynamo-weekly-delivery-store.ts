import {
  type Weekday,
  type WeeklySubscription,
  weeklySubscriptionSchema,
} from '../../core/domain/weekly-delivery.ts';
import { StoreError } from '../../core/ports/store-error.ts';
import type {
  WeeklyDeliveryStore,
  WeeklySubscriptionPage,
} from '../../core/ports/weekly-delivery-store.port.ts';
import { keys } from './dynamo-keys.ts';
import { type DynamoTable, exists, type Item } from './dynamo-table.ts';

const ATTRIBUTES = { '#weekday': 'weekday', '#active': 'active', '#kind': 'kind' };

/**
 * The subscription is one item in the user's partition (`WEEKLY`), its fields as attributes so an update can
 * change one. While it is on, a small item in the `WEEKLY` partition (sort key `USER#<id>`) lists the user, in the
 * same transaction: the scheduler reads that one partition instead of scanning the table. `markSent` is one
 * conditional update on the week ("2026-W44" strings order as the weeks they name), so of two racing jobs for
 * the same week exactly one wins.
 */
export class DynamoWeeklyDeliveryStore implements WeeklyDeliveryStore {
  constructor(readonly table: DynamoTable) {}

  async subscribe(userId: string, weekday: Weekday, at: Date): Promise<WeeklySubscription> {
    // An update, not a put: the week last sent stays.
    await this.table.transact([
      this.table.updateItem(keys.weekly(userId), {
        expression:
          'SET #kind = :kind, userId = :userId, #weekday = :weekday, #active = :true, updatedAt = :at',
        names: ATTRIBUTES,
        values: {
          ':kind': 'weekly',
          ':userId': userId,
          ':weekday': weekday,
          ':true': true,
          ':at': at.toISOString(),
        },
      }),
      this.table.putItem({ ...keys.weeklyActive(userId), kind: 'weekly_active', userId }),
    ]);
    const stored = await this.get(userId);
    if (stored === undefined)
      throw new StoreError('not_found', 'weekly subscription vanished after its write');
    return stored;
  }

  async unsubscribe(userId: string, at: Date): Promise<WeeklySubscription | undefined> {
    const outcome = await this.table.transact([
      this.table.updateItem(
        keys.weekly(userId),
        {
          expression: 'SET #active = :false, updatedAt = :at',
          names: { '#active': 'active' },
          values: { ':false': false, ':at': at.toISOString() },
        },
        exists,
      ),
      this.table.deleteItem(keys.weeklyActive(userId)),
    ]);
    // Nobody to turn off: the user never turned it on.
    if (!outcome.ok) return undefined;
    return this.get(userId);
  }

  async get(userId: string): Promise<WeeklySubscription | undefined> {
    const item = await this.table.get(keys.weekly(userId));
    return item === undefined ? undefined : toSubscription(item);
  }

  async listActive(): Promise<WeeklySubscription[]> {
    const listed = await this.table.query({
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.weeklyActive('').pk },
    });
    return this.#subscriptionsOf(listed);
  }

  /** Reads one page of the `WEEKLY` partition (one more entry than the page, to know whether more follow). */
  async listActivePage(page: { limit: number; after?: string }): Promise<WeeklySubscriptionPage> {
    const { limit, after } = page;
    const listed = await this.table.query(
      {
        KeyConditionExpression: after === undefined ? 'pk = :pk' : 'pk = :pk AND sk > :after',
        ExpressionAttributeValues: {
          ':pk': keys.weeklyActive('').pk,
          ...(after === undefined ? {} : { ':after': keys.weeklyActive(after).sk }),
        },
      },
      limit + 1,
    );
    const entries = listed.slice(0, limit);
    const subscriptions = await this.#subscriptionsOf(entries);
    const last = entries.at(-1);
    return listed.length > limit && last ? { subscriptions, next: String(last.userId) } : { subscriptions };
  }

  async markSent(userId: string, week: string): Promise<boolean> {
    return this.table.update(
      keys.weekly(userId),
      { expression: 'SET lastSentWeek = :week', values: { ':week': week } },
      {
        expression: 'attribute_exists(pk) AND (attribute_not_exists(lastSentWeek) OR lastSentWeek < :week)',
        values: { ':week': week },
      },
    );
  }

  async deleteForUser(userId: string): Promise<void> {
    await this.table.deleteAll([keys.weeklyActive(userId), keys.weekly(userId)]);
  }

  /** The subscriptions the `WEEKLY` entries name, by user id; one turned off since the entry was read is left out. */
  async #subscriptionsOf(entries: readonly Item[]): Promise<WeeklySubscription[]> {
    const items = await this.table.getMany(entries.map((entry) => keys.weekly(String(entry.userId))));
    return items
      .map(toSubscription)
      .filter((subscription) => subscription.active)
      .sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
  }
}

function toSubscription(item: Item): WeeklySubscription {
  const parsed = weeklySubscriptionSchema.safeParse({
    userId: item.userId,
    weekday: item.weekday,
    active: item.active,
    updatedAt: item.updatedAt,
    ...(item.lastSentWeek === undefined ? {} : { lastSentWeek: item.lastSentWeek }),
  });
  if (!parsed.success) {
    throw new StoreError(
      'corrupt_row',
      `weekly subscription item of ${String(item.userId)} does not match its schema`,
      {
        cause: parsed.error,
      },
    );
  }
  return parsed.data;
}
