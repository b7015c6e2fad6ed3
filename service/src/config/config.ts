import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEnv } from 'node:util';
import { type AbuseConfig, abuseConfig } from './abuse-config.ts';
import { type BillingConfig, billingConfig } from './billing-config.ts';
import { type CacheConfig, cacheConfig } from './cache-config.ts';
import { envSchema } from './config-schema.ts';
import { type LambdaConfig, lambdaConfig } from './lambda-config.ts';
import { type LanguageConfig, languageConfig } from './language-config.ts';
import { type MetricsConfig, metricsConfig } from './metrics-config.ts';

export interface Config {
  nodeEnv: 'development' | 'test' | 'production';
  port: number;
  host: string;
  dataDir: string;
  publicBaseUrl: string;
  store: 'sqlite' | 'memory';
  twilio: {
    authToken?: string;
    managedOptOut: boolean;
    /** Outbound messages: the REST API account and who the messages come from (see `.env.example`). */
    accountSid?: string;
    fromNumber?: string;
    messagingServiceSid?: string;
    whatsappFrom?: string;
    whatsappTemplateSid?: string;
  };
  /** Who sends outbound text messages; `twilio` falls back to the local outbox until Twilio is configured. */
  messagingProvider: 'twilio' | 'aws' | 'local';
  /** AWS End User Messaging SMS (see `.env.example`); required when `messagingProvider` is `aws`. */
  awsSms: { originationIdentity?: string; configurationSet?: string; managedOptOut: boolean };
  brandName: string;
  supportContact: string;
  messageRetentionDays: number;
  /** `DORMANT_AFTER_DAYS`: a number silent this long is asked ME or NEW first, and gets no weekly plans. */
  dormantAfterDays: number;
  /** Weekly plans: how often the scheduler looks (seconds) and the local window, minutes since midnight. */
  weeklyDelivery: { tickSeconds: number; window: { fromMinutes: number; untilMinutes: number } };
  /** HMAC key for records kept after an erasure; undefined means the store's local default (a key file). */
  pseudonymKey?: string;
  /** AWS runtime only (composition/aws.ts): the jobs queue and the DynamoDB table. */
  aws: { jobsQueueUrl?: string; dynamoTable?: string };
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** `CACHE`: memory (default), redis or none, and how to reach Redis. */
  cache: CacheConfig;
  /** `LANGUAGE_PROVIDER`: local (default), bedrock or openai. */
  language: LanguageConfig;
  /** Stripe billing (issue 8): off unless every STRIPE_* setting is given. */
  billing: BillingConfig;
  /** `METRICS_TOKEN`: `GET /metrics` answers only with it; unset, the route is off. */
  metrics: MetricsConfig;
  /** The Lambda functions only: secret ids, metrics namespace, the scheduler's page size. */
  lambda: LambdaConfig;
  /** Rate limits on inbound messages and the SMS-pumping guard (`RATE_LIMIT_*`, `SMS_*`). */
  abuse: AbuseConfig;
  version: string;
}

/** A configuration problem, reported as one line naming the variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const REPOSITORY_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const SERVICE_VERSION = '0.1.0';

/** The environment with some variables overridden, e.g. by command-line flags (`--data-dir`). */
export function loadConfigWith(overrides: Record<string, string | undefined>): Config {
  return loadConfig({ ...processEnvironment(), ...overrides });
}

/** The process environment over the values of a `.env` file at the repository root, if there is one. */
export function processEnvironment(): Record<string, string | undefined> {
  const file = path.join(REPOSITORY_ROOT, '.env');
  const fromFile = existsSync(file) ? parseEnv(readFileSync(file, 'utf8')) : {};
  return { ...fromFile, ...process.env };
}

/** The only reader of the environment: validates it once and returns typed settings. */
export function loadConfig(env: Record<string, string | undefined> = processEnvironment()): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = issue?.path.join('.') ?? 'environment';
    throw new ConfigError(`Invalid configuration: ${variable}: ${issue?.message ?? 'invalid value'}`);
  }
  const e = parsed.data;
  // Without it AWS picks any number of the account, possibly one registered for another use case.
  if (e.MESSAGING_PROVIDER === 'aws' && e.AWS_SMS_ORIGINATION_IDENTITY === undefined) {
    throw new ConfigError(
      'Invalid configuration: AWS_SMS_ORIGINATION_IDENTITY: required when MESSAGING_PROVIDER is aws',
    );
  }
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR ?? path.join(REPOSITORY_ROOT, '.data')),
    publicBaseUrl: (e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    store: e.STORE,
    twilio: {
      authToken: e.TWILIO_AUTH_TOKEN,
      managedOptOut: e.TWILIO_MANAGED_OPT_OUT,
      accountSid: e.TWILIO_ACCOUNT_SID,
      fromNumber: e.TWILIO_FROM_NUMBER,
      messagingServiceSid: e.TWILIO_MESSAGING_SERVICE_SID,
      whatsappFrom: e.TWILIO_WHATSAPP_FROM,
      whatsappTemplateSid: e.TWILIO_WHATSAPP_TEMPLATE_SID,
    },
    messagingProvider: e.MESSAGING_PROVIDER,
    awsSms: {
      ...(e.AWS_SMS_ORIGINATION_IDENTITY === undefined
        ? {}
        : { originationIdentity: e.AWS_SMS_ORIGINATION_IDENTITY }),
      ...(e.AWS_SMS_CONFIGURATION_SET === undefined ? {} : { configurationSet: e.AWS_SMS_CONFIGURATION_SET }),
      managedOptOut: e.AWS_SMS_MANAGED_OPT_OUT,
    },
    brandName: e.BRAND_NAME,
    supportContact: e.SUPPORT_CONTACT,
    messageRetentionDays: e.MESSAGE_RETENTION_DAYS,
    dormantAfterDays: e.DORMANT_AFTER_DAYS,
    weeklyDelivery: {
      tickSeconds: e.SCHEDULER_INTERVAL_SECONDS,
      window: deliveryWindow(e.DELIVERY_WINDOW_START, e.DELIVERY_WINDOW_END),
    },
    ...(e.PSEUDONYM_KEY === undefined ? {} : { pseudonymKey: e.PSEUDONYM_KEY }),
    aws: {
      ...(e.JOBS_QUEUE_URL === undefined ? {} : { jobsQueueUrl: e.JOBS_QUEUE_URL }),
      ...(e.DYNAMODB_TABLE === undefined ? {} : { dynamoTable: e.DYNAMODB_TABLE }),
    },
    logLevel: e.LOG_LEVEL,
    cache: cacheConfig(e, (message) => {
      throw new ConfigError(message);
    }),
    language: languageConfig(e, (message) => {
      throw new ConfigError(message);
    }),
    billing: billingConfig(e, (message) => {
      throw new ConfigError(message);
    }),
    metrics: metricsConfig(e),
    abuse: abuseConfig(e),
    lambda: lambdaConfig(e, (message) => {
      throw new ConfigError(message);
    }),
    version: SERVICE_VERSION,
  };
}

/** "08:00"–"21:00" as minutes; an empty window is a mistake worth stopping for. */
function deliveryWindow(start: string, end: string): { fromMinutes: number; untilMinutes: number } {
  const minutes = (text: string) => Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));
  if (start >= end) {
    throw new ConfigError(
      `Invalid configuration: DELIVERY_WINDOW_START: must be before DELIVERY_WINDOW_END (${start} ≥ ${end})`,
    );
  }
  return { fromMinutes: minutes(start), untilMinutes: minutes(end) };
}
