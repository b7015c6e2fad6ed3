import type { Migration } from './migration.ts';

/**
 * The first schema. Instants are kept twice: the ISO text the domain gave us (returned unchanged) and epoch
 * milliseconds for ordering and expiry, because ISO strings of different precision do not sort as instants.
 * STRICT tables make SQLite enforce the column types; zod checks the values when rows are read back.
 */
export const initialMigration: Migration = {
  version: 1,
  name: 'initial',
  sql: `
    CREATE TABLE users (
      id TEXT PRIMARY KEY,
      phone TEXT UNIQUE,
      web_session_id TEXT UNIQUE,
      last_channel TEXT NOT NULL,
      locale TEXT NOT NULL,
      profile TEXT NOT NULL, -- JSON
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE dialogue_states (
      user_id TEXT PRIMARY KEY,
      state TEXT NOT NULL, -- JSON, opaque to the store
      version INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE message_log (
      id TEXT PRIMARY KEY,
      user_id TEXT NOT NULL,
      direction TEXT NOT NULL,
      channel TEXT NOT NULL,
      body TEXT NOT NULL,
      at TEXT NOT NULL,
      at_ms INTEGER NOT NULL,
      expires_at TEXT NOT NULL,
      expires_at_ms INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX message_log_user_at ON message_log (user_id, at_ms);
    CREATE INDEX message_log_expires_at ON message_log (expires_at_ms);

    -- Append-only; seq is the insertion order that breaks ties between records with the same instant.
    CREATE TABLE consent_records (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      subject TEXT NOT NULL,
      purpose TEXT NOT NULL,
      granted INTEGER NOT NULL,
      method TEXT NOT NULL,
      text_version TEXT NOT NULL,
      at TEXT NOT NULL,
      at_ms INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX consent_records_subject_purpose_at ON consent_records (subject, purpose, at_ms, seq);

    -- A claim until the response columns are filled in by complete().
    CREATE TABLE webhook_receipts (
      key TEXT PRIMARY KEY,
      claimed_at_ms INTEGER NOT NULL,
      expires_at_ms INTEGER NOT NULL,
      response_status INTEGER,
      response_content_type TEXT,
      response_body TEXT
    ) STRICT;
    CREATE INDEX webhook_receipts_expires_at ON webhook_receipts (expires_at_ms);
  `,
};
