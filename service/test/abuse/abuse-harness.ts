import { expect } from 'vitest';
import { MemoryCache } from '../../src/adapters/memory-cache/memory-cache.ts';
import type { AbuseLimits } from '../../src/core/abuse/abuse-limits.ts';
import { maskPhone } from '../../src/core/conversation/address.ts';
import { messagesFor } from '../../src/core/conversation/messages/index.ts';
import type { Cache } from '../../src/core/ports/cache.port.ts';
import type { Clock } from '../../src/core/ports/clock.port.ts';
import type { Logger } from '../../src/core/ports/logger.port.ts';
import type { AbuseRow, ReplyKind, ReplyRun } from '../fixtures/abuse-limits-expected.ts';
import { cookieOf, ONBOARDING, webTestApp } from '../http/web-test-client.ts';
import { signedTwilioRequest, smsParams, twimlMessages } from '../support/test-app.ts';

/** The harness `abuse-limits.test.ts` runs its expected rows with: the app on a manual clock, replies classified. */

export const LIMITS: AbuseLimits = {
  perSender: { limit: 20, windowSeconds: 600 },
  global: { limit: 100, windowSeconds: 60 },
  sms: { allowedPrefixes: ['1', '44', '34'], newNumbersPerPrefixPerHour: 5 },
};
export const BRAND = { name: 'AI Nutritionist', contact: 'help@example.org' };
export const SECOND = 1_000;
export const NOT_ALLOWED = '+88212345678';

export interface LogLine {
  level: string;
  event: string;
  fields: Record<string, unknown> | undefined;
}

/** One reply of the row, with the language it was recognised in (notices and keyword answers only). */
export interface Observed {
  kind: ReplyKind;
  locale?: 'en' | 'es';
  /** The message's text, to judge a keyword answer's language. */
  sent: string;
}

export interface Outcome {
  replies: Observed[];
  status?: number;
  errorCode?: string;
  smsToTarget?: number;
  optedOut?: boolean;
}

export function classify(replies: string[], sent: string): Observed {
  if (replies.length === 0) return { kind: 'silent', sent };
  for (const locale of ['en', 'es'] as const) {
    const m = messagesFor(locale);
    // A notice is the whole answer; a keyword's answer comes first (START adds the consent question when unanswered).
    if (replies.length === 1 && replies[0] === m.abuse.slowDown()) return { kind: 'slow_down', locale, sent };
    if (replies.length === 1 && replies[0] === m.abuse.busy()) return { kind: 'busy', locale, sent };
    const keywords: [ReplyKind, string][] = [
      ['opt_out', m.optOutConfirmation(BRAND)],
      ['opt_in', m.optInConfirmation(BRAND)],
      ['help', m.help(BRAND)],
    ];
    for (const [kind, text] of keywords) if (replies[0] === text) return { kind, locale, sent };
  }
  // A notice mixed into an ordinary answer is neither: report it as the busy kind, which no row expects there.
  const notices = (['en', 'es'] as const).flatMap((l) => [
    messagesFor(l).abuse.slowDown(),
    messagesFor(l).abuse.busy(),
  ]);
  return { kind: replies.some((reply) => notices.includes(reply)) ? 'busy' : 'answered', sent };
}

/** `[['answered', 2], ['silent', 1]]` → the kinds one by one. */
export function expand(run: ReplyRun): ReplyKind[] {
  return run.flatMap(([kind, count]) => Array.from({ length: count }, () => kind));
}

/** The same run, compressed back, for a readable failure. */
export function compress(kinds: ReplyKind[]): [ReplyKind, number][] {
  const runs: [ReplyKind, number][] = [];
  for (const kind of kinds) {
    const last = runs.at(-1);
    if (last && last[0] === kind) last[1]++;
    else runs.push([kind, 1]);
  }
  return runs;
}

export async function setUp(row: AbuseRow, givenCache?: Cache) {
  const lines: LogLine[] = [];
  const at = (level: string) => (event: string, fields?: Record<string, unknown>) => {
    lines.push({ level, event, fields });
  };
  const logger: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  // The cache counts on the app's manual clock, so windows end when the test moves the clock.
  let appClock: Clock | undefined;
  const clock: Clock = { now: () => appClock?.now() ?? new Date('2026-11-26T12:00:00Z') };
  const cache = givenCache ?? new MemoryCache({ clock });
  const limits: AbuseLimits = {
    ...LIMITS,
    ...(row.limits?.perNumber ? { perSender: row.limits.perNumber } : {}),
    ...(row.limits?.global ? { global: row.limits.global } : {}),
    sms: {
      allowedPrefixes: row.limits?.allowedCountryCodes ?? LIMITS.sms.allowedPrefixes,
      newNumbersPerPrefixPerHour:
        row.limits?.newNumbersPerPrefixPerHour ?? LIMITS.sms.newNumbersPerPrefixPerHour,
    },
  };
  const web = webTestApp({ cache, abuse: limits, logger });
  appClock = web.clock;
  const replies: Observed[] = [];
  /** The texts of the last webhook answer. */
  const last = { replies: [] as string[] };

  /** Texts through the signed Twilio webhook; `params` again is a Twilio retry of the same MessageSid. */
  const twilio = async (from: string, text: string, params = smsParams(from, text)) => {
    const response = await web.app.request(signedTwilioRequest(params));
    expect(response.status, `${text} from ${maskPhone(from)}`).toBe(200);
    last.replies = twimlMessages(await response.text());
    replies.push(classify(last.replies, text));
    return params;
  };
  const texts = async (from: string, text: string, times: number, everySeconds = 10) => {
    for (let n = 0; n < times; n++) {
      await twilio(from, text);
      web.clock.advance(everySeconds * SECOND);
    }
  };
  /** A fresh anonymous web user (consented), as its session cookie. */
  const anonymous = async () => {
    const first = await web.api('/api/chat', undefined, { method: 'POST', body: { text: 'hi' } });
    const cookie = cookieOf(first);
    await web.api('/api/chat', cookie, { method: 'POST', body: { text: 'yes' } });
    return cookie;
  };
  const requestCode = (cookie: string, phone: string) =>
    web.api('/api/phone/code', cookie, { method: 'POST', body: { phone } });
  /** An owner who finished onboarding by SMS (not through the limits' counted webhook, though it counts too). */
  const onboardedOwner = async (phone: string) => {
    for (const text of ONBOARDING) await web.sms(phone, text);
    return phone;
  };
  /** SMS delivered to a number (by its masked form in the outbox's log line). */
  const smsTo = (phone: string) =>
    lines.filter(
      (line) =>
        line.event === 'message_delivered' &&
        line.fields?.phone === maskPhone(phone) &&
        line.fields.channel === 'sms',
    ).length;
  const optedOut = async (phone: string) =>
    (await web.stores.consent.latest(phone, 'messaging'))?.granted === false;
  const errorCodeOf = async (response: Response) =>
    ((await response.clone().json()) as { error?: { code?: string } }).error?.code;
  return {
    ...web,
    lines,
    replies,
    last,
    twilio,
    texts,
    anonymous,
    requestCode,
    onboardedOwner,
    smsTo,
    optedOut,
    errorCodeOf,
    limits,
  };
}

export type Setup = Awaited<ReturnType<typeof setUp>>;
