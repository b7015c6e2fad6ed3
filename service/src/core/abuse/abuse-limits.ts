import type { Cache } from '../ports/cache.port.ts';
import type { Logger } from '../ports/logger.port.ts';

/** A fixed-window limit: at most `limit` counted events in `windowSeconds`, the window starting at the first. */
export interface WindowLimit {
  limit: number;
  windowSeconds: number;
}

/**
 * The abuse limits (issue 11 item 4), from `config` (`RATE_LIMIT_*`, `SMS_*`). Counts live in the cache, so every
 * process sharing a Redis shares them; locally they are per process.
 */
export interface AbuseLimits {
  /** Counted inbound messages per sender (a number, or a web session); absent: no per-sender limit. */
  perSender?: WindowLimit;
  /** Counted inbound messages across all senders; absent: no global limit. */
  global?: WindowLimit;
  sms: {
    /**
     * Leading digits of E.164 numbers (country calling codes, or longer prefixes of them) that SMS may go to and be
     * answered from. Calling codes are prefix-free, so "44" never matches another country's number.
     */
    allowedPrefixes: readonly string[];
    /** SMS per hour to numbers that never texted us (phone-link codes, invitations), per allowed prefix. */
    newNumbersPerPrefixPerHour: number;
  };
}

/** What the limits need: without `abuse` nothing is limited; without a cache nothing can be counted. */
export interface AbuseDeps {
  abuse?: AbuseLimits;
  cache?: Cache;
  logger: Logger;
}

/** The allowed prefix `phone` (E.164, `+…`) starts with — the longest when several do — or undefined. */
export function allowedSmsPrefix(phone: string, allowedPrefixes: readonly string[]): string | undefined {
  const digits = phone.startsWith('+') ? phone.slice(1) : phone;
  let best: string | undefined;
  for (const prefix of allowedPrefixes)
    if (digits.startsWith(prefix) && prefix.length > (best?.length ?? 0)) best = prefix;
  return best;
}
