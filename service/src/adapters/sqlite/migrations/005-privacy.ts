import type { Migration } from './migration.ts';

/**
 * GDPR export and erasure (issue 5). `export_links` holds one-time `/export/<token>` links; `user_id` is cleared
 * when a link is used, so a used link answers "gone" without pointing at anyone. `erasures` is the anonymous
 * audit: a random id and the time, nothing else. Webhook receipts learn whose reply they hold, so erasure can
 * remove the replies too (NULL for receipts written before this, and for replies to nobody).
 */
export const privacyMigration: Migration = {
  version: 5,
  name: 'privacy',
  sql: `
    CREATE TABLE export_links (
      token TEXT PRIMARY KEY,
      user_id TEXT,
      created_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      expires_at_ms INTEGER NOT NULL,
      used_at TEXT
    ) STRICT;
    CREATE INDEX export_links_user ON export_links (user_id);
    CREATE INDEX export_links_expires_at ON export_links (expires_at_ms);

    CREATE TABLE erasures (
      id TEXT PRIMARY KEY,
      at TEXT NOT NULL,
      at_ms INTEGER NOT NULL
    ) STRICT;

    ALTER TABLE webhook_receipts ADD COLUMN user_id TEXT;
    CREATE INDEX webhook_receipts_user ON webhook_receipts (user_id);
  `,
};
