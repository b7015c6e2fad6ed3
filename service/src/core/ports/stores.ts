import type { ConsentRecord } from '../domain/consent.ts';
import type { ErasureRecord } from '../domain/export-link.ts';
import type { MessageLogEntry } from '../domain/message.ts';
import type { User } from '../domain/user.ts';
import type { BillingStore } from './billing-store.port.ts';
import type { ConsentStore } from './consent-store.port.ts';
import type { DialogueStore } from './dialogue-store.port.ts';
import type { FoodLogStore } from './food-log-store.port.ts';
import type { HouseholdStore } from './household-store.port.ts';
import type { MessageLog } from './message-log.port.ts';
import type { OutboundMessageStore } from './outbound-message-store.port.ts';
import type { PlanStore } from './plan-store.port.ts';
import type { PrivacyStore } from './privacy-store.port.ts';
import type { UserStore } from './user-store.port.ts';
import type { WebAuthStore } from './web-auth-store.port.ts';
import type { WebInbox } from './web-inbox.port.ts';
import type { WebhookReceiptStore } from './webhook-receipt-store.port.ts';
import type { WeeklyDeliveryStore } from './weekly-delivery-store.port.ts';

/** One write of an inbound message's outcome; `commit` applies a list of them all or nothing. */
export type StoreWrite =
  | { kind: 'dialogue'; userId: string; state: unknown; expectedVersion: number }
  | { kind: 'user'; user: User }
  | { kind: 'consent'; record: ConsentRecord }
  | { kind: 'message'; entry: MessageLogEntry }
  | { kind: 'delete_messages'; userId: string }
  /**
   * GDPR erasure: removes every record of the user from every store (profile, dialogue, messages, plans, food log,
   * export links, webhook replies, and whatever a store adds later), re-keys the consent records of `subject` under
   * its keyed hash (so a STOP stays honoured and consent stays provable without the number) and appends the
   * anonymous audit line `erasure`.
   */
  | {
      kind: 'erase_user';
      userId: string;
      /** The user's number, when they have one: records keyed by it (invitations they received) go too. */
      phone?: string;
      subject: string;
      erasure: ErasureRecord;
    };

export type CommitResult = { ok: true } | { ok: false; reason: 'version_conflict' };

/** Every store the product needs, as one adapter family provides them. */
export interface Stores {
  /** `sqlite`, `memory`, `dynamodb` … reported by /health. */
  readonly kind: string;
  users: UserStore;
  dialogue: DialogueStore;
  messages: MessageLog;
  consent: ConsentStore;
  webhookReceipts: WebhookReceiptStore;
  plans: PlanStore;
  foodLog: FoodLogStore;
  /** Export links and the anonymous erasure audit. */
  privacy: PrivacyStore;
  /** Household invitations and memberships (issue 5). */
  households: HouseholdStore;
  /** Who gets a new week's plan on which day (issue 5). */
  weeklyDelivery: WeeklyDeliveryStore;
  /** Idempotency keys of outbound messages and their delivery statuses (the messengers, the status webhook). */
  outboundMessages: OutboundMessageStore;
  /** Web sign-in links and sessions (issue 10); absent where a runtime has no web sign-in yet. */
  webAuth?: WebAuthStore;
  /** Billing accounts and weekly usage (issue 8); absent where a family has none yet (billing must stay off). */
  billing?: BillingStore;
  /**
   * Web-chat messages from queued work, until the chat page takes them: present where a runtime has no in-process
   * outbox (DynamoDB, for AWS, where worker and web app are different containers); absent where `LocalOutbox` is.
   */
  webInbox?: WebInbox;
  /**
   * Applies the writes as one unit: either all of them or, when a dialogue write finds another version stored
   * (a racing message won), none. SQLite runs them in one transaction, DynamoDB in one TransactWriteItems call.
   */
  commit(writes: readonly StoreWrite[]): Promise<CommitResult>;
  close(): Promise<void>;
}
