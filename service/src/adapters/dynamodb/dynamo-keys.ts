/** Item keys. Every prefix in the table is built here, so the layout in docs/DYNAMODB.md has one source. */

export interface Key {
  pk: string;
  sk: string;
}

export const keys = {
  user: (userId: string): Key => ({ pk: `USER#${userId}`, sk: 'USER' }),
  phone: (phone: string): Key => ({ pk: `PHONE#${phone}`, sk: 'PHONE' }),
  webSession: (sessionId: string): Key => ({ pk: `WEBSESSION#${sessionId}`, sk: 'WEBSESSION' }),
  dialogue: (userId: string): Key => ({ pk: `USER#${userId}`, sk: 'DIALOGUE' }),
  /** Newest last in the user's partition; the sequence orders entries with the same instant by append. */
  message: (userId: string, at: string, sequence: string): Key => ({
    pk: `USER#${userId}`,
    sk: `MSG#${sortableInstant(at)}#${sequence}`,
  }),
  messageId: (id: string): Key => ({ pk: `MSGID#${id}`, sk: 'MSGID' }),
  consent: (subject: string, purpose: string, order: string): Key => ({
    pk: `CONSENT#${subject}`,
    sk: `CONSENT#${purpose}#${order}`,
  }),
  webhookReceipt: (key: string): Key => ({ pk: `WEBHOOK#${key}`, sk: 'WEBHOOK' }),
  /** Sorted by creation, then id, so the newest plan is the last one in the user's partition. */
  plan: (userId: string, createdAt: string, planId: string): Key => ({
    pk: `USER#${userId}`,
    sk: `PLAN#${sortableInstant(createdAt)}#${planId}`,
  }),
  planId: (planId: string): Key => ({ pk: `PLAN#${planId}`, sk: 'PLAN' }),
  planToken: (token: string): Key => ({ pk: `PLANTOKEN#${token}`, sk: 'PLANTOKEN' }),
  /** By local date, then instant, then id: the order `forDay` and `forDays` return. */
  food: (userId: string, date: string, at: string, entryId: string): Key => ({
    pk: `USER#${userId}`,
    sk: `FOOD#${date}#${sortableInstant(at)}#${entryId}`,
  }),
  foodId: (entryId: string): Key => ({ pk: `FOODID#${entryId}`, sk: 'FOODID' }),
  /** A webhook reply kept for a user: erasing the user finds and removes the receipt through this. */
  webhookRef: (userId: string, key: string): Key => ({ pk: `USER#${userId}`, sk: `WEBHOOK#${key}` }),
  exportLink: (token: string): Key => ({ pk: `EXPORT#${token}`, sk: 'EXPORT' }),
  exportRef: (userId: string, token: string): Key => ({ pk: `USER#${userId}`, sk: `EXPORT#${token}` }),
  /** A household invitation in its owner's partition, oldest first: the order `activeForOwner` returns. */
  invitation: (ownerId: string, createdAt: string, id: string): Key => ({
    pk: `USER#${ownerId}`,
    sk: `INVITE#${sortableInstant(createdAt)}#${id}`,
  }),
  invitationId: (id: string): Key => ({ pk: `INVITE#${id}`, sk: 'INVITE' }),
  /** The invitee's number to their invitations, in the same order (`activeForInvitee`, erasure by number). */
  invitationPhone: (phone: string, createdAt: string, id: string): Key => ({
    pk: inviteePartition(phone),
    sk: `INVITE#${sortableInstant(createdAt)}#${id}`,
  }),
  /** In the invitee's partition, so erasing the invitee finds the invitation. */
  invitationRef: (inviteeUserId: string, createdAt: string, id: string): Key => ({
    pk: `USER#${inviteeUserId}`,
    sk: `INVITED#${sortableInstant(createdAt)}#${id}`,
  }),
  weekly: (userId: string): Key => ({ pk: `USER#${userId}`, sk: 'WEEKLY' }),
  /** One per active subscription, in one partition sorted by user id: what the scheduler reads at each tick. */
  weeklyActive: (userId: string): Key => ({ pk: 'WEEKLY', sk: `USER#${userId}` }),
  outbound: (key: string): Key => ({ pk: `OUTBOUND#${key}`, sk: 'OUTBOUND' }),
  /** In the user's partition: erasure and the export find the user's keys (and the MessageSid sent) through it. */
  outboundRef: (userId: string, key: string): Key => ({ pk: `USER#${userId}`, sk: `OUTBOUND#${key}` }),
  delivery: (messageSid: string): Key => ({ pk: `DELIVERY#${messageSid}`, sk: 'DELIVERY' }),
  /** The erasure audit: rare writes, so one partition for all of them is no hot spot. */
  erasure: (order: string): Key => ({ pk: 'ERASURES', sk: `ERASURE#${order}` }),
  /** An erasure whose bulk deletion is still running (see dynamo-erase.ts); no TTL, it must finish. */
  erasing: (userId: string): Key => ({ pk: 'ERASING', sk: `USER#${userId}` }),
  /** A web sign-in link, by the SHA-256 of its token (never the token); not `WEBSESSION#`, the chat cookie. */
  signInLink: (tokenHash: string): Key => ({ pk: `SIGNIN#${tokenHash}`, sk: 'SIGNIN' }),
  /** In the user's partition: erasure and `deleteForUser` find the user's sign-in links through it. */
  signInRef: (userId: string, tokenHash: string): Key => ({
    pk: `USER#${userId}`,
    sk: `SIGNIN#${tokenHash}`,
  }),
  /** A signed-in web session, by the SHA-256 of its cookie token. */
  webAuthSession: (tokenHash: string): Key => ({ pk: `WEBAUTH#${tokenHash}`, sk: 'WEBAUTH' }),
  webAuthSessionRef: (userId: string, tokenHash: string): Key => ({
    pk: `USER#${userId}`,
    sk: `WEBAUTH#${tokenHash}`,
  }),
  /** The user's billing account; it names the reference, customer and Family items below. */
  billing: (userId: string): Key => ({ pk: `USER#${userId}`, sk: 'BILLING' }),
  /** The opaque `client_reference_id`: unique, so a reference belongs to one user. */
  billingReference: (reference: string): Key => ({ pk: `BILLREF#${reference}`, sk: 'BILLREF' }),
  /** One item per account naming the Stripe customer, so erasing one account leaves the others' items. */
  billingCustomer: (customerId: string, userId: string): Key => ({
    pk: `BILLCUST#${customerId}`,
    sk: `USER#${userId}`,
  }),
  /** One per Family account, in one partition sorted by user id: what the lapse check reads. */
  billingFamily: (userId: string): Key => ({ pk: 'FAMILY', sk: `USER#${userId}` }),
  /** A week's count of one counter; ISO weeks sort as strings, so `USAGE#<week>#` lists the week. */
  billingUsage: (userId: string, week: string, counter: string): Key => ({
    pk: `USER#${userId}`,
    sk: `USAGE#${week}#${counter}`,
  }),
  /** A web-chat message queued work left for the user, oldest first; the sequence orders same-instant ones. */
  webMessage: (userId: string, at: string, sequence: string): Key => ({
    pk: `USER#${userId}`,
    sk: `${WEB_MESSAGE_PREFIX}${sortableInstant(at)}#${sequence}`,
  }),
  /** The key a web message was delivered under, in the user's partition: a job that runs twice stores once. */
  webMessageKey: (userId: string, key: string): Key => ({ pk: `USER#${userId}`, sk: `WEBKEY#${key}` }),
};

