import type { AbuseLimits } from '../abuse/abuse-limits.ts';
import { guardSmsRecipient, type SmsGuardRefusal, smsGuardMessage } from '../abuse/sms-pumping-guard.ts';
import { maskPhone } from '../conversation/address.ts';
import { phoneLinkMessages } from '../conversation/phone-link-messages.ts';
import { CONSENT_PURPOSES } from '../domain/consent.ts';
import {
  PHONE_CODE_MAX_ATTEMPTS,
  PHONE_CODE_TTL_MINUTES,
  PHONE_CODES_PER_HOUR,
  type PhoneLink,
} from '../domain/phone-link.ts';
import type { User } from '../domain/user.ts';
import type { Cache } from '../ports/cache.port.ts';
import type { Clock } from '../ports/clock.port.ts';
import type { Logger } from '../ports/logger.port.ts';
import type { Messenger } from '../ports/messenger.port.ts';
import { StoreError } from '../ports/store-error.ts';
import type { Stores } from '../ports/stores.ts';
import { consentSubject } from '../privacy/consent-subject.ts';

export interface LinkPhoneDeps {
  stores: Stores;
  clock: Clock;
  logger: Logger;
  /** The consent-checked messenger; absent: no SMS can go out, so no phone can be linked. */
  messenger?: Messenger;
  /** The SMS-pumping guard's settings and counter (core/abuse); absent: not guarded. */
  abuse?: AbuseLimits;
  cache?: Cache;
}

export type PhoneLinkRefusal =
  | 'already_has_phone'
  | 'phone_taken'
  | 'opted_out'
  | 'rate_limited'
  | 'not_sent'
  | 'unavailable'
  | 'no_code_pending'
  | 'code_expired'
  | 'wrong_code'
  | 'too_many_attempts'
  | SmsGuardRefusal;

export type PhoneLinkOutcome =
  | { ok: true; message: string }
  | { ok: false; refusal: PhoneLinkRefusal; message: string };

const HOUR = 3_600_000;

/**
 * Sends a 6-digit code to `phone` for a web-only user. Refuses a number that already has a user (accounts are never
 * merged silently), one that opted out, and a fourth code within an hour. A new code replaces any pending one.
 */
export async function sendPhoneCode(
  deps: LinkPhoneDeps,
  user: User,
  phone: string,
): Promise<PhoneLinkOutcome> {
  const m = phoneLinkMessages[user.locale];
  if (user.phone !== undefined) return refuse('already_has_phone', m.alreadyHasPhone());
  if (!deps.messenger) return refuse('unavailable', m.unavailable());
  const now = deps.clock.now();
  const recent = (user.profile.phoneLink?.sentAt ?? []).filter((at) => now.getTime() - Date.parse(at) < HOUR);
  if (recent.length >= PHONE_CODES_PER_HOUR) return refuse('rate_limited', m.rateLimited());
  const owner = await deps.stores.users.findByPhone(phone);
  if (owner && owner.id !== user.id) return refuse('phone_taken', m.phoneTaken());
  // Checked here as well as in the messenger, so an opted-out number is told why rather than "not sent".
  const messaging = await deps.stores.consent.latest(phone, 'messaging');
  if (messaging?.granted === false) return refuse('opted_out', m.optedOut());
  // The number has no user, so it never texted us: a new number for the pumping guard.
  const guard = await guardSmsRecipient(deps, phone, { isNew: true, purpose: 'phone_link', userId: user.id });
  if (guard) return refuse(guard, smsGuardMessage(user.locale, guard));

  const code = randomCode();
  const sentAt = [...recent, now.toISOString()];
  const pending: PhoneLink = {
    phone,
    codeHash: await codeHash(user.id, code),
    expiresAt: new Date(now.getTime() + PHONE_CODE_TTL_MINUTES * 60_000).toISOString(),
    attempts: 0,
    sentAt,
  };
  // Stored before sending: a code that went out can always be checked, and counts against the limit even if unsent.
  await saveProfileLink(deps, user, pending);
  const outcome = await deps.messenger.send(
    { userId: user.id, channel: 'sms', phone },
    m.sms(code, PHONE_CODE_TTL_MINUTES),
    `phone-link:${user.id}:${sentAt.length}:${now.getTime()}`,
  );
  if (outcome.status === 'not_sent') {
    deps.logger.info('phone_code_not_sent', { userId: user.id, reason: outcome.reason });
    return outcome.reason === 'opted_out'
      ? refuse('opted_out', m.optedOut())
      : refuse('not_sent', m.notSent());
  }
  deps.logger.info('phone_code_sent', { userId: user.id });
  return { ok: true, message: m.sent(maskPhone(phone), PHONE_CODE_TTL_MINUTES) };
}

