import type { AbuseLimits } from '../abuse/abuse-limits.ts';
import { limitInbound } from '../abuse/inbound-limits.ts';
import { isBillingEffect } from '../billing/billing-effect.ts';
import { forgetUserInCache } from '../cache/cache-tags.ts';
import { isPhoneChannel, maskPhone } from '../conversation/address.ts';
import type { ConversationSettings, Decision } from '../conversation/conversation-types.ts';
import { converse } from '../conversation/converse.ts';
import { parseDialogueState } from '../conversation/dialogue-state.ts';
import { DEFAULT_DORMANT_AFTER_DAYS, withOwnershipCheck } from '../conversation/dormancy.ts';
import { isHouseholdEffect } from '../conversation/household/invitation-types.ts';
import { isPlanEdit } from '../conversation/plan-edit-intent.ts';
import { fitToSegments } from '../conversation/sms-segments.ts';
import type { MessageLogEntry } from '../domain/message.ts';
import type { Channel, User } from '../domain/user.ts';
import type { Cache } from '../ports/cache.port.ts';
import type { Clock, IdGenerator } from '../ports/clock.port.ts';
import type { JobQueue } from '../ports/job-queue.port.ts';
import type { LanguageModel } from '../ports/language-model.port.ts';
import type { Logger } from '../ports/logger.port.ts';
import type { MealPlanner } from '../ports/meal-planner.port.ts';
import type { Messenger } from '../ports/messenger.port.ts';
import { StoreError } from '../ports/store-error.ts';
import type { Stores, StoreWrite } from '../ports/stores.ts';
import { consentSubject } from '../privacy/consent-subject.ts';
import { answerFromPlan } from './answer-from-plan.ts';
import { answerQuestion } from './answer-question.ts';
import {
  type BillingDeps,
  cancelSubscriptionBeforeErasure,
  entitlementRefusal,
  runBillingEffect,
} from './billing-conversation.ts';
import { editPlan } from './edit-plan.ts';
import { createExportLink, erasureWrite } from './export-user.ts';
import { endInvitationsOnOptOut, householdContext, runHouseholdEffect } from './household-invitations.ts';
import { logFood } from './log-food.ts';
import { planForUser } from './plan-for-user.ts';
import { queueHouseholdPlan } from './queue-household-plan.ts';
import { summariseLog } from './summarise-log.ts';
import { createSignInLink } from './web-sign-in.ts';
import { changeWeeklyDelivery, type DeliveryWindow } from './weekly-delivery.ts';

export interface InboundMessage {
  channel: Channel;
  /** E.164 for sms / whatsapp / cli; the web session id for web. */
  sender: { phone: string } | { webSessionId: string };
  text: string;
  hasMedia: boolean;
}

export interface InboundResult {
  replies: string[];
  /** Whom the replies are for (to tag what the edge keeps of them); absent when this message erased the user. */
  userId?: string;
}

export interface HandleInboundDeps {
  stores: Stores;
  clock: Clock;
  ids: IdGenerator;
  /** Plan-link tokens (random, never derived from the user). */
  tokens: IdGenerator;
  planner: MealPlanner;
  logger: Logger;
  conversation: ConversationSettings;
  publicBaseUrl: string;
  messageRetentionDays: number;
  /** Slow work (a household plan) goes here and is delivered later; without a queue it is done inline. */
  jobs?: JobQueue;
  /** When scheduled messages may go out (named in the "weekly on" reply); 08:00–21:00 by default. */
  deliveryWindow?: DeliveryWindow;
  /** Messages to numbers other than the sender's (household invitations); without it invitations are off. */
  messenger?: Messenger;
  /** Dropped of everything of a user they erase (it must never throw: a `ResilientCache`). */
  cache?: Cache;
  /** Answers open questions (issue 7); the local knowledge-base engine when absent. */
  language?: LanguageModel;
  /** Stripe billing (issue 8); absent: billing is off and nothing is limited. */
  billing?: BillingDeps;
  /** Days without a message after which a number is asked ME or NEW first (dormancy.ts); 60 when absent. */
  dormantAfterDays?: number;
  /** Rate limits and the SMS-pumping guard (issue 11), counted in `cache`; absent: no abuse limits. */
  abuse?: AbuseLimits;
}

const MAX_ATTEMPTS = 5;

/**
 * The one entry for every channel (SMS, WhatsApp, web chat, CLI). The conversation decides purely; this commits
 * the decision with the dialogue-state version as the guard, so two racing messages are applied one after the
 * other instead of one overwriting the other.
 */
export async function handleInboundMessage(
  deps: HandleInboundDeps,
  message: InboundMessage,
): Promise<InboundResult> {
  // Rate limits and the country allow-list first (core/abuse); STOP, START and HELP always pass.
  return limitInbound(deps, message, {
    findOrCreateUser: () => findOrCreateUser(deps, message),
    answer: (user) => answerAs(deps, message, user),
  });
}

