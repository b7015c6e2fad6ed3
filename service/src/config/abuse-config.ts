import { z } from 'zod';

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);
const whole = (min: number, max: number, fallback: number) =>
  z.preprocess(emptyAsUndefined, z.coerce.number().int().min(min).max(max).default(fallback));

/**
 * Countries SMS may go to by default: the coach speaks English and Spanish, so the US and Canada (and the rest of
 * the North American plan), the UK, Ireland, Australia, New Zealand, Spain, Mexico, Argentina, Chile, Colombia
 * and Peru. Everything else is refused until an operator lists it.
 */
export const DEFAULT_SMS_ALLOWED_COUNTRY_CODES = '1,44,353,61,64,34,52,54,56,57,51';

/** A comma-separated list of leading digits of E.164 numbers (country calling codes), no "+". */
const prefixList = z
  .string()
  .transform((text) => text.split(',').map((part) => part.trim().replace(/^\+/, '')))
  .pipe(
    z
      .array(
        z.string().regex(/^[1-9]\d{0,5}$/, 'must be country calling codes such as 1,44,34 (1 to 6 digits)'),
      )
      .min(1)
      .max(300),
  );

/** The abuse limits' environment variables (part of `envSchema`); `.env.example` documents each one. */
export const abuseEnvShape = {
  /** Inbound messages one number (or web session) may send in its window before it is slowed down; 0 = off. */
  RATE_LIMIT_PER_NUMBER: whole(0, 100_000, 20),
  RATE_LIMIT_PER_NUMBER_WINDOW_SECONDS: whole(10, 86_400, 600),
  /** Inbound messages a minute across all numbers before senders are told to try later; 0 = off. */
  RATE_LIMIT_GLOBAL_PER_MINUTE: whole(0, 10_000_000, 600),
  SMS_ALLOWED_COUNTRY_CODES: z.preprocess(
    emptyAsUndefined,
    prefixList.default(DEFAULT_SMS_ALLOWED_COUNTRY_CODES.split(',')),
  ),
  /** SMS an hour to numbers that never texted us (web phone codes, invitations), per allowed country code. */
  SMS_NEW_NUMBERS_PER_PREFIX_PER_HOUR: whole(1, 1_000_000, 20),
};

type AbuseEnv = z.infer<z.ZodObject<typeof abuseEnvShape>>;

/** The same shape as `AbuseLimits` in core/abuse (composition passes it through). */
export interface AbuseConfig {
  perSender?: { limit: number; windowSeconds: number };
  global?: { limit: number; windowSeconds: number };
  sms: { allowedPrefixes: readonly string[]; newNumbersPerPrefixPerHour: number };
}

export function abuseConfig(e: AbuseEnv): AbuseConfig {
  return {
    ...(e.RATE_LIMIT_PER_NUMBER === 0
      ? {}
      : {
          perSender: {
            limit: e.RATE_LIMIT_PER_NUMBER,
            windowSeconds: e.RATE_LIMIT_PER_NUMBER_WINDOW_SECONDS,
          },
        }),
    ...(e.RATE_LIMIT_GLOBAL_PER_MINUTE === 0
      ? {}
      : { global: { limit: e.RATE_LIMIT_GLOBAL_PER_MINUTE, windowSeconds: 60 } }),
    sms: {
      allowedPrefixes: [...new Set(e.SMS_ALLOWED_COUNTRY_CODES)],
      newNumbersPerPrefixPerHour: e.SMS_NEW_NUMBERS_PER_PREFIX_PER_HOUR,
    },
  };
}