/**
 * Checks the code against the caller's own pending one (so another session's code means nothing here) and, when
 * right, attaches the number and carries the web account's consents over to it (the consent subject becomes the number).
 */
export async function verifyPhoneCode(
  deps: LinkPhoneDeps,
  user: User,
  code: string,
): Promise<PhoneLinkOutcome> {
  const m = phoneLinkMessages[user.locale];
  if (user.phone !== undefined) return refuse('already_has_phone', m.alreadyHasPhone());
  const pending = user.profile.phoneLink;
  if (!pending) return refuse('no_code_pending', m.noCodePending());
  const now = deps.clock.now();
  if (pending.attempts >= PHONE_CODE_MAX_ATTEMPTS) return refuse('too_many_attempts', m.tooManyAttempts());
  if (now.getTime() > Date.parse(pending.expiresAt)) return refuse('code_expired', m.expired());
  if ((await codeHash(user.id, code)) !== pending.codeHash) {
    const attempts = pending.attempts + 1;
    await saveProfileLink(deps, user, { ...pending, attempts });
    if (attempts >= PHONE_CODE_MAX_ATTEMPTS) return refuse('too_many_attempts', m.tooManyAttempts());
    return refuse('wrong_code', m.wrongCode(PHONE_CODE_MAX_ATTEMPTS - attempts));
  }
  // Someone may have texted from the number since the code went out: still never merge.
  const owner = await deps.stores.users.findByPhone(pending.phone);
  if (owner && owner.id !== user.id) return refuse('phone_taken', m.phoneTaken());

  const webSubject = consentSubject(user);
  const { phoneLink: _done, ...profile } = user.profile;
  const linked: User = { ...user, phone: pending.phone, profile, updatedAt: now.toISOString() };
  try {
    await deps.stores.users.update(linked);
  } catch (error) {
    // The store refuses a number another user took in between (a unique index): the same plain answer.
    if (error instanceof StoreError && error.code === 'conflict')
      return refuse('phone_taken', m.phoneTaken());
    throw error;
  }
  for (const purpose of CONSENT_PURPOSES) {
    const latest = await deps.stores.consent.latest(webSubject, purpose);
    if (latest)
      await deps.stores.consent.append({
        ...latest,
        subject: pending.phone,
        method: `web:phone-link:${latest.method}`.slice(0, 200),
        at: now.toISOString(),
      });
  }
  deps.logger.info('phone_linked', { userId: user.id });
  return { ok: true, message: m.linked(maskPhone(pending.phone)) };
}

async function saveProfileLink(deps: LinkPhoneDeps, user: User, phoneLink: PhoneLink): Promise<void> {
  await deps.stores.users.update({
    ...user,
    profile: { ...user.profile, phoneLink },
    updatedAt: deps.clock.now().toISOString(),
  });
}

function refuse(refusal: PhoneLinkRefusal, message: string): PhoneLinkOutcome {
  return { ok: false, refusal, message };
}

/** Six uniformly random digits (rejection sampling, so no digit string is likelier than another). */
function randomCode(): string {
  const limit = 4_294_000_000; // the largest multiple of 1,000,000 below 2^32
  for (;;) {
    const [value = limit] = crypto.getRandomValues(new Uint32Array(1));
    if (value < limit) return String(value % 1_000_000).padStart(6, '0');
  }
}

async function codeHash(userId: string, code: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${userId}:${code}`));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
