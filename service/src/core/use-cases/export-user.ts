import { messagesFor } from '../conversation/messages/index.ts';
import type { ErasureRecord } from '../domain/export-link.ts';
import { EXPORT_LINK_TTL_HOURS } from '../domain/export-link.ts';
import type { Locale, User } from '../domain/user.ts';
import type { Clock, IdGenerator } from '../ports/clock.port.ts';
import type { Stores, StoreWrite } from '../ports/stores.ts';
import { consentSubject } from '../privacy/consent-subject.ts';

/** Version of the export file's layout, so a reader knows what it holds. */
export const EXPORT_FORMAT = 'ai-nutritionist-export/1';

/** Food-log days cover every date a store can hold, so the export lists the whole log. */
const FIRST_DAY = '0001-01-01';
const LAST_DAY = '9999-12-31';

/**
 * "export my data": a one-time link valid for a day. The token comes from the same random source as plan links,
 * so it says nothing about the user.
 */
export async function createExportLink(deps: ExportLinkDeps, user: User, locale: Locale): Promise<string> {
  return messagesFor(locale).privacy.exportReady(await newExportUrl(deps, user), EXPORT_LINK_TTL_HOURS);
}

type ExportLinkDeps = { stores: Stores; clock: Clock; tokens: IdGenerator; publicBaseUrl: string };

/** Stores a one-time export link and returns its URL (the web app's download button uses it as it is). */
export async function newExportUrl(deps: ExportLinkDeps, user: User): Promise<string> {
  const now = deps.clock.now();
  const token = deps.tokens.next();
  await deps.stores.privacy.saveExportLink({
    token,
    userId: user.id,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + EXPORT_LINK_TTL_HOURS * 3_600_000).toISOString(),
  });
  return `${deps.publicBaseUrl}/export/${token}`;
}

/**
 * Everything stored about the user (GDPR Art. 15 and 20), as whole records read through the store ports, so a
 * field added to a profile or a plan is exported without anyone listing it. Undefined when the user is gone.
 */
export async function collectUserExport(stores: Stores, userId: string, now: Date) {
  const user = await stores.users.findById(userId);
  if (user === undefined) return undefined;
  const [dialogue, consent, messages, plans, foodLog, sent, received, weeklyDelivery, outbound] =
    await Promise.all([
      stores.dialogue.load(userId),
      stores.consent.history(consentSubject(user)),
      stores.messages.listForUser(userId, now),
      stores.plans.listForUser(userId, now),
      stores.foodLog.forDays(userId, FIRST_DAY, LAST_DAY, now),
      stores.households.activeForOwner(userId, now),
      user.phone === undefined ? [] : stores.households.activeForInvitee(user.phone, now),
      stores.weeklyDelivery.get(userId),
      stores.outboundMessages.listForUser(userId),
    ]);
  return {
    format: EXPORT_FORMAT,
    exportedAt: now.toISOString(),
    user,
    conversationState: dialogue?.state ?? null,
    consent,
    // Oldest first, as one reads a conversation.
    messages: messages.reverse(),
    plans,
    foodLog,
    household: { invitationsSent: sent, invitationsReceived: received },
    weeklyDelivery: weeklyDelivery ?? null,
    // Idempotency keys and delivery statuses of what was sent to the user; no bodies are kept with them.
    outboundMessages: outbound,
    // The subscription as we hold it (tier, status, paid-through date, Stripe ids); null when they never paid.
    billing: (await stores.billing?.get(userId)) ?? null,
  };
}

export type UserExport = NonNullable<Awaited<ReturnType<typeof collectUserExport>>>;

/** The write that erases the user, with the anonymous audit line it leaves (a random id and the time). */
export function erasureWrite(deps: { clock: Clock; ids: IdGenerator }, user: User): StoreWrite {
  const erasure: ErasureRecord = { id: deps.ids.next(), at: deps.clock.now().toISOString() };
  return {
    kind: 'erase_user',
    userId: user.id,
    ...(user.phone === undefined ? {} : { phone: user.phone }),
    subject: consentSubject(user),
    erasure,
  };
}
