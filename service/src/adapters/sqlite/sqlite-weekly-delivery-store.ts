import type { Database, Statement } from 'better-sqlite3';
import {
  WEEKDAYS,
  type Weekday,
  type WeeklySubscription,
  weeklySubscriptionSchema,
} from '../../core/domain/weekly-delivery.ts';
import { StoreError } from '../../core/ports/store-error.ts';
import type {
  WeeklyDeliveryStore,
  WeeklySubscriptionPage,
} from '../../core/ports/weekly-delivery-store.port.ts';
import { parseRow } from './sqlite-rows.ts';

interface Row {
  user_id: string;
  weekday: number;
  active: number;
  updated_at: string;
  last_sent_week: string | null;
}

const COLUMNS = 'user_id, weekday, active, updated_at, last_sent_week';

/** Table `weekly_delivery` (migration 008). */
export class SqliteWeeklyDeliveryStore implements WeeklyDeliveryStore {
  readonly #subscribe: Statement<{ user_id: string; weekday: number; updated_at: string }>;
  readonly #unsubscribe: Statement<[string, string]>;
  readonly #get: Statement<[string], Row>;
  readonly #listActive: Statement<[], Row>;
  readonly #listActivePage: Statement<[string, number], Row>;
  readonly #markSent: Statement<[string, string, string]>;
  readonly #delete: Statement<[string]>;

  constructor(db: Database) {
    this.#subscribe = db.prepare(`INSERT INTO weekly_delivery (user_id, weekday, active, updated_at)
      VALUES (@user_id, @weekday, 1, @updated_at)
      ON CONFLICT (user_id) DO UPDATE SET weekday = excluded.weekday, active = 1, updated_at = excluded.updated_at`);
    this.#unsubscribe = db.prepare('UPDATE weekly_delivery SET active = 0, updated_at = ? WHERE user_id = ?');
    this.#get = db.prepare(`SELECT ${COLUMNS} FROM weekly_delivery WHERE user_id = ?`);
    this.#listActive = db.prepare(`SELECT ${COLUMNS} FROM weekly_delivery WHERE active = 1 ORDER BY user_id`);
    // Keyset paging on the primary key: '' sorts before every id.
    this.#listActivePage = db.prepare(
      `SELECT ${COLUMNS} FROM weekly_delivery WHERE active = 1 AND user_id > ? ORDER BY user_id LIMIT ?`,
    );
    // "2026-W44" strings order as the weeks they name, so one conditional update settles a race.
    this.#markSent = db.prepare(`UPDATE weekly_delivery SET last_sent_week = ?
      WHERE user_id = ? AND (last_sent_week IS NULL OR last_sent_week < ?)`);
    this.#delete = db.prepare('DELETE FROM weekly_delivery WHERE user_id = ?');
  }

  async subscribe(userId: string, weekday: Weekday, at: Date): Promise<WeeklySubscription> {
    this.#subscribe.run({
      user_id: userId,
      weekday: WEEKDAYS.indexOf(weekday),
      updated_at: at.toISOString(),
    });
    const row = this.#read(userId);
    if (!row) throw new StoreError('not_found', 'weekly_delivery row vanished after its upsert');
    return row;
  }

  async unsubscribe(userId: string, at: Date): Promise<WeeklySubscription | undefined> {
    this.#unsubscribe.run(at.toISOString(), userId);
    return this.#read(userId);
  }

  async get(userId: string): Promise<WeeklySubscription | undefined> {
    return this.#read(userId);
  }

  async listActive(): Promise<WeeklySubscription[]> {
    return this.#listActive.all().map(toSubscription);
  }

  async listActivePage(page: { limit: number; after?: string }): Promise<WeeklySubscriptionPage> {
    // One row more than asked tells whether another page follows.
    const rows = this.#listActivePage.all(page.after ?? '', page.limit + 1).map(toSubscription);
    const subscriptions = rows.slice(0, page.limit);
    const last = subscriptions.at(-1);
    return rows.length > page.limit && last ? { subscriptions, next: last.userId } : { subscriptions };
  }

  async markSent(userId: string, week: string): Promise<boolean> {
    return this.#markSent.run(week, userId, week).changes === 1;
  }

  async deleteForUser(userId: string): Promise<void> {
    this.#delete.run(userId);
  }

  #read(userId: string): WeeklySubscription | undefined {
    const row = this.#get.get(userId);
    return row ? toSubscription(row) : undefined;
  }
}

function toSubscription(row: Row): WeeklySubscription {
  return parseRow(
    weeklySubscriptionSchema,
    {
      userId: row.user_id,
      weekday: WEEKDAYS[row.weekday],
      active: row.active === 1,
      updatedAt: row.updated_at,
      ...(row.last_sent_week === null ? {} : { lastSentWeek: row.last_sent_week }),
    },
    'weekly_delivery row',
  );
}
