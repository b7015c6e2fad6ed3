import { messagesFor } from '../conversation/messages/index.ts';
import type { Locale } from '../domain/user.ts';
import type { AbuseDeps } from './abuse-limits.ts';
import { allowedSmsPrefix } from './abuse-limits.ts';

export type SmsGuardRefusal = 'country_not_allowed' | 'too_many_new_numbers';

/** Why we are about to text a number that did not text us first; logged, so the operator sees which door. */
export type NewRecipientPurpose = 'phone_link' | 'household_invitation';

const HOUR_SECONDS = 3_600;

/**
 * The SMS-pumping guard, asked before every SMS a user makes us send to a number other than their own (a web
 * phone-link code, a household invitation). Pumping fraud needs exactly that door: someone makes us text numbers
 * whose carrier pays them per message. So a number outside the allowed country prefixes is refused, and so is a
 * new number (one that never texted us) past the hourly count for its prefix. Refusals are logged as
 * `sms_pumping_guard` warnings naming the prefix and the reason, never the number.
 *
 * The allow-list is pure and holds even while the cache is down; the hourly count fails open then (see
 * `ResilientCache.increment`), leaving the per-user limits of each door (3 codes an hour, 8 members) in force.
 */
export async function guardSmsRecipient(
  deps: AbuseDeps,
  phone: string,
  recipient: { isNew: boolean; purpose: NewRecipientPurpose; userId: string },
): Promise<SmsGuardRefusal | undefined> {
  const sms = deps.abuse?.sms;
  if (!sms) return undefined;
  const prefix = allowedSmsPrefix(phone, sms.allowedPrefixes);
  if (prefix === undefined) {
    deps.logger.warn('sms_pumping_guard', {
      reason: 'country_not_allowed',
      purpose: recipient.purpose,
      userId: recipient.userId,
    });
    return 'country_not_allowed';
  }
  if (!recipient.isNew || !deps.cache) return undefined;
  const count = await deps.cache.increment(`abuse:new-numbers:${prefix}`, HOUR_SECONDS);
  if (count <= sms.newNumbersPerPrefixPerHour) return undefined;
  deps.logger.warn('sms_pumping_guard', {
    reason: 'too_many_new_numbers',
    countryPrefix: prefix,
    limitPerHour: sms.newNumbersPerPrefixPerHour,
    purpose: recipient.purpose,
    userId: recipient.userId,
  });
  return 'too_many_new_numbers';
}

/** The refusal as the user reads it, in their language. */
export function smsGuardMessage(locale: Locale, refusal: SmsGuardRefusal): string {
  const m = messagesFor(locale).abuse;
  return refusal === 'country_not_allowed' ? m.countryNotAllowed() : m.tooManyNewNumbers();
}
