import { initialMigration } from './001-initial.ts';
import { plansMigration } from './002-plans.ts';
import { foodLogMigration } from './003-food-log.ts';
import { planAtHomeMigration } from './004-plan-at-home.ts';
import { privacyMigration } from './005-privacy.ts';
import { outboundMessagesMigration } from './006-outbound-messages.ts';
import { householdInvitationsMigration } from './007-household-invitations.ts';
import { weeklyDeliveryMigration } from './008-weekly-delivery.ts';
import { webAuthMigration } from './009-web-auth.ts';
import { billingMigration } from './010-billing.ts';
import type { Migration } from './migration.ts';

export type { Migration } from './migration.ts';

/** Every migration, oldest first. Append new ones; never edit one that has shipped. */
export const MIGRATIONS: readonly Migration[] = [
  initialMigration,
  plansMigration,
  foodLogMigration,
  planAtHomeMigration,
  privacyMigration,
  outboundMessagesMigration,
  householdInvitationsMigration,
  weeklyDeliveryMigration,
  webAuthMigration,
  billingMigration,
];
