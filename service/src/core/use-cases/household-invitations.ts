import type { AbuseLimits } from '../abuse/abuse-limits.ts';
import { guardSmsRecipient, type SmsGuardRefusal, smsGuardMessage } from '../abuse/sms-pumping-guard.ts';
import type { ConversationSettings, Decision } from '../conversation/conversation-types.ts';
import { invitationMessagesFor } from '../conversation/household/invitation-messages.ts';
import { lastFour } from '../conversation/household/invitation-parse.ts';
import type { HouseholdContext, HouseholdEffect } from '../conversation/household/invitation-types.ts';
import { type HouseholdInvitation, INVITATION_TTL_HOURS } from '../domain/household-invitation.ts';
import type { Locale, User } from '../domain/user.ts';
import type { Cache } from '../ports/cache.port.ts';
import type { Messenger } from '../ports/messenger.port.ts';
import { StoreError } from '../ports/store-error.ts';
import { type DeliverMessageDeps, deliverMessage } from './deliver-message.ts';
import { endPlansWithMember } from './household-plan-members.ts';

export type HouseholdDeps = Omit<DeliverMessageDeps, 'messenger'> & {
  messenger?: Messenger;
  conversation: ConversationSettings;
  /** The SMS-pumping guard's settings and counter (core/abuse); absent: not guarded. */
  abuse?: AbuseLimits;
  cache?: Cache;
};

type Effect<K extends HouseholdEffect['kind']> = Extract<HouseholdEffect, { kind: K }>;

/**
 * What the conversation may know of this number's household links. Only the owner's own words and the last four
 * digits of the other number go in: nothing of a member's profile is loaded for the owner's conversation.
 */
export async function householdContext(deps: HouseholdDeps, user: User): Promise<HouseholdContext> {
  const households = deps.stores.households;
  const now = deps.clock.now();
  const [sent, received] = await Promise.all([
    households.activeForOwner(user.id, now),
    user.phone ? households.activeForInvitee(user.phone, now) : Promise.resolve([]),
  ]);
  const context: HouseholdContext = {
    ...(user.phone ? { phone: user.phone } : {}),
    links: sent.map((link) => ({
      id: link.id,
      ...(link.name ? { name: link.name } : {}),
      relationWord: link.relationWord,
      joined: link.status === 'joined',
    })),
  };
  const membership = received.find((link) => link.status === 'joined');
  const pending = received.filter((link) => link.status === 'pending').at(-1);
  if (membership) context.membership = { id: membership.id, ownerLast4: await ownerLast4(deps, membership) };
  else if (pending) context.invitation = { id: pending.id, ownerLast4: await ownerLast4(deps, pending) };
  return context;
}

async function ownerLast4(deps: HouseholdDeps, invitation: HouseholdInvitation): Promise<string> {
  const owner = await deps.stores.users.findById(invitation.ownerId);
  return lastFour(owner?.phone ?? '');
}

/** Runs a household effect after the commit; the result is the reply. */
export async function runHouseholdEffect(
  deps: HouseholdDeps,
  user: User,
  effect: HouseholdEffect,
  locale: Locale,
): Promise<string[]> {
  switch (effect.kind) {
    case 'household_invite':
      return [(await inviteMember(deps, user, effect, locale)).message];
    case 'household_list':
      return [await list(deps, user, locale)];
    case 'household_remove':
      return [await remove(deps, user, effect, locale)];
    case 'household_leave':
      return [await leave(deps, user, effect, locale)];
    case 'household_answer':
      return answer(deps, user, effect, locale);
  }
}

/**
 * Invites a number to the owner's household; the reply to show, and the SMS-pumping guard's refusal when that is
 * why nothing was sent (the web app answers it with a 4xx).
 */
export async function inviteMember(
  deps: HouseholdDeps,
  owner: User,
  effect: Effect<'household_invite'>,
  locale: Locale,
): Promise<{ message: string; refusal?: SmsGuardRefusal }> {
  const sent = await invite(deps, owner, effect, locale);
  return typeof sent === 'string' ? { message: sent } : sent;
}

