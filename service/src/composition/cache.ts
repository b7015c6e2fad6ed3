import { MemoryCache } from '../adapters/memory-cache/memory-cache.ts';
import type { Config } from '../config/config.ts';
import { noCache, ResilientCache } from '../core/cache/resilient-cache.ts';
import type { Cache } from '../core/ports/cache.port.ts';
import type { Clock } from '../core/ports/clock.port.ts';
import type { Logger } from '../core/ports/logger.port.ts';
import { DeferredCache } from './deferred-cache.ts';

export interface ComposedCache {
  /** Never throws for an unreachable backend: Redis sits behind `ResilientCache`. */
  cache: Cache;
  close(): Promise<void>;
}

/** `CACHE`: memory (one process), redis (ElastiCache; TLS and AUTH from config) or none. */
export function composeCache(config: Config, deps: { clock: Clock; logger: Logger }): ComposedCache {
  const settings = config.cache;
  if (settings.kind === 'none') return { cache: noCache, close: async () => {} };
  if (settings.kind === 'memory')
    return {
      cache: new MemoryCache({ clock: deps.clock, maxEntries: settings.maxEntries }),
      close: async () => {},
    };
  const redis = settings.redis;
  if (redis === undefined)
    throw new Error('CACHE=redis without Redis settings (config should have refused it)');
  const backend = new DeferredCache('redis', async () => {
    const { RedisCache } = await import('../adapters/redis/redis-cache.ts');
    return new RedisCache({
      host: redis.host,
      port: redis.port,
      ...(redis.username === undefined ? {} : { username: redis.username }),
      ...(redis.password === undefined ? {} : { password: redis.password }),
      db: redis.db,
      tls: redis.tls,
      namespace: settings.namespace,
      connectTimeoutMs: redis.connectTimeoutMs,
      commandTimeoutMs: redis.commandTimeoutMs,
    });
  });
  return { cache: new ResilientCache(backend, deps.logger), close: () => backend.close() };
}
