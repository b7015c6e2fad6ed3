import { z } from 'zod';
import { abuseEnvShape } from './abuse-config.ts';
import { billingEnvShape } from './billing-config.ts';
import { cacheEnvShape } from './cache-config.ts';
import { lambdaEnvShape } from './lambda-config.ts';
import { languageEnvShape } from './language-config.ts';
import { metricsEnvShape } from './metrics-config.ts';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);

/** A local wall-clock time, HH:MM on 24 hours ("08:00", "20:30"). */
const localClock = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM, e.g. 08:00');

/** The environment variables the service reads; `.env.example` at the repository root documents each one. */
export const envSchema = z.object({
  NODE_ENV: z.preprocess(
    emptyAsUndefined,
    z.enum(['development', 'test', 'production']).default('development'),
  ),
  PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(65_535).default(3000)),
  HOST: z.preprocess(emptyAsUndefined, z.string().min(1).default('127.0.0.1')),
  DATA_DIR: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
  PUBLIC_BASE_URL: z.preprocess(emptyAsUndefined, z.url({ protocol: /^https?$/ }).optional()),
  STORE: z.preprocess(emptyAsUndefined, z.enum(['sqlite', 'memory']).default('sqlite')),
  TWILIO_AUTH_TOKEN: z.preprocess(emptyAsUndefined, z.string().min(16).optional()),
  TWILIO_MANAGED_OPT_OUT: z.preprocess(emptyAsUndefined, booleanFlag.default(false)),
  TWILIO_ACCOUNT_SID: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^AC[0-9a-fA-F]{32}$/, 'must be an account SID (AC + 32 hex digits)')
      .optional(),
  ),
  TWILIO_FROM_NUMBER: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number such as +15551234567')
      .optional(),
  ),
  TWILIO_MESSAGING_SERVICE_SID: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^MG[0-9a-fA-F]{32}$/, 'must be a Messaging Service SID (MG + 32 hex digits)')
      .optional(),
  ),
  TWILIO_WHATSAPP_FROM: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^whatsapp:\+[1-9]\d{6,14}$/, 'must be whatsapp:+E.164, e.g. whatsapp:+15551234567')
      .optional(),
  ),
  TWILIO_WHATSAPP_TEMPLATE_SID: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^HX[0-9a-fA-F]{32}$/, 'must be a Content template SID (HX + 32 hex digits)')
      .optional(),
  ),
  /** Who sends outbound text messages: Twilio (when configured), AWS End User Messaging SMS, or the local outbox. */
  MESSAGING_PROVIDER: z.preprocess(emptyAsUndefined, z.enum(['twilio', 'aws', 'local']).default('twilio')),
  /** Phone number, pool, sender ID (or its ARN) AWS End User Messaging sends from; the API's own pattern. */
  AWS_SMS_ORIGINATION_IDENTITY: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .max(256)
      .regex(/^[A-Za-z0-9_:/+-]+$/, 'must be a phone number, pool ID, sender ID or ARN (e.g. pool-…)')
      .optional(),
  ),
  AWS_SMS_CONFIGURATION_SET: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .max(256)
      .regex(/^[A-Za-z0-9_:/-]+$/, 'must be a configuration set name or ARN')
      .optional(),
  ),
  AWS_SMS_MANAGED_OPT_OUT: z.preprocess(emptyAsUndefined, booleanFlag.default(false)),
  BRAND_NAME: z.preprocess(emptyAsUndefined, z.string().min(1).max(40).default('AI Nutritionist')),
  SUPPORT_CONTACT: z.preprocess(emptyAsUndefined, z.string().min(3).max(80).default('help@example.org')),
  /** How often the in-process scheduler looks for weekly plans that are due (seconds). */
  SCHEDULER_INTERVAL_SECONDS: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().min(10).max(3600).default(300),
  ),
  /** Scheduled messages go out from this local time (inclusive); never before 08:00 (SMS rules). */
  DELIVERY_WINDOW_START: z.preprocess(
    emptyAsUndefined,
    localClock.refine((text) => text >= '08:00', 'must be 08:00 or later').default('08:00'),
  ),
  /** … until this local time (exclusive); never after 21:00 (SMS rules). */
  DELIVERY_WINDOW_END: z.preprocess(
    emptyAsUndefined,
    localClock.refine((text) => text <= '21:00', 'must be 21:00 or earlier').default('21:00'),
  ),
  MESSAGE_RETENTION_DAYS: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().min(1).max(3650).default(90),
  ),
  /**
   * Days without a message after which a number may have been reassigned: its next holder is asked ME or NEW before
   * anything personal is shown, and weekly plans to it pause (core/conversation/dormancy.ts).
   */
  DORMANT_AFTER_DAYS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(3650).default(60)),
  /**
   * Key of the HMAC that erased users' consent and opt-out records are kept under; at least 32 characters.
   * Unset locally: a random key kept beside the SQLite file.
   */
  PSEUDONYM_KEY: z.preprocess(emptyAsUndefined, z.string().min(32).max(512).optional()),
  /** AWS: the SQS queue jobs go to. A standard queue: jobs are idempotent by their own keys (adapters/sqs-queue). */
  JOBS_QUEUE_URL: z.preprocess(
    emptyAsUndefined,
    z
      .url({ protocol: /^https?$/ })
      .refine((url) => !url.endsWith('.fifo'), 'must be a standard queue, not .fifo')
      .optional(),
  ),
  /** AWS: the one DynamoDB table every store shares (docs/DYNAMODB.md). */
  DYNAMODB_TABLE: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^[A-Za-z0-9_.-]{3,255}$/, 'must be a DynamoDB table name')
      .optional(),
  ),
  LOG_LEVEL: z.preprocess(
    emptyAsUndefined,
    z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  ),
  ...cacheEnvShape,
  ...lambdaEnvShape,
  ...languageEnvShape,
  ...billingEnvShape,
  ...metricsEnvShape,
  ...abuseEnvShape,
});

export type Env = z.infer<typeof envSchema>;
