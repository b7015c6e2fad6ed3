import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEnv } from 'node:util';
import { envSchema } from './config-schema.ts';

export interface Config {
  nodeEnv: 'development' | 'test' | 'production';
  port: number;
  host: string;
  dataDir: string;
  publicBaseUrl: string;
  store: 'sqlite' | 'memory';
  twilio: { authToken?: string; managedOptOut: boolean };
  brandName: string;
  supportContact: string;
  messageRetentionDays: number;
  /** HMAC key for records kept after an erasure; undefined means the store's local default (a key file). */
  pseudonymKey?: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
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
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR ?? path.join(REPOSITORY_ROOT, '.data')),
    publicBaseUrl: (e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    store: e.STORE,
    twilio: { authToken: e.TWILIO_AUTH_TOKEN, managedOptOut: e.TWILIO_MANAGED_OPT_OUT },
    brandName: e.BRAND_NAME,
    supportContact: e.SUPPORT_CONTACT,
    messageRetentionDays: e.MESSAGE_RETENTION_DAYS,
    ...(e.PSEUDONYM_KEY === undefined ? {} : { pseudonymKey: e.PSEUDONYM_KEY }),
    logLevel: e.LOG_LEVEL,
    version: SERVICE_VERSION,
  };
}
