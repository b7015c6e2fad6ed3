import type { Migration } from './migration.ts';

/**
 * Stored weekly plans behind `/p/<token>` links. Request and plan are JSON, read back through zod; instants are
 * kept as ISO text and epoch milliseconds, as in 001. The token index is UNIQUE: it is how a link finds its plan.
 */
export const plansMigration: Migration = {
  version: 2,
  name: 'plans',
  sql: `
    CREATE TABLE plans (
      id TEXT PRIMARY KEY,
      user_id TEXT NOT NULL,
      token TEXT NOT NULL,
      week_start TEXT NOT NULL,
      created_at TEXT NOT NULL,
      created_at_ms INTEGER NOT NULL,
      expires_at TEXT NOT NULL,
      expires_at_ms INTEGER NOT NULL,
      request TEXT NOT NULL, -- JSON PlanRequest
      plan TEXT NOT NULL -- JSON PlanResult
    ) STRICT;
    CREATE UNIQUE INDEX plans_token ON plans (token);
    CREATE INDEX plans_user_created_at ON plans (user_id, created_at_ms);
    CREATE INDEX plans_expires_at ON plans (expires_at_ms);
  `,
};
