import { z } from 'zod';

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);

/** Stripe billing's environment variables (part of `envSchema`); `.env.example` documents each one. */
export const billingEnvShape = {
  STRIPE_SECRET_KEY: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(
        /^(sk|rk)_(test|live)_[0-9A-Za-z]{8,}$/,
        'must be a Stripe secret or restricted key (sk_… / rk_…)',
      )
      .optional(),
  ),
  STRIPE_WEBHOOK_SECRET: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^whsec_[0-9A-Za-z]{8,}$/, 'must be a webhook signing secret (whsec_…)')
      .optional(),
  ),
  STRIPE_PRICE_PREMIUM: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^price_[0-9A-Za-z_]{4,}$/, 'must be a Stripe price id (price_…)')
      .optional(),
  ),
  STRIPE_PRICE_FAMILY: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^price_[0-9A-Za-z_]{4,}$/, 'must be a Stripe price id (price_…)')
      .optional(),
  ),
  /** How old a signed webhook may be (the official library's default is 300 s). */
  STRIPE_WEBHOOK_TOLERANCE_SECONDS: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().min(30).max(900).default(300),
  ),
  BILLING_FREE_PLANS_PER_WEEK: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().min(0).max(50).default(1),
  ),
  BILLING_FREE_SWAPS_PER_WEEK: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().min(0).max(500).default(3),
  ),
  /** People in one Family household, the owner included. */
  BILLING_FAMILY_MEMBERS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(2).max(12).default(6)),
};

export type BillingConfig =
  | { enabled: false }
  | {
      enabled: true;
      secretKey: string;
      webhookSecret: string;
      prices: { premium: string; family: string };
      webhookToleranceSeconds: number;
      freePlansPerWeek: number;
      freeSwapsPerWeek: number;
      familyMembers: number;
    };

type BillingEnv = z.infer<z.ZodObject<typeof billingEnvShape>>;

const REQUIRED = [
  'STRIPE_SECRET_KEY',
  'STRIPE_WEBHOOK_SECRET',
  'STRIPE_PRICE_PREMIUM',
  'STRIPE_PRICE_FAMILY',
] as const;

/**
 * Billing is on when the four Stripe settings are all set, off when none is. Some but not all is a mistake worth
 * stopping for (`fail` names the first one missing): a half-configured billing would take money it cannot grant.
 */
export function billingConfig(env: BillingEnv, fail: (message: string) => never): BillingConfig {
  const missing = REQUIRED.filter((name) => env[name] === undefined);
  if (missing.length === REQUIRED.length) return { enabled: false };
  if (missing.length > 0) {
    fail(`Invalid configuration: ${missing[0]}: required when any STRIPE_* billing variable is set`);
  }
  const { STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET, STRIPE_PRICE_PREMIUM, STRIPE_PRICE_FAMILY } = env;
  if (!STRIPE_SECRET_KEY || !STRIPE_WEBHOOK_SECRET || !STRIPE_PRICE_PREMIUM || !STRIPE_PRICE_FAMILY) {
    return fail('Invalid configuration: STRIPE_SECRET_KEY: billing settings incomplete');
  }
  if (STRIPE_PRICE_PREMIUM === STRIPE_PRICE_FAMILY) {
    fail('Invalid configuration: STRIPE_PRICE_FAMILY: must differ from STRIPE_PRICE_PREMIUM');
  }
  return {
    enabled: true,
    secretKey: STRIPE_SECRET_KEY,
    webhookSecret: STRIPE_WEBHOOK_SECRET,
    prices: { premium: STRIPE_PRICE_PREMIUM, family: STRIPE_PRICE_FAMILY },
    webhookToleranceSeconds: env.STRIPE_WEBHOOK_TOLERANCE_SECONDS,
    freePlansPerWeek: env.BILLING_FREE_PLANS_PER_WEEK,
    freeSwapsPerWeek: env.BILLING_FREE_SWAPS_PER_WEEK,
    familyMembers: env.BILLING_FAMILY_MEMBERS,
  };
}