async function answerAs(
  deps: HandleInboundDeps,
  message: InboundMessage,
  user: User,
): Promise<InboundResult> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    // A retry re-reads the user: the message that won the race may have changed the profile.
    const current = attempt === 1 ? user : ((await deps.stores.users.findById(user.id)) ?? user);
    const subject = consentSubject(current);
    const [messaging, healthData, stored, household] = await Promise.all([
      deps.stores.consent.latest(subject, 'messaging'),
      deps.stores.consent.latest(subject, 'health_data'),
      deps.stores.dialogue.load(current.id),
      householdContext(deps, current),
    ]);
    const decision = converse(
      { text: message.text, hasMedia: message.hasMedia },
      {
        // Marked before deciding: after a long silence this number may have a new holder (dormancy.ts).
        state: withOwnershipCheck(parseDialogueState(stored?.state), current, {
          channel: message.channel,
          now: deps.clock.now(),
          afterDays: deps.dormantAfterDays ?? DEFAULT_DORMANT_AFTER_DAYS,
          consented: healthData?.granted === true,
        }),
        profile: current.profile,
        locale: current.locale,
        optedOut: messaging?.granted === false,
        consented: healthData?.granted === true,
        ...(household ? { household } : {}),
      },
      deps.conversation,
    );
    const outcome = outcomeOf(deps, message, current, decision);
    // Before the erase commit: once it is in, nothing links the user to their Stripe subscription.
    if (decision.eraseUser) await cancelSubscriptionBeforeErasure(deps, current);
    const committed = await deps.stores.commit([
      { kind: 'dialogue', userId: current.id, state: decision.state, expectedVersion: stored?.version ?? 0 },
      ...outcome.writes,
    ]);
    if (!committed.ok) {
      deps.logger.info('dialogue_version_conflict', { userId: current.id, attempt });
      continue;
    }
    if (decision.eraseUser) await forgetUserInCache(deps.cache, current.id);
    await endInvitationsOnOptOut(deps, current, decision);
    const replies = decision.effect
      ? await effectReplies(deps, message, current, decision, outcome.inboundLogId)
      : outcome.replies;
    deps.logger.info('inbound_handled', {
      userId: current.id,
      channel: message.channel,
      stage: decision.state.stage,
      replies: replies.length,
    });
    return decision.eraseUser ? { replies } : { replies, userId: current.id };
  }
  throw new StoreError(
    'conflict',
    `Dialogue state for user ${user.id} kept changing; gave up after ${MAX_ATTEMPTS}`,
  );
}

async function findOrCreateUser(deps: HandleInboundDeps, message: InboundMessage): Promise<User> {
  const existing = await findUser(deps, message);
  if (existing) return existing;
  const now = deps.clock.now().toISOString();
  const user: User = {
    id: deps.ids.next(),
    ...('phone' in message.sender
      ? { phone: message.sender.phone }
      : { webSessionId: message.sender.webSessionId }),
    lastChannel: message.channel,
    locale: 'en',
    profile: {},
    createdAt: now,
    updatedAt: now,
  };
  try {
    await deps.stores.users.create(user);
    deps.logger.info('user_created', { userId: user.id, channel: message.channel, ...maskedSender(message) });
    return user;
  } catch (error) {
    // Two first messages raced: the other one created the user.
    if (error instanceof StoreError && error.code === 'conflict') {
      const winner = await findUser(deps, message);
      if (winner) return winner;
    }
    throw error;
  }
}

function findUser(deps: HandleInboundDeps, message: InboundMessage): Promise<User | undefined> {
  return 'phone' in message.sender
    ? deps.stores.users.findByPhone(message.sender.phone)
    : deps.stores.users.findByWebSession(message.sender.webSessionId);
}

export { consentSubject };

/**
 * Everything a decision writes, as one list for the store to apply with the dialogue state (all or nothing), and
 * the replies as sent. Message bodies are written only after consent, with their expiry.
 */
function outcomeOf(
  deps: HandleInboundDeps,
  message: InboundMessage,
  user: User,
  decision: Decision,
): { writes: StoreWrite[]; replies: string[]; inboundLogId?: string } {
  const now = deps.clock.now();
  const writes: StoreWrite[] = decision.consentChanges.map((change) => ({
    kind: 'consent',
    record: {
      subject: consentSubject(user),
      purpose: change.purpose,
      granted: change.granted,
      method: `${message.channel}:${change.method}`,
      textVersion: CONSENT_TEXT_VERSION,
      at: now.toISOString(),
    },
  }));
  const profile = decision.eraseProfile ? {} : decision.profile;
  // Written on every message: `lastInboundAt` opens the WhatsApp 24-hour window for later business messages.
  writes.push({
    kind: 'user',
    user: {
      ...user,
      profile,
      locale: decision.locale,
      // A phone user writing from the web app (signed in by "web") keeps the channel their messages go to, and a
      // web message does not open WhatsApp's 24-hour window.
      ...(message.channel === 'web' && user.phone !== undefined
        ? {}
        : { lastChannel: message.channel, lastInboundAt: now.toISOString() }),
      updatedAt: now.toISOString(),
    },
  });
  if (decision.eraseProfile) writes.push({ kind: 'delete_messages', userId: user.id });
  // Last, after the dialogue and consent writes it erases or re-keys: all in the one commit.
  if (decision.eraseUser) writes.push(erasureWrite(deps, user));
  const logBodies = decision.mayLogBodies && !decision.eraseProfile;
  const entry = (direction: 'in' | 'out', body: string) => {
    const logged = messageEntry(deps, user.id, message.channel, direction, body, now);
    writes.push({ kind: 'message', entry: logged });
    return logged.id;
  };
  const inboundLogId = logBodies ? entry('in', message.text) : undefined;
  const replies = decision.replies.map((reply) =>
    fitForChannel(deps, message.channel, reply, logBodies ? entry('out', reply) : undefined),
  );
  return { writes, replies, ...(inboundLogId ? { inboundLogId } : {}) };
}

