import { describe, expect, it } from 'vitest';
import { MemoryCache } from '../../src/adapters/memory-cache/memory-cache.ts';
import { noCache, ResilientCache } from '../../src/core/cache/resilient-cache.ts';
import type { Cache } from '../../src/core/ports/cache.port.ts';
import type { Logger } from '../../src/core/ports/logger.port.ts';
import { ManualClock } from '../support/test-app.ts';

const hour = { ttlSeconds: 3_600 };

describe('MemoryCache', () => {
  it('evicts the least recently used entry past maxEntries, a read counting as use', async () => {
    const cache = new MemoryCache({ clock: new ManualClock(), maxEntries: 3 });
    await cache.set('a', 1, { ...hour, tags: ['user:x'] });
    await cache.set('b', 2, hour);
    await cache.set('c', 3, hour);
    expect(await cache.get('a')).toBe(1);
    await cache.set('d', 4, hour);
    expect(cache.size).toBe(3);
    expect(await cache.get('b')).toBeUndefined();
    expect([await cache.get('a'), await cache.get('c'), await cache.get('d')]).toEqual([1, 3, 4]);
    await cache.deleteTagged('user:x');
    expect(cache.size).toBe(2);
  });

  it('refuses a maxEntries below 1', () => {
    expect(() => new MemoryCache({ clock: new ManualClock(), maxEntries: 0 })).toThrow(RangeError);
  });
});

describe('ResilientCache', () => {
  /** A backend that fails while `down`, as Redis does while unreachable. */
  function flakyBackend() {
    const memory = new MemoryCache({ clock: new ManualClock() });
    const state = { down: false };
    const guard = async <T>(run: () => Promise<T>) => {
      if (state.down) throw new Error('Connection is closed.');
      return run();
    };
    const backend: Cache = {
      kind: 'redis',
      get: (key) => guard(() => memory.get(key)),
      set: (key, value, options) => guard(() => memory.set(key, value, options)),
      delete: (key) => guard(() => memory.delete(key)),
      deleteTagged: (tag) => guard(() => memory.deleteTagged(tag)),
      increment: (key, ttlSeconds) => guard(() => memory.increment(key, ttlSeconds)),
    };
    return { backend, state };
  }

  function recording() {
    const lines: { level: string; event: string; fields: Record<string, unknown> | undefined }[] = [];
    const at = (level: string) => (event: string, fields?: Record<string, unknown>) => {
      lines.push({ level, event, fields });
    };
    const logger: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
    return { logger, lines };
  }

  it('turns failures into misses, logging each outage once when it starts and once when it ends', async () => {
    const { backend, state } = flakyBackend();
    const { logger, lines } = recording();
    const cache = new ResilientCache(backend, logger);
    await cache.set('k', 'v', hour);
    state.down = true;
    const during = await Promise.all(Array.from({ length: 20 }, () => cache.get('k')));
    expect(during.every((value) => value === undefined)).toBe(true);
    await cache.set('k', 'w', hour);
    await cache.deleteTagged('user:a');
    expect(cache.unavailable).toBe(true);
    state.down = false;
    expect(await cache.get('k')).toBe('v');
    expect(await cache.get('k')).toBe('v');
    state.down = true;
    await cache.delete('k');
    state.down = false;
    await cache.delete('k');
    expect(lines.map((line) => `${line.level} ${line.event}`)).toEqual([
      'warn cache_unavailable',
      'info cache_recovered',
      'warn cache_unavailable',
      'info cache_recovered',
    ]);
    expect(lines[0]?.fields).toEqual({
      cache: 'redis',
      operation: 'get',
      error: 'Error',
      reason: 'Connection is closed.',
    });
  });

  it('fails open on increment: 0 while the backend is down (no limit refuses anything), logged once', async () => {
    const { backend, state } = flakyBackend();
    const { logger, lines } = recording();
    const cache = new ResilientCache(backend, logger);
    expect(await cache.increment('abuse:k', 60)).toBe(1);
    state.down = true;
    const during = await Promise.all(Array.from({ length: 10 }, () => cache.increment('abuse:k', 60)));
    expect(during).toEqual(Array.from({ length: 10 }, () => 0));
    state.down = false;
    expect(await cache.increment('abuse:k', 60)).toBe(2);
    expect(lines.map((line) => `${line.level} ${line.event}`)).toEqual([
      'warn cache_unavailable',
      'info cache_recovered',
    ]);
    expect(lines[0]?.fields?.operation).toBe('increment');
    await expect(cache.increment('abuse:k', 0)).rejects.toThrow(RangeError);
  });

  it('still rejects bad arguments, even while the backend is down', async () => {
    const { backend, state } = flakyBackend();
    state.down = true;
    const cache = new ResilientCache(backend, recording().logger);
    await expect(cache.get('')).rejects.toThrow(RangeError);
    await expect(cache.set('k', 1, { ttlSeconds: 0 })).rejects.toThrow(RangeError);
  });
});

describe('noCache (CACHE=none)', () => {
  it('keeps nothing and checks arguments like a real cache', async () => {
    await noCache.set('k', 1, hour);
    expect(await noCache.get('k')).toBeUndefined();
    await expect(noCache.set('k', 1, { ttlSeconds: 1.5 })).rejects.toThrow(RangeError);
    await expect(noCache.deleteTagged('')).rejects.toThrow(RangeError);
    expect(noCache.kind).toBe('none');
    // Nothing counted: every increment is the first, so no rate limit ever refuses.
    expect([await noCache.increment('k', 60), await noCache.increment('k', 60)]).toEqual([1, 1]);
  });
});