async function invite(
  deps: HouseholdDeps,
  owner: User,
  effect: Effect<'household_invite'>,
  locale: Locale,
): Promise<string | { message: string; refusal: SmsGuardRefusal }> {
  const h = invitationMessagesFor(locale);
  const households = deps.stores.households;
  const messenger = deps.messenger;
  if (!messenger || !owner.phone) return h.unavailable();
  const now = deps.clock.now();
  const relationWord = effect.relationWord ?? h.relationWord(effect.relation);
  const label = h.label(effect.name, relationWord);
  const last4 = lastFour(effect.phone);
  const mine = await households.activeForOwner(owner.id, now);
  if (mine.some((link) => link.inviteePhone === effect.phone)) return h.alreadyInvited(label, last4);
  // Opted out, already in a household or invited by someone else: one answer, so the owner learns nothing.
  const [messaging, elsewhere] = await Promise.all([
    deps.stores.consent.latest(effect.phone, 'messaging'),
    households.activeForInvitee(effect.phone, now),
  ]);
  if (messaging?.granted === false || elsewhere.length > 0) {
    deps.logger.info('household_invite_refused', { userId: owner.id });
    return h.cannotInvite();
  }
  // An invitation texts a number the owner typed: the SMS-pumping guard's door (core/abuse).
  const known = await deps.stores.users.findByPhone(effect.phone);
  const isNew = known?.lastInboundAt === undefined;
  const refusal = await guardSmsRecipient(deps, effect.phone, {
    isNew,
    purpose: 'household_invitation',
    userId: owner.id,
  });
  if (refusal) return { message: smsGuardMessage(locale, refusal), refusal };
  const invitee = await inviteeUser(deps, effect.phone, locale);
  const invitation: HouseholdInvitation = {
    id: deps.ids.next(),
    ownerId: owner.id,
    inviteeUserId: invitee.id,
    inviteePhone: effect.phone,
    relation: effect.relation,
    relationWord,
    ...(effect.name ? { name: effect.name } : {}),
    status: 'pending',
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + INVITATION_TTL_HOURS * 3_600_000).toISOString(),
  };
  await households.create(invitation);
  const text = invitationMessagesFor(invitee.locale).invitation(
    deps.conversation.brand,
    lastFour(owner.phone),
    invitee.locale === locale ? relationWord : undefined,
    INVITATION_TTL_HOURS,
  );
  await deliverMessage({ ...deps, messenger }, invitee, text, `invite:${invitation.id}`);
  deps.logger.info('household_invited', { userId: owner.id, invitationId: invitation.id });
  return h.invitationSent(label, last4, INVITATION_TTL_HOURS);
}

/**
 * The invitee as a user: found by number, or created holding only the number (what may be kept before consent),
 * in the owner's language, so the invitation has somewhere to go and their reply finds it.
 */
async function inviteeUser(deps: HouseholdDeps, phone: string, locale: Locale): Promise<User> {
  const existing = await deps.stores.users.findByPhone(phone);
  if (existing) return existing;
  const now = deps.clock.now().toISOString();
  const user: User = {
    id: deps.ids.next(),
    phone,
    lastChannel: 'sms',
    locale,
    profile: {},
    createdAt: now,
    updatedAt: now,
  };
  try {
    await deps.stores.users.create(user);
    return user;
  } catch (error) {
    const winner =
      error instanceof StoreError &&
      error.code === 'conflict' &&
      (await deps.stores.users.findByPhone(phone));
    if (winner) return winner;
    throw error;
  }
}

async function list(deps: HouseholdDeps, user: User, locale: Locale): Promise<string> {
  const h = invitationMessagesFor(locale);
  const households = deps.stores.households;
  const now = deps.clock.now();
  const links = await households.activeForOwner(user.id, now);
  if (links.length === 0) {
    const membership = user.phone
      ? (await households.activeForInvitee(user.phone, now)).find((link) => link.status === 'joined')
      : undefined;
    return membership ? h.memberPlan(await ownerLast4(deps, membership)) : h.emptyList();
  }
  return h.list(
    links.map((link) =>
      h.listLine(
        h.label(link.name, link.relationWord),
        lastFour(link.inviteePhone),
        link.status === 'joined',
      ),
    ),
  );
}

