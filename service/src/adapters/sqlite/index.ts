import type { Clock } from '../../core/ports/clock.port.ts';
import type { Stores } from '../../core/ports/stores.ts';
import { applyMigrations } from './migrate.ts';
import { MIGRATIONS } from './migrations/index.ts';
import { SqliteBillingStore } from './sqlite-billing-store.ts';
import { sqliteCommit } from './sqlite-commit.ts';
import { SqliteConsentStore } from './sqlite-consent-store.ts';
import { isInMemory, openDatabase } from './sqlite-database.ts';
import { SqliteDialogueStore } from './sqlite-dialogue-store.ts';
import { sqliteEraser } from './sqlite-erase.ts';
import { SqliteFoodLogStore } from './sqlite-food-log-store.ts';
import { SqliteHouseholdStore } from './sqlite-household-store.ts';
import { SqliteMessageLog } from './sqlite-message-log.ts';
import { SqliteOutboundMessageStore } from './sqlite-outbound-message-store.ts';
import { SqlitePlanStore } from './sqlite-plan-store.ts';
import { SqlitePrivacyStore } from './sqlite-privacy-store.ts';
import { defaultPseudonymKey, pseudonymizer } from './sqlite-pseudonym.ts';
import { SqliteUserStore } from './sqlite-user-store.ts';
import { SqliteWebAuthStore } from './sqlite-web-auth-store.ts';
import { SqliteWebhookReceiptStore } from './sqlite-webhook-receipt-store.ts';
import { SqliteWeeklyDeliveryStore } from './sqlite-weekly-delivery-store.ts';

export interface SqliteStoresOptions {
  /** The database file; its directory is created when missing. `:memory:` gives a throwaway database. */
  file: string;
  /** Stamps `schema_migrations.applied_at`; the system clock by default. */
  clock?: Clock;
  /** How long a write waits for another process's lock before failing; 5 s by default. */
  busyTimeoutMs?: number;
  /**
   * The key of the hash erased users' consent records are kept under (PSEUDONYM_KEY). By default a random key
   * kept in `<file>.pseudonym-key`, made on first open.
   */
  pseudonymKey?: string;
}

const systemClock: Clock = { now: () => new Date() };

/** The stores, and the outbound-message store the Twilio messenger and its status webhook use. */
export type SqliteStores = Stores & { outboundMessages: SqliteOutboundMessageStore };

/** The local default: every store in one SQLite file (WAL), migrated to the current schema on open. */
export function openSqliteStores(options: SqliteStoresOptions): SqliteStores {
  const db = openDatabase({ file: options.file, busyTimeoutMs: options.busyTimeoutMs ?? 5_000 });
  try {
    applyMigrations(db, MIGRATIONS, options.clock ?? systemClock);
  } catch (error) {
    db.close();
    throw error;
  }
  const key = options.pseudonymKey ?? defaultPseudonymKey(options.file, isInMemory(options.file));
  const consent = new SqliteConsentStore(db, pseudonymizer(key));
  const privacy = new SqlitePrivacyStore(db);
  const writers = {
    users: new SqliteUserStore(db),
    dialogue: new SqliteDialogueStore(db),
    messages: new SqliteMessageLog(db),
    consent,
  };
  const commit = sqliteCommit(db, { ...writers, erase: sqliteEraser(db, { consent, privacy }) });
  return {
    kind: 'sqlite',
    ...writers,
    privacy,
    webhookReceipts: new SqliteWebhookReceiptStore(db),
    plans: new SqlitePlanStore(db),
    foodLog: new SqliteFoodLogStore(db),
    households: new SqliteHouseholdStore(db),
    weeklyDelivery: new SqliteWeeklyDeliveryStore(db),
    outboundMessages: new SqliteOutboundMessageStore(db),
    webAuth: new SqliteWebAuthStore(db),
    billing: new SqliteBillingStore(db),
    async commit(writes) {
      return commit(writes);
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
