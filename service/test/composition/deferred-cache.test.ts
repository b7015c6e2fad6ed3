import { describe, expect, it } from 'vitest';
import { MemoryCache } from '../../src/adapters/memory-cache/memory-cache.ts';
import { type ClosableCache, DeferredCache } from '../../src/composition/deferred-cache.ts';
import { ResilientCache } from '../../src/core/cache/resilient-cache.ts';
import type { Logger } from '../../src/core/ports/logger.port.ts';
import { ManualClock } from '../support/test-app.ts';

const silent: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

function closableMemory(closed: string[]): ClosableCache {
  const memory = new MemoryCache({ clock: new ManualClock(), maxEntries: 10 });
  return Object.assign(memory, {
    close: async () => {
      closed.push('closed');
    },
  });
}

describe('DeferredCache (a backend loaded with import())', () => {
  it('starts loading at once and forwards every call to the loaded backend', async () => {
    const closed: string[] = [];
    let loads = 0;
    const cache = new DeferredCache('redis', async () => {
      loads += 1;
      return closableMemory(closed);
    });
    expect(loads).toBe(1);
    expect(cache.kind).toBe('redis');
    await cache.set('a', { kcal: 500 }, { ttlSeconds: 60, tags: ['t'] });
    await cache.set('b', 'kept', { ttlSeconds: 60 });
    expect(await cache.get('a')).toStrictEqual({ kcal: 500 });
    await cache.deleteTagged('t');
    expect(await cache.get('a')).toBeUndefined();
    await cache.delete('b');
    expect(await cache.get('b')).toBeUndefined();
    await cache.close();
    expect(closed).toStrictEqual(['closed']);
    expect(loads).toBe(1);
  });

  it('a failed load rejects each call, which ResilientCache turns into misses; close still resolves', async () => {
    const cache = new DeferredCache('redis', async () => {
      throw new Error('module not found');
    });
    await expect(cache.get('a')).rejects.toThrow('module not found');
    const resilient = new ResilientCache(cache, silent);
    expect(await resilient.get('a')).toBeUndefined();
    await expect(resilient.set('a', 1, { ttlSeconds: 60 })).resolves.toBeUndefined();
    await expect(cache.close()).resolves.toBeUndefined();
  });
});
