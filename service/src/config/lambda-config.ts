import { z } from 'zod';

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);
const whole = (min: number, max: number, fallback: number) =>
  z.preprocess(emptyAsUndefined, z.coerce.number().int().min(min).max(max).default(fallback));
/** A Secrets Manager secret name ("ai-nutritionist/prod/twilio-auth-token") or ARN: never the secret itself. */
const secretId = z.preprocess(
  emptyAsUndefined,
  z
    .string()
    .max(2048)
    .regex(
      /^[A-Za-z0-9_.:/+=@!-]+$/,
      'must be a Secrets Manager secret name or ARN, e.g. ai-nutritionist/prod/name',
    )
    .optional(),
);

/** The Lambda functions' own environment variables (part of `envSchema`); `.env.example` documents each one. */
export const lambdaEnvShape = {
  TWILIO_AUTH_TOKEN_SECRET_ID: secretId,
  PSEUDONYM_KEY_SECRET_ID: secretId,
  REDIS_PASSWORD_SECRET_ID: secretId,
  STRIPE_SECRET_KEY_SECRET_ID: secretId,
  STRIPE_WEBHOOK_SECRET_SECRET_ID: secretId,
  SECRETS_MAX_AGE_SECONDS: whole(0, 86_400, 300),
  METRICS_NAMESPACE: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^[A-Za-z0-9_./#:-]{1,255}$/, 'must be a CloudWatch namespace (letters, digits, . _ - / # :)')
      .default('AiNutritionist'),
  ),
  SCHEDULER_PAGE_SIZE: whole(1, 1000, 100),
};

type LambdaEnv = z.infer<z.ZodObject<typeof lambdaEnvShape>>;

/** Secrets the functions read from AWS Secrets Manager, by secret name or ARN. */
export interface SecretIds {
  twilioAuthToken?: string;
  pseudonymKey?: string;
  redisPassword?: string;
  stripeSecretKey?: string;
  stripeWebhookSecret?: string;
}

export interface LambdaConfig {
  secretIds: SecretIds;
  /** How long a secret read from Secrets Manager is kept before it is read again (Powertools' cache), in seconds. */
  secretsMaxAgeSeconds: number;
  metricsNamespace: string;
  /** Subscriptions the scheduler reads per page. */
  schedulerPageSize: number;
}

/**
 * A secret comes either as a value (local runs, tests) or as a secret id (AWS), never both: with both, which
 * one is meant is a guess, and a stale value in the environment is how secrets leak.
 */
export function lambdaConfig(
  e: LambdaEnv & {
    TWILIO_AUTH_TOKEN?: string;
    PSEUDONYM_KEY?: string;
    REDIS_PASSWORD?: string;
    STRIPE_SECRET_KEY?: string;
    STRIPE_WEBHOOK_SECRET?: string;
  },
  fail: (message: string) => never,
): LambdaConfig {
  const pairs = [
    ['TWILIO_AUTH_TOKEN', e.TWILIO_AUTH_TOKEN, e.TWILIO_AUTH_TOKEN_SECRET_ID],
    ['PSEUDONYM_KEY', e.PSEUDONYM_KEY, e.PSEUDONYM_KEY_SECRET_ID],
    ['REDIS_PASSWORD', e.REDIS_PASSWORD, e.REDIS_PASSWORD_SECRET_ID],
    ['STRIPE_SECRET_KEY', e.STRIPE_SECRET_KEY, e.STRIPE_SECRET_KEY_SECRET_ID],
    ['STRIPE_WEBHOOK_SECRET', e.STRIPE_WEBHOOK_SECRET, e.STRIPE_WEBHOOK_SECRET_SECRET_ID],
  ] as const;
  for (const [variable, value, id] of pairs) {
    if (value !== undefined && id !== undefined) {
      fail(
        `Invalid configuration: ${variable}_SECRET_ID: set ${variable} or ${variable}_SECRET_ID, not both`,
      );
    }
  }
  return {
    secretIds: {
      ...(e.TWILIO_AUTH_TOKEN_SECRET_ID === undefined
        ? {}
        : { twilioAuthToken: e.TWILIO_AUTH_TOKEN_SECRET_ID }),
      ...(e.PSEUDONYM_KEY_SECRET_ID === undefined ? {} : { pseudonymKey: e.PSEUDONYM_KEY_SECRET_ID }),
      ...(e.REDIS_PASSWORD_SECRET_ID === undefined ? {} : { redisPassword: e.REDIS_PASSWORD_SECRET_ID }),
      ...(e.STRIPE_SECRET_KEY_SECRET_ID === undefined
        ? {}
        : { stripeSecretKey: e.STRIPE_SECRET_KEY_SECRET_ID }),
      ...(e.STRIPE_WEBHOOK_SECRET_SECRET_ID === undefined
        ? {}
        : { stripeWebhookSecret: e.STRIPE_WEBHOOK_SECRET_SECRET_ID }),
    },
    secretsMaxAgeSeconds: e.SECRETS_MAX_AGE_SECONDS,
    metricsNamespace: e.METRICS_NAMESPACE,
    schedulerPageSize: e.SCHEDULER_PAGE_SIZE,
  };
}

/**
 * The environment of a Lambda function: the process's own, without the repository's `.env` file that
 * `processEnvironment` merges in for local runs (a bundle has no repository around it).
 */
export function lambdaEnvironment(): Record<string, string | undefined> {
  return { ...process.env };
}