/** Work after the commit (a plan, or an answer from it), whose reply is logged and fitted like any other. */
async function effectReplies(
  deps: HandleInboundDeps,
  message: InboundMessage,
  user: User,
  decision: Decision,
  /** The message's own log entry (after consent): a slow model's question is answered later from it. */
  inboundLogId?: string,
): Promise<string[]> {
  const effect = decision.effect;
  if (!effect) return [];
  // The export link is a bearer secret: never logged, so it is not behind a /m/ link either.
  if (effect.kind === 'export_data')
    return [fitForChannel(deps, message.channel, await createExportLink(deps, user, decision.locale))];
  // The same for the one-time web sign-in link.
  if (effect.kind === 'web_sign_in')
    return [fitForChannel(deps, message.channel, await createSignInLink(deps, user, decision.locale))];
  // Checkout and portal links open the user's billing: never logged either.
  if (isBillingEffect(effect))
    return (await runBillingEffect(deps, user, effect, decision.locale)).map((reply) =>
      fitForChannel(deps, message.channel, reply),
    );
  // The entitlement check before anything that costs (issue 8): a friendly upgrade message instead.
  const refusal = await entitlementRefusal(deps, user, effect, decision.locale);
  if (refusal) return [fitForChannel(deps, message.channel, refusal)];
  const replies =
    effect.kind === 'weekly_delivery'
      ? await changeWeeklyDelivery(deps, user, effect, decision.locale)
      : effect.kind === 'answer_question'
        ? await answerQuestion(
            deps,
            effect,
            decision.locale,
            inboundLogId ? { userId: user.id, messageId: inboundLogId } : undefined,
          )
        : effect.kind === 'plan_week'
          ? [await planForUser(deps, user, effect.request, decision.locale)]
          : effect.kind === 'plan_household'
            ? await queueHouseholdPlan(deps, user, effect, decision.locale)
            : effect.kind === 'log_food'
              ? await logFood(deps, user, effect.text, decision.locale, effect.chosen)
              : effect.kind === 'summary'
                ? await summariseLog(deps, user, effect.range, decision.locale)
                : isHouseholdEffect(effect)
                  ? await runHouseholdEffect(deps, user, effect, decision.locale)
                  : isPlanEdit(effect)
                    ? await editPlan(deps, user, effect, decision.locale)
                    : await answerFromPlan(deps, user, effect, decision.locale);
  const fitted: string[] = [];
  for (const reply of replies) {
    const logged = decision.mayLogBodies
      ? messageEntry(deps, user.id, message.channel, 'out', reply, deps.clock.now())
      : undefined;
    if (logged) await deps.stores.messages.append(logged);
    fitted.push(fitForChannel(deps, message.channel, reply, logged?.id));
  }
  return fitted;
}

/** A message body to keep (only ever after consent), expiring after the retention period. */
function messageEntry(
  deps: HandleInboundDeps,
  userId: string,
  channel: Channel,
  direction: 'in' | 'out',
  body: string,
  now: Date,
): MessageLogEntry {
  const expiresAt = new Date(now.getTime() + deps.messageRetentionDays * 86_400_000);
  return {
    id: deps.ids.next(),
    userId,
    direction,
    channel,
    body,
    at: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
  };
}

/** The wording of the consent question this build shows; bump it when the text changes. */
export const CONSENT_TEXT_VERSION = 'consent-2026-11-v1';

/** Text channels get at most three segments; the rest of a long reply stays readable behind a link. */
function fitForChannel(deps: HandleInboundDeps, channel: Channel, reply: string, messageId?: string): string {
  if (!isPhoneChannel(channel)) return reply;
  const link = messageId ? `${deps.publicBaseUrl}/m/${messageId}` : deps.publicBaseUrl;
  return fitToSegments(reply, link);
}

function maskedSender(message: InboundMessage): Record<string, string> {
  return 'phone' in message.sender ? { phone: maskPhone(message.sender.phone) } : {};
}
