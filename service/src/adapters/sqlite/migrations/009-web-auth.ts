import type { Migration } from './migration.ts';

/**
 * Web sign-in (issue 10): one-time links from "web" and the sessions they open. Only SHA-256 hashes of the tokens
 * are kept. `user_id` columns, so the eraser's sweep removes them with the user.
 */
export const webAuthMigration: Migration = {
  version: 9,
  name: 'web-auth',
  sql: `
    CREATE TABLE web_sign_in_links (
      token_hash TEXT PRIMARY KEY,
      user_id TEXT NOT NULL,
      created_at TEXT NOT NULL,
      expires_at_ms INTEGER NOT NULL,
      used INTEGER NOT NULL DEFAULT 0 CHECK (used IN (0, 1))
    ) STRICT;
    CREATE INDEX web_sign_in_links_user ON web_sign_in_links (user_id);
    CREATE TABLE web_sessions (
      token_hash TEXT PRIMARY KEY,
      user_id TEXT NOT NULL,
      created_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      expires_at_ms INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX web_sessions_user ON web_sessions (user_id);
  `,
};
