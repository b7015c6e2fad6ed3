import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('cache configuration', () => {
  it('defaults to the memory cache under the product namespace', () => {
    expect(loadConfig({}).cache).toEqual({
      kind: 'memory',
      namespace: 'ai-nutritionist',
      maxEntries: 10_000,
    });
    expect(loadConfig({ CACHE: 'none', CACHE_MAX_ENTRIES: '500' }).cache).toMatchObject({
      kind: 'none',
      maxEntries: 500,
    });
  });

  it('reads ElastiCache settings from a rediss:// URL: TLS on, auth token decoded, database number', () => {
    const { redis } = loadConfig({
      CACHE: 'redis',
      REDIS_URL: `rediss://:${encodeURIComponent('t0k/en@with:chars')}@master.cache.example.amazonaws.com:6380/3`,
    }).cache;
    expect(redis).toEqual({
      host: 'master.cache.example.amazonaws.com',
      port: 6380,
      password: 't0k/en@with:chars',
      db: 3,
      tls: true,
      connectTimeoutMs: 1_000,
      commandTimeoutMs: 250,
    });
  });

  it('takes separate settings, which override the URL (a password from a secret store)', () => {
    const { redis } = loadConfig({
      CACHE: 'redis',
      REDIS_URL: 'redis://app:old@cache.internal:6379',
      REDIS_PASSWORD: 'from-secrets-manager',
      REDIS_TLS: 'true',
      REDIS_COMMAND_TIMEOUT_MS: '100',
    }).cache;
    expect(redis).toMatchObject({
      host: 'cache.internal',
      port: 6379,
      username: 'app',
      password: 'from-secrets-manager',
      tls: true,
      commandTimeoutMs: 100,
    });
    expect(loadConfig({ CACHE: 'redis', REDIS_HOST: '10.0.0.5' }).cache.redis).toMatchObject({
      host: '10.0.0.5',
      port: 6379,
      db: 0,
      tls: false,
    });
  });

  it('leaves Redis settings out unless CACHE=redis', () => {
    expect(loadConfig({ REDIS_URL: 'redis://cache.internal:6379' }).cache.redis).toBeUndefined();
  });

  it.each([
    [{ CACHE: 'memcached' }, 'CACHE'],
    [{ CACHE: 'redis' }, 'REDIS_URL'],
    [{ CACHE: 'redis', REDIS_URL: 'http://cache.internal:6379' }, 'REDIS_URL'],
    [{ CACHE: 'redis', REDIS_URL: 'redis://cache.internal:6379/db' }, 'REDIS_URL'],
    [{ CACHE: 'redis', REDIS_HOST: 'h', REDIS_PORT: '0' }, 'REDIS_PORT'],
    [{ CACHE: 'redis', REDIS_HOST: 'h', REDIS_TLS: 'maybe' }, 'REDIS_TLS'],
    [{ CACHE_NAMESPACE: 'a:b' }, 'CACHE_NAMESPACE'],
    [{ CACHE_MAX_ENTRIES: '10' }, 'CACHE_MAX_ENTRIES'],
  ])('rejects %o with one line naming %s', (env, variable) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(new RegExp(`^Invalid configuration: ${variable}:`));
    // Never echoes a secret back.
    expect((error as Error).message).not.toContain('from-secrets-manager');
  });
});