/** Where the web messages start in a user's partition (`keys.webMessage`). */
export const WEB_MESSAGE_PREFIX = 'WEBMSG#';
export const userPartition = (userId: string): string => `USER#${userId}`;
/** Where the invitations to a number are listed (`keys.invitationPhone`). */
export const inviteePartition = (phone: string): string => `INVITEE#${phone}`;

/** Milliseconds from 0000-01-01, so every instant a zod datetime allows is positive and 15 digits long. */
const YEAR_ZERO_MS = 62_167_219_200_000;

/**
 * An instant as a fixed-width string that sorts like the instant itself: `…12:00:00Z` and `…12:00:00.000Z` are
 * the same key, and `…12:00:00.500Z` sorts after both.
 */
export function sortableInstant(iso: string): string {
  return (Date.parse(iso) + YEAR_ZERO_MS).toString().padStart(15, '0');
}

let lastSequence = 0;

/**
 * A number that grows with every call in this process and roughly with wall-clock time (microseconds) across
 * processes: it orders items written at the same instant by when they were written. Two processes writing
 * within the same microsecond are ordered arbitrarily, which only matters for same-instant ties.
 */
export function nextSequence(): string {
  lastSequence = Math.max(Date.now() * 1000, lastSequence + 1);
  return lastSequence.toString().padStart(16, '0');
}

/** TTL in epoch seconds, rounded up: DynamoDB may delete an item once this has passed, never before expiry. */
export function ttlSeconds(expiresAtMs: number): number {
  return Math.ceil(expiresAtMs / 1000);
}

/** What an expiring item carries: the exact instant reads filter on, and the TTL that eventually deletes it. */
export function expiry(expiresAt: string): { expiresAtMs: number; ttl: number } {
  const expiresAtMs = Date.parse(expiresAt);
  return { expiresAtMs, ttl: ttlSeconds(expiresAtMs) };
}
