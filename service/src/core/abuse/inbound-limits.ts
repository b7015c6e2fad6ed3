import { isPhoneChannel } from '../conversation/address.ts';
import { classifyKeyword } from '../conversation/keywords.ts';
import { messagesFor } from '../conversation/messages/index.ts';
import type { Channel, User } from '../domain/user.ts';
import type { ConsentStore } from '../ports/consent-store.port.ts';
import { consentSubject } from '../privacy/consent-subject.ts';
import { type AbuseDeps, allowedSmsPrefix } from './abuse-limits.ts';

/** What the limits read of an inbound message (`InboundMessage` of handle-inbound-message). */
export interface LimitedMessage {
  channel: Channel;
  sender: { phone: string } | { webSessionId: string };
  text: string;
}

/** The answer to a message: replies, and whom they are for (`InboundResult`). */
export interface LimitedResult {
  replies: string[];
  userId?: string;
}

/** How the conversation is reached: find or create the sender, and answer as them. */
export interface InboundSteps<R extends LimitedResult> {
  findOrCreateUser(): Promise<User>;
  answer(user: User): Promise<R>;
}

const senderCounterKey = (userId: string) => `abuse:in:user:${userId}`;
const busyNoticeKey = (userId: string) => `abuse:busy:user:${userId}`;

/** The counters kept under a user's id: an erasure drops them with the rest of the user's cache entries. */
export function userCounterKeys(userId: string): string[] {
  return [senderCounterKey(userId), busyNoticeKey(userId)];
}

/**
 * The abuse limits in front of the conversation, for every channel (Twilio, AWS SMS, web chat, CLI all call
 * `handleInboundMessage`, which calls this first). What a provider delivers is still answered once (its receipt
 * is kept by the edge); only the costly work — the conversation, the planner, a language model — is skipped.
 *
 * - STOP, START and HELP (and their Spanish words) are never limited and never counted: compliance first.
 * - An SMS from a number outside the allowed country prefixes gets no SMS reply (each reply to such a number is
 *   what a pumping attack is paid for); an opt-out or opt-in word from it is still recorded, silently.
 * - Past the per-sender limit the sender gets one slow-down notice, then silence until their window ends; past
 *   the global limit each sender gets one busy notice a window, then silence. A web chat gets the notice every
 *   time instead of silence: it costs no SMS, and an empty answer would look broken.
 *
 * Counts go through the cache port (`increment`); a cache that is down counts 0 and nothing is limited.
 */
export async function limitInbound<R extends LimitedResult>(
  deps: AbuseDeps & { stores: { consent: ConsentStore } },
  message: LimitedMessage,
  steps: InboundSteps<R>,
): Promise<R | LimitedResult> {
  const abuse = deps.abuse;
  if (!abuse) return steps.answer(await steps.findOrCreateUser());
  const keyword = classifyKeyword(message.text)?.kind;
  const compliance = keyword === 'opt_out' || keyword === 'opt_in' || keyword === 'help';
  if (
    message.channel === 'sms' &&
    'phone' in message.sender &&
    allowedSmsPrefix(message.sender.phone, abuse.sms.allowedPrefixes) === undefined
  ) {
    deps.logger.info('inbound_country_not_allowed', { channel: message.channel, keyword: keyword ?? 'none' });
    if (keyword !== 'opt_out' && keyword !== 'opt_in') return { replies: [] };
    const result = await steps.answer(await steps.findOrCreateUser());
    return { ...result, replies: [] };
  }
  const user = await steps.findOrCreateUser();
  if (compliance || !deps.cache) return steps.answer(user);
  const notices = messagesFor(user.locale).abuse;
  const everyTime = !isPhoneChannel(message.channel);

  if (abuse.perSender) {
    const { limit, windowSeconds } = abuse.perSender;
    const count = await deps.cache.increment(senderCounterKey(user.id), windowSeconds);
    if (limit > 0 && count > limit) {
      const first = count === limit + 1;
      if (first) deps.logger.info('inbound_rate_limited', { userId: user.id, scope: 'sender', limit });
      return notice(deps, user, first || everyTime ? notices.slowDown() : undefined, steps);
    }
  }
  if (abuse.global) {
    const { limit, windowSeconds } = abuse.global;
    const count = await deps.cache.increment('abuse:in:global', windowSeconds);
    if (limit > 0 && count > limit) {
      const notified = await deps.cache.increment(busyNoticeKey(user.id), windowSeconds);
      if (count === limit + 1) deps.logger.warn('inbound_rate_limited', { scope: 'global', limit });
      return notice(deps, user, notified === 1 || everyTime ? notices.busy() : undefined, steps);
    }
  }
  return steps.answer(user);
}

/**
 * A limited message's answer: the notice, or silence. An opted-out number is never sent a notice (after STOP only
 * the keywords are answered); its message goes to the conversation instead, which answers nothing but YES (an
 * opt-in while opted out) and costs no SMS or model call.
 */
async function notice<R extends LimitedResult>(
  deps: { stores: { consent: ConsentStore } },
  user: User,
  text: string | undefined,
  steps: InboundSteps<R>,
): Promise<R | LimitedResult> {
  const messaging = await deps.stores.consent.latest(consentSubject(user), 'messaging');
  if (messaging?.granted === false) return steps.answer(user);
  return { replies: text === undefined ? [] : [text], userId: user.id };
}
