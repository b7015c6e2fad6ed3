import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);

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
  BRAND_NAME: z.preprocess(emptyAsUndefined, z.string().min(1).max(40).default('AI Nutritionist')),
  SUPPORT_CONTACT: z.preprocess(emptyAsUndefined, z.string().min(3).max(80).default('help@example.org')),
  MESSAGE_RETENTION_DAYS: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().min(1).max(3650).default(90),
  ),
  /**
   * Key of the HMAC that erased users' consent and opt-out records are kept under; at least 32 characters.
   * Unset locally: a random key kept beside the SQLite file.
   */
  PSEUDONYM_KEY: z.preprocess(emptyAsUndefined, z.string().min(32).max(512).optional()),
  LOG_LEVEL: z.preprocess(
    emptyAsUndefined,
    z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  ),
});

export type Env = z.infer<typeof envSchema>;
