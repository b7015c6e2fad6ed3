import type { Migration } from './migration.ts';

/**
 * Household invitations and memberships (issue 5). The whole record is JSON in `record`; the columns are what
 * lookups and erasure need: by owner, by the invitee's number or user id, and the expiry of a pending invitation.
 */
export const householdInvitationsMigration: Migration = {
  version: 7,
  name: 'household-invitations',
  sql: `
    CREATE TABLE household_invitations (
      id TEXT PRIMARY KEY,
      owner_id TEXT NOT NULL,
      invitee_user_id TEXT NOT NULL,
      invitee_phone TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('pending', 'joined', 'ended')),
      created_at_ms INTEGER NOT NULL,
      expires_at_ms INTEGER NOT NULL,
      record TEXT NOT NULL
    ) STRICT;
    CREATE INDEX household_invitations_owner ON household_invitations (owner_id, status);
    CREATE INDEX household_invitations_invitee_phone ON household_invitations (invitee_phone, status);
    CREATE INDEX household_invitations_invitee_user ON household_invitations (invitee_user_id);
  `,
};
