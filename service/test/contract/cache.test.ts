import { afterAll, beforeAll, describe } from 'vitest';
import { MemoryCache } from '../../src/adapters/memory-cache/memory-cache.ts';
import { RedisCache } from '../../src/adapters/redis/redis-cache.ts';
import { ResilientCache } from '../../src/core/cache/resilient-cache.ts';
import { silentLogger } from '../../src/core/ports/logger.port.ts';
import { type RedisServer, redisServerAvailable, startRedisServer } from '../support/redis-server.ts';
import { ManualClock } from '../support/test-app.ts';
import { describeCacheContract } from './cache.contract.ts';

describeCacheContract('memory', async () => {
  const clock = new ManualClock();
  return {
    open: () => new MemoryCache({ clock }),
    elapse: async (ms) => clock.advance(ms),
    cleanup: async () => {},
  };
});

// The wrapper the runtimes put around every adapter must keep the contract (it only turns outages into misses).
describeCacheContract('memory behind ResilientCache', async () => {
  const clock = new ManualClock();
  return {
    open: () => new ResilientCache(new MemoryCache({ clock }), silentLogger),
    elapse: async (ms) => clock.advance(ms),
    cleanup: async () => {},
  };
});

const hasRedis = redisServerAvailable();
// CI must prove the adapter: there a missing redis-server fails the run instead of skipping it.
const mustRun = hasRedis || process.env.CI === 'true';
const title = mustRun ? 'redis (real redis-server)' : 'redis: SKIPPED, no redis-server installed';

describe.skipIf(!mustRun)(title, () => {
  let server: RedisServer | undefined;
  beforeAll(async () => {
    if (!hasRedis)
      throw new Error(
        'redis-server is not installed, so the Redis cache cannot be tested (.ci/run installs it)',
      );
    server = await startRedisServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  let backends = 0;
  const redis = (wrap: boolean) => async () => {
    if (!server) throw new Error('redis-server is not running');
    const opened: RedisCache[] = [];
    const { host, port } = server;
    // One redis-server serves every test: each backend's namespaces are its own, so no test sees another's keys.
    const backend = `b${++backends}`;
    return {
      open: (namespace: string) => {
        const cache = new RedisCache({ host, port, namespace: `${backend}-${namespace}` });
        opened.push(cache);
        // Commands are refused until connected (nothing is queued offline): wait for that on first use.
        let ready: Promise<void> | undefined;
        const whenReady = async <T>(run: () => Promise<T>) => {
          ready ??= cache.ready();
          await ready;
          return run();
        };
        const inner = wrap ? new ResilientCache(cache, silentLogger) : cache;
        return {
          kind: inner.kind,
          get: (key: string) => whenReady(() => inner.get(key)),
          set: (...args: Parameters<RedisCache['set']>) => whenReady(() => inner.set(...args)),
          delete: (key: string) => whenReady(() => inner.delete(key)),
          deleteTagged: (tag: string) => whenReady(() => inner.deleteTagged(tag)),
          increment: (key: string, ttlSeconds: number) => whenReady(() => inner.increment(key, ttlSeconds)),
        };
      },
      // Redis expires keys on its own clock: the test waits.
      elapse: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
      cleanup: async () => {
        await Promise.all(opened.map((cache) => cache.close()));
      },
    };
  };
  describeCacheContract('redis', redis(false));
  describeCacheContract('redis behind ResilientCache', redis(true));
});
