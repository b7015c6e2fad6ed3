import type { Migration } from './migration.ts';

/**
 * What users ate, one row per entry. Nutrients are plain REAL columns so a day's totals can be summed in SQL;
 * instants are kept as ISO text and epoch milliseconds, as in 001. `date` is the user's local day (YYYY-MM-DD),
 * which sorts as text; the (user_id, date, at_ms) index serves day and range queries and erasure.
 */
export const foodLogMigration: Migration = {
  version: 3,
  name: 'food-log',
  sql: `
    CREATE TABLE food_log (
      id TEXT PRIMARY KEY,
      user_id TEXT NOT NULL,
      date TEXT NOT NULL,
      at TEXT NOT NULL,
      at_ms INTEGER NOT NULL,
      food_id TEXT NOT NULL,
      name TEXT NOT NULL,
      grams REAL NOT NULL,
      kcal REAL NOT NULL,
      protein_g REAL NOT NULL,
      fat_g REAL NOT NULL,
      carbs_g REAL NOT NULL,
      fiber_g REAL NOT NULL,
      sodium_mg REAL NOT NULL,
      expires_at TEXT NOT NULL,
      expires_at_ms INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX food_log_user_date_at ON food_log (user_id, date, at_ms);
    CREATE INDEX food_log_expires_at ON food_log (expires_at_ms);
  `,
};
