import type { Migration } from './migration.ts';

/**
 * Weekly plan delivery (issue 5 item 3): one row per user who ever turned it on. `weekday` is 0 (Sunday) to 6;
 * `last_sent_week` the ISO week ("2026-W44") last delivered, so a restart or a second tick never sends twice.
 * `user_id` is the key, so the eraser's sweep of `user_id` columns removes it.
 */
export const weeklyDeliveryMigration: Migration = {
  version: 8,
  name: 'weekly-delivery',
  sql: `
    CREATE TABLE weekly_delivery (
      user_id TEXT PRIMARY KEY,
      weekday INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
      active INTEGER NOT NULL CHECK (active IN (0, 1)),
      updated_at TEXT NOT NULL,
      last_sent_week TEXT
    ) STRICT;
    CREATE INDEX weekly_delivery_active ON weekly_delivery (active, user_id);
  `,
};
