import type { Migration } from './migration.ts';

/**
 * Outbound messages (issue 5). `outbound_messages` keeps each idempotency key with its state, so a job that runs
 * twice sends once even across a restart; `delivery_statuses` keeps the latest status Twilio reported per
 * MessageSid. Both carry `user_id` (NULL for a status of a message this store did not send), so erasure finds them
 * by that column. `users.last_inbound_at` opens the WhatsApp 24-hour window.
 */
export const outboundMessagesMigration: Migration = {
  version: 6,
  name: 'outbound-messages',
  sql: `
    CREATE TABLE outbound_messages (
      key TEXT PRIMARY KEY,
      user_id TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('sending', 'sent', 'failed')),
      claimed_at_ms INTEGER NOT NULL,
      message_sid TEXT,
      error_code INTEGER,
      at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX outbound_messages_user ON outbound_messages (user_id);
    CREATE UNIQUE INDEX outbound_messages_sid ON outbound_messages (message_sid);

    CREATE TABLE delivery_statuses (
      message_sid TEXT PRIMARY KEY,
      user_id TEXT,
      status TEXT NOT NULL,
      error_code INTEGER,
      at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX delivery_statuses_user ON delivery_statuses (user_id);

    ALTER TABLE users ADD COLUMN last_inbound_at TEXT;
  `,
};