async function remove(
  deps: HouseholdDeps,
  owner: User,
  effect: Effect<'household_remove'>,
  locale: Locale,
): Promise<string> {
  const h = invitationMessagesFor(locale);
  const households = deps.stores.households;
  const found = await households.findById(effect.invitationId);
  if (!found || found.ownerId !== owner.id || !(await households.end(found.id, deps.clock.now())))
    return h.noOneCalled(effect.label);
  deps.logger.info('household_member_removed', { userId: owner.id, invitationId: found.id });
  if (found.status !== 'joined') return h.cancelled(effect.label);
  await endPlansWithMember(deps, owner.id, found.id);
  const member = await deps.stores.users.findById(found.inviteeUserId);
  if (member && deps.messenger) {
    const text = invitationMessagesFor(member.locale).removedYou(lastFour(owner.phone ?? ''));
    await deliverMessage({ ...deps, messenger: deps.messenger }, member, text, `removed:${found.id}`);
  }
  return h.removed(effect.label);
}

async function leave(
  deps: HouseholdDeps,
  member: User,
  effect: Effect<'household_leave'>,
  locale: Locale,
): Promise<string> {
  const h = invitationMessagesFor(locale);
  const households = deps.stores.households;
  const found = await households.findById(effect.invitationId);
  if (!found || found.inviteeUserId !== member.id || !(await households.end(found.id, deps.clock.now())))
    return h.notAMember();
  deps.logger.info('household_member_left', { userId: member.id, invitationId: found.id });
  await endPlansWithMember(deps, found.ownerId, found.id);
  const owner = await deps.stores.users.findById(found.ownerId);
  // The owner hears that someone left, never who: after leaving, nothing of the member reaches them.
  if (owner && deps.messenger) {
    const text = invitationMessagesFor(owner.locale).memberLeft();
    await deliverMessage({ ...deps, messenger: deps.messenger }, owner, text, `left:${found.id}`);
  }
  return h.left();
}

async function answer(
  deps: HouseholdDeps,
  invitee: User,
  effect: Effect<'household_answer'>,
  locale: Locale,
): Promise<string[]> {
  const h = invitationMessagesFor(locale);
  const households = deps.stores.households;
  const found = await households.findById(effect.invitationId);
  const now = deps.clock.now();
  if (!found || found.inviteeUserId !== invitee.id) return [h.expired(), ...effect.next];
  if (!effect.accept) {
    await households.end(found.id, now);
    deps.logger.info('household_invitation_declined', { userId: invitee.id, invitationId: found.id });
    return [h.declined(), ...effect.next];
  }
  if (!(await households.join(found.id, now))) return [h.expired(), ...effect.next];
  deps.logger.info('household_member_joined', { userId: invitee.id, invitationId: found.id });
  const owner = await deps.stores.users.findById(found.ownerId);
  if (owner && deps.messenger) {
    const o = invitationMessagesFor(owner.locale);
    const text = o.memberJoined(o.label(found.name, found.relationWord));
    await deliverMessage({ ...deps, messenger: deps.messenger }, owner, text, `joined:${found.id}`);
  }
  return [h.joined(), ...effect.next];
}

/**
 * A STOP from an invitee ends the invitation waiting for them: a number that opted out is never asked again, and
 * a later START or YES is no acceptance.
 */
export async function endInvitationsOnOptOut(
  deps: HouseholdDeps,
  user: User,
  decision: Decision,
): Promise<void> {
  const households = deps.stores.households;
  const optedOut = decision.consentChanges.some(
    (change) => change.purpose === 'messaging' && !change.granted,
  );
  if (!optedOut || !user.phone) return;
  const now = deps.clock.now();
  for (const link of await households.activeForInvitee(user.phone, now)) {
    if (link.status === 'pending') await households.end(link.id, now);
  }
}
