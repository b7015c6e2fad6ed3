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

/** Billing's settings but its two secrets. */
export interface BillingSettings {
  prices: { premium: string; family: string };
  webhookToleranceSeconds: number;
  freePlansPerWeek: number;
  freeSwapsPerWeek: number;
  familyMembers: number;
}

export type BillingConfig =
  | {
      enabled: false;
      /**
       * Set on AWS, where the Stripe key and webhook secret arrive as `…_SECRET_ID`s: billing stays off until
       * the secrets are read (`withBillingSecrets`), so nothing can run half-configured in between.
       */
      awaitingSecrets?: BillingSettings;
    }
  | ({ enabled: true; secretKey: string; webhookSecret: string } & BillingSettings);

type BillingEnv = z.infer<z.ZodObject<typeof billingEnvShape>> & {
  STRIPE_SECRET_KEY_SECRET_ID?: string | undefined;
  STRIPE_WEBHOOK_SECRET_SECRET_ID?: string | undefined;
};

const REQUIRED = [
  'STRIPE_SECRET_KEY',
  'STRIPE_WEBHOOK_SECRET',
  'STRIPE_PRICE_PREMIUM',
  'STRIPE_PRICE_FAMILY',
] as const;

/** A secret given as a value or, on AWS, as the id of a Secrets Manager secret. */
const given = (env: BillingEnv, name: (typeof REQUIRED)[number]): boolean =>
  env[name] !== undefined ||
  (name === 'STRIPE_SECRET_KEY' && env.STRIPE_SECRET_KEY_SECRET_ID !== undefined) ||
  (name === 'STRIPE_WEBHOOK_SECRET' && env.STRIPE_WEBHOOK_SECRET_SECRET_ID !== undefined);

/**
 * Billing is on when the four Stripe settings are all set, off when none is. Some but not all is a mistake worth
 * stopping for (`fail` names the first one missing): a half-configured billing would take money it cannot grant.
 * A secret named by its `…_SECRET_ID` counts as set; billing then waits for it (`awaitingSecrets`).
 */
export function billingConfig(env: BillingEnv, fail: (message: string) => never): BillingConfig {
  const missing = REQUIRED.filter((name) => !given(env, name));
  if (missing.length === REQUIRED.length) return { enabled: false };
  if (missing.length > 0) {
    fail(`Invalid configuration: ${missing[0]}: required when any STRIPE_* billing variable is set`);
  }
  const { STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET, STRIPE_PRICE_PREMIUM, STRIPE_PRICE_FAMILY } = env;
  if (!STRIPE_PRICE_PREMIUM || !STRIPE_PRICE_FAMILY) {
    return fail('Invalid configuration: STRIPE_PRICE_PREMIUM: billing settings incomplete');
  }
  if (STRIPE_PRICE_PREMIUM === STRIPE_PRICE_FAMILY) {
    fail('Invalid configuration: STRIPE_PRICE_FAMILY: must differ from STRIPE_PRICE_PREMIUM');
  }
  const settings: BillingSettings = {
    prices: { premium: STRIPE_PRICE_PREMIUM, family: STRIPE_PRICE_FAMILY },
    webhookToleranceSeconds: env.STRIPE_WEBHOOK_TOLERANCE_SECONDS,
    freePlansPerWeek: env.BILLING_FREE_PLANS_PER_WEEK,
    freeSwapsPerWeek: env.BILLING_FREE_SWAPS_PER_WEEK,
    familyMembers: env.BILLING_FAMILY_MEMBERS,
  };
  if (STRIPE_SECRET_KEY === undefined || STRIPE_WEBHOOK_SECRET === undefined) {
    return { enabled: false, awaitingSecrets: settings };
  }
  return { enabled: true, secretKey: STRIPE_SECRET_KEY, webhookSecret: STRIPE_WEBHOOK_SECRET, ...settings };
}

/**
 * Billing once its secrets were read from Secrets Manager: each value is checked as if it came from the
 * environment, and a bad one fails naming its `…_SECRET_ID` (never the value).
 */
export function withBillingSecrets(
  billing: BillingConfig,
  secrets: { secretKey?: string | undefined; webhookSecret?: string | undefined },
  fail: (message: string) => never,
): BillingConfig {
  if (billing.enabled || billing.awaitingSecrets === undefined) return billing;
  const check = (variable: 'STRIPE_SECRET_KEY' | 'STRIPE_WEBHOOK_SECRET', value: string | undefined) => {
    const parsed = billingEnvShape[variable].safeParse(value);
    if (!parsed.success || parsed.data === undefined) {
      const reason = parsed.success ? 'the secret is empty' : parsed.error.issues[0]?.message;
      return fail(`Invalid configuration: ${variable}_SECRET_ID: ${reason ?? 'not a valid value'}`);
    }
    return parsed.data;
  };
  return {
    enabled: true,
    secretKey: check('STRIPE_SECRET_KEY', secrets.secretKey),
    webhookSecret: check('STRIPE_WEBHOOK_SECRET', secrets.webhookSecret),
    ...billing.awaitingSecrets,
  };
}
