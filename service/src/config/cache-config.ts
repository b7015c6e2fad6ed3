import { z } from 'zod';

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);
const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');
const whole = (min: number, max: number, fallback: number) =>
  z.preprocess(emptyAsUndefined, z.coerce.number().int().min(min).max(max).default(fallback));

/** The cache's environment variables (part of `envSchema`); `.env.example` documents each one. */
export const cacheEnvShape = {
  CACHE: z.preprocess(emptyAsUndefined, z.enum(['memory', 'redis', 'none']).default('memory')),
  CACHE_NAMESPACE: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1 to 64 letters, digits, - or _')
      .default('ai-nutritionist'),
  ),
  CACHE_MAX_ENTRIES: whole(100, 1_000_000, 10_000),
  REDIS_URL: z.preprocess(
    emptyAsUndefined,
    z.url({ protocol: /^rediss?$/, error: 'must be redis://… or rediss://… (TLS)' }).optional(),
  ),
  REDIS_HOST: z.preprocess(emptyAsUndefined, z.string().min(1).max(255).optional()),
  REDIS_PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(65_535).optional()),
  REDIS_USERNAME: z.preprocess(emptyAsUndefined, z.string().min(1).max(128).optional()),
  REDIS_PASSWORD: z.preprocess(emptyAsUndefined, z.string().min(1).max(512).optional()),
  REDIS_TLS: z.preprocess(emptyAsUndefined, booleanFlag.optional()),
  REDIS_CONNECT_TIMEOUT_MS: whole(100, 30_000, 1_000),
  REDIS_COMMAND_TIMEOUT_MS: whole(10, 10_000, 250),
};

type CacheEnv = z.infer<z.ZodObject<typeof cacheEnvShape>>;

export interface RedisSettings {
  host: string;
  port: number;
  username?: string;
  password?: string;
  db: number;
  tls: boolean;
  connectTimeoutMs: number;
  commandTimeoutMs: number;
}

export interface CacheConfig {
  kind: 'memory' | 'redis' | 'none';
  /** Prefix of every cache key, so deployments can share one Redis. */
  namespace: string;
  /** Memory cache: least recently used entries go past this many. */
  maxEntries: number;
  /** Set when `kind` is `redis`. */
  redis?: RedisSettings;
}

/**
 * `CACHE=redis` connects by `REDIS_URL` (`rediss://` turns TLS on) or by `REDIS_HOST`; the separate settings
 * override the URL's parts, so a password can come from a secret store while the URL stays in plain config.
 */
export function cacheConfig(e: CacheEnv, fail: (message: string) => never): CacheConfig {
  const base = { kind: e.CACHE, namespace: e.CACHE_NAMESPACE, maxEntries: e.CACHE_MAX_ENTRIES };
  if (e.CACHE !== 'redis') return base;
  const url = e.REDIS_URL === undefined ? undefined : new URL(e.REDIS_URL);
  const host = e.REDIS_HOST ?? url?.hostname.replace(/^\[|\]$/g, '');
  if (!host) fail('Invalid configuration: REDIS_URL: CACHE=redis needs REDIS_URL or REDIS_HOST');
  const path = url?.pathname.replace(/^\//, '') ?? '';
  if (path !== '' && !/^(?:[0-9]|1[0-5])$/.test(path))
    fail('Invalid configuration: REDIS_URL: the path must be a database number from 0 to 15');
  const decoded = (text: string | undefined) => (text ? decodeURIComponent(text) : undefined);
  const username = e.REDIS_USERNAME ?? decoded(url?.username);
  const password = e.REDIS_PASSWORD ?? decoded(url?.password);
  return {
    ...base,
    redis: {
      host,
      port: e.REDIS_PORT ?? (url?.port ? Number(url.port) : 6379),
      ...(username === undefined ? {} : { username }),
      ...(password === undefined ? {} : { password }),
      db: path === '' ? 0 : Number(path),
      tls: e.REDIS_TLS ?? url?.protocol === 'rediss:',
      connectTimeoutMs: e.REDIS_CONNECT_TIMEOUT_MS,
      commandTimeoutMs: e.REDIS_COMMAND_TIMEOUT_MS,
    },
  };
}
