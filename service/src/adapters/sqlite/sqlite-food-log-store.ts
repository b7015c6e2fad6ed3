import type { Database, Statement } from 'better-sqlite3';
import { type FoodLogEntry, foodLogEntrySchema } from '../../core/domain/food-log-entry.ts';
import type { FoodLogStore } from '../../core/ports/food-log-store.port.ts';
import { StoreError } from '../../core/ports/store-error.ts';
import { isUniqueViolation, parseRow } from './sqlite-rows.ts';

interface FoodLogRow {
  id: string;
  user_id: string;
  date: string;
  at: string;
  food_id: string;
  name: string;
  grams: number;
  kcal: number;
  protein_g: number;
  fat_g: number;
  carbs_g: number;
  fiber_g: number;
  sodium_mg: number;
  expires_at: string;
}

interface WriteParams extends FoodLogRow {
  at_ms: number;
  expires_at_ms: number;
}

const COLUMNS =
  'id, user_id, date, at, food_id, name, grams, kcal, protein_g, fat_g, carbs_g, fiber_g, sodium_mg, expires_at';

/** Expired means strictly past `expires_at`: an entry is still returned at the instant it expires. */
export class SqliteFoodLogStore implements FoodLogStore {
  readonly #appendAll: (entries: readonly FoodLogEntry[]) => void;
  readonly #forDay: Statement<[string, string, number], FoodLogRow>;
  readonly #forDays: Statement<[string, string, string, number], FoodLogRow>;
  readonly #deleteForUser: Statement<[string]>;
  readonly #purgeExpired: Statement<[number]>;

  constructor(db: Database) {
    const insert: Statement<WriteParams> = db.prepare(`INSERT INTO food_log
      (${COLUMNS}, at_ms, expires_at_ms) VALUES
      (@id, @user_id, @date, @at, @food_id, @name, @grams, @kcal, @protein_g, @fat_g, @carbs_g, @fiber_g,
       @sodium_mg, @expires_at, @at_ms, @expires_at_ms)`);
    // One transaction: a duplicate id anywhere in the batch rolls back the rows before it.
    this.#appendAll = db.transaction((entries: readonly FoodLogEntry[]) => {
      for (const entry of entries) insert.run(toParams(entry));
    });
    // Both served by food_log_user_date_at; the id breaks ties the same way in every store.
    this.#forDay = db.prepare(`SELECT ${COLUMNS} FROM food_log
      WHERE user_id = ? AND date = ? AND expires_at_ms >= ? ORDER BY at_ms, id`);
    this.#forDays = db.prepare(`SELECT ${COLUMNS} FROM food_log
      WHERE user_id = ? AND date BETWEEN ? AND ? AND expires_at_ms >= ? ORDER BY date, at_ms, id`);
    this.#deleteForUser = db.prepare('DELETE FROM food_log WHERE user_id = ?');
    this.#purgeExpired = db.prepare('DELETE FROM food_log WHERE expires_at_ms < ?');
  }

  async append(entries: readonly FoodLogEntry[]): Promise<void> {
    if (entries.length === 0) return;
    try {
      this.#appendAll(entries);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new StoreError('conflict', 'food log entry id already taken; nothing was written', {
          cause: error,
        });
      }
      throw error;
    }
  }

  async forDay(userId: string, date: string, now: Date): Promise<FoodLogEntry[]> {
    return this.#forDay.all(userId, date, now.getTime()).map(toEntry);
  }

  async forDays(userId: string, fromDate: string, toDate: string, now: Date): Promise<FoodLogEntry[]> {
    return this.#forDays.all(userId, fromDate, toDate, now.getTime()).map(toEntry);
  }

  async deleteForUser(userId: string): Promise<void> {
    this.#deleteForUser.run(userId);
  }

  async purgeExpired(now: Date): Promise<number> {
    return this.#purgeExpired.run(now.getTime()).changes;
  }
}

function toParams(entry: FoodLogEntry): WriteParams {
  return {
    id: entry.id,
    user_id: entry.userId,
    date: entry.date,
    at: entry.at,
    at_ms: Date.parse(entry.at),
    food_id: entry.foodId,
    name: entry.name,
    grams: entry.grams,
    kcal: entry.nutrients.kcal,
    protein_g: entry.nutrients.proteinG,
    fat_g: entry.nutrients.fatG,
    carbs_g: entry.nutrients.carbsG,
    fiber_g: entry.nutrients.fiberG,
    sodium_mg: entry.nutrients.sodiumMg,
    expires_at: entry.expiresAt,
    expires_at_ms: Date.parse(entry.expiresAt),
  };
}

function toEntry(row: FoodLogRow): FoodLogEntry {
  return parseRow(
    foodLogEntrySchema,
    {
      id: row.id,
      userId: row.user_id,
      date: row.date,
      at: row.at,
      foodId: row.food_id,
      name: row.name,
      grams: row.grams,
      nutrients: {
        kcal: row.kcal,
        proteinG: row.protein_g,
        fatG: row.fat_g,
        carbsG: row.carbs_g,
        fiberG: row.fiber_g,
        sodiumMg: row.sodium_mg,
      },
      expiresAt: row.expires_at,
    },
    `food_log row ${row.id}`,
  );
}
