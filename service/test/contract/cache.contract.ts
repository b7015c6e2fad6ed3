import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type Cache,
  type JsonValue,
  MAX_CACHE_KEY_LENGTH,
  MAX_CACHE_TTL_SECONDS,
} from '../../src/core/ports/cache.port.ts';

/** One backend under test: caches opened on it share its data, each under its own namespace. */
export interface CacheUnderTest {
  open(namespace: string): Cache;
  /** Lets time pass for the backend's expiry: memory advances its clock, Redis waits in real time. */
  elapse(ms: number): Promise<void>;
  cleanup(): Promise<void>;
}

export type MakeCache = () => Promise<CacheUnderTest>;

/** The HTML of a busy week's plan page is tens of kilobytes: values that size must round-trip whole. */
const LARGE_TEXT = `<!doctype html>${'<li>Lentil soup · sopa de lentejas – 1½ serving(s) 🥣</li>'.repeat(3_000)}`;

/** The cache port's contract, run against every adapter (memory, Redis on a real redis-server). */
export function describeCacheContract(name: string, makeCache: MakeCache): void {
  describe(`Cache contract: ${name}`, () => {
    let backend: CacheUnderTest;
    let cache: Cache;
    let namespaces = 0;
    beforeEach(async () => {
      backend = await makeCache();
      cache = backend.open(`contract-${++namespaces}`);
    });
    afterEach(async () => {
      await backend.cleanup();
    });
    const hour = { ttlSeconds: 3_600 };

    it('names its kind for /health', () => {
      expect(cache.kind).toMatch(/^[a-z][a-z0-9-]*$/);
    });

    it('misses a key that was never set', async () => {
      expect(await cache.get('plan-page:never')).toBeUndefined();
    });

    it('returns every kind of JSON value as it was stored', async () => {
      const values: Record<string, JsonValue> = {
        text: 'Hola, ¿qué tal? 你好 🥦',
        empty: '',
        zero: 0,
        negative: -1.5,
        big: 9_007_199_254_740_991,
        yes: true,
        no: false,
        nothing: null,
        list: [1, 'two', null, [false], { three: 3 }],
        emptyList: [],
        emptyObject: {},
        nested: { plan: { days: [{ day: 1, meals: ['oats', 'soup'] }], cost: { total: 61.4 } }, ok: true },
        large: LARGE_TEXT,
      };
      for (const [key, value] of Object.entries(values)) await cache.set(`value:${key}`, value, hour);
      for (const [key, value] of Object.entries(values))
        expect(await cache.get(`value:${key}`), key).toStrictEqual(value);
    });

    it('keeps a stored null apart from a miss', async () => {
      await cache.set('answer:null', null, hour);
      expect(await cache.get('answer:null')).toBeNull();
      expect(await cache.get('answer:other')).toBeUndefined();
    });

    it('stores a copy: changing the value after set or after get changes nothing stored', async () => {
      const value = { items: ['rice'], total: 3 };
      await cache.set('copy', value, hour);
      value.items.push('beans');
      value.total = 99;
      const first = (await cache.get('copy')) as { items: string[]; total: number };
      expect(first).toStrictEqual({ items: ['rice'], total: 3 });
      first.items.push('lentils');
      expect(await cache.get('copy')).toStrictEqual({ items: ['rice'], total: 3 });
    });

    it('replaces the value of a key that is set again', async () => {
      await cache.set('plan-page:p1', 'old week', hour);
      await cache.set('plan-page:p1', 'new week', hour);
      expect(await cache.get('plan-page:p1')).toBe('new week');
    });

    it('treats keys as opaque text: colons, glob characters, spaces and non-Latin letters', async () => {
      const keys = [
        'a:b:c',
        'a*',
        'a?',
        '[ab]',
        'with space',
        'ñandú:ü',
        '键',
        'k'.repeat(MAX_CACHE_KEY_LENGTH),
      ];
      for (const [index, key] of keys.entries()) await cache.set(key, index, hour);
      for (const [index, key] of keys.entries()) expect(await cache.get(key), key).toBe(index);
      await cache.delete('a*');
      expect(await cache.get('a*')).toBeUndefined();
      expect(await cache.get('a:b:c')).toBe(0);
      expect(await cache.get('a?')).toBe(2);
    });

    it('keeps an entry until its TTL has passed, and misses it after', async () => {
      await cache.set('short', 'soon gone', { ttlSeconds: 1 });
      await cache.set('long', 'stays', { ttlSeconds: 60 });
      await backend.elapse(700);
      expect(await cache.get('short')).toBe('soon gone');
      await backend.elapse(600);
      expect(await cache.get('short')).toBeUndefined();
      expect(await cache.get('long')).toBe('stays');
    });

    it('gives a key set again the new TTL', async () => {
      await cache.set('renewed', 'first', { ttlSeconds: 1 });
      await cache.set('renewed', 'second', { ttlSeconds: 60 });
      await cache.set('shortened', 'first', { ttlSeconds: 60 });
      await cache.set('shortened', 'second', { ttlSeconds: 1 });
      await backend.elapse(1_300);
      expect(await cache.get('renewed')).toBe('second');
      expect(await cache.get('shortened')).toBeUndefined();
    });

    it('stores a key again after it expired', async () => {
      await cache.set('again', 1, { ttlSeconds: 1 });
      await backend.elapse(1_300);
      expect(await cache.get('again')).toBeUndefined();
      await cache.set('again', 2, hour);
      expect(await cache.get('again')).toBe(2);
    });

    it('deletes one key and leaves the others; deleting a missing key is harmless', async () => {
      await cache.set('plan-page:p1', 'one', hour);
      await cache.set('plan-page:p2', 'two', hour);
      await cache.delete('plan-page:p1');
      await cache.delete('plan-page:p1');
      await cache.delete('never-set');
      expect(await cache.get('plan-page:p1')).toBeUndefined();
      expect(await cache.get('plan-page:p2')).toBe('two');
    });

    it("drops every entry of a user's tag and nothing of anyone else's", async () => {
      await cache.set('plan-page:p1:v1', 'a1', { ...hour, tags: ['user:a', 'plan:p1'] });
      await cache.set('plan-page:p2:v1', 'a2', { ...hour, tags: ['user:a', 'plan:p2'] });
      await cache.set('answer:a-personal', 'a3', { ...hour, tags: ['user:a'] });
      await cache.set('plan-page:p3:v1', 'b1', { ...hour, tags: ['user:b', 'plan:p3'] });
      await cache.set('answer:shared', 'everyone', hour);
      await cache.deleteTagged('user:a');
      expect(await cache.get('plan-page:p1:v1')).toBeUndefined();
      expect(await cache.get('plan-page:p2:v1')).toBeUndefined();
      expect(await cache.get('answer:a-personal')).toBeUndefined();
      expect(await cache.get('plan-page:p3:v1')).toBe('b1');
      expect(await cache.get('answer:shared')).toBe('everyone');
    });

    it('drops an entry with several tags by any one of them', async () => {
      await cache.set('plan-page:p1:v1', 'week', { ...hour, tags: ['user:a', 'plan:p1'] });
      await cache.set('plan-page:p2:v1', 'other week', { ...hour, tags: ['user:a', 'plan:p2'] });
      await cache.deleteTagged('plan:p1');
      expect(await cache.get('plan-page:p1:v1')).toBeUndefined();
      expect(await cache.get('plan-page:p2:v1')).toBe('other week');
    });

    it('takes tags literally: no patterns, and a key that reads like a tag is not in it', async () => {
      await cache.set('x1', 1, { ...hour, tags: ['user:a'] });
      await cache.set('x2', 2, { ...hour, tags: ['user:ab'] });
      await cache.set('user:a', 'a key, not a tag', hour);
      await cache.deleteTagged('user:*');
      await cache.deleteTagged('user:?');
      expect(await cache.get('x1')).toBe(1);
      await cache.deleteTagged('user:a');
      expect(await cache.get('x1')).toBeUndefined();
      expect(await cache.get('x2')).toBe(2);
      expect(await cache.get('user:a')).toBe('a key, not a tag');
    });

    it('drops entries tagged after an earlier drop of the same tag, and ignores unknown tags', async () => {
      await cache.set('k1', 1, { ...hour, tags: ['user:a'] });
      await cache.deleteTagged('user:a');
      await cache.set('k2', 2, { ...hour, tags: ['user:a'] });
      await cache.deleteTagged('user:nobody');
      expect(await cache.get('k2')).toBe(2);
      await cache.deleteTagged('user:a');
      expect(await cache.get('k2')).toBeUndefined();
    });

    it('drops the live entries of a tag whose other entries expired or were deleted', async () => {
      await cache.set('gone-by-ttl', 1, { ttlSeconds: 1, tags: ['user:a'] });
      await cache.set('gone-by-delete', 2, { ...hour, tags: ['user:a'] });
      await cache.set('live', 3, { ...hour, tags: ['user:a'] });
      await cache.delete('gone-by-delete');
      await backend.elapse(1_300);
      await cache.deleteTagged('user:a');
      expect(await cache.get('live')).toBeUndefined();
      expect(await cache.get('gone-by-ttl')).toBeUndefined();
    });

    it('keeps a short-lived entry from shortening the life of a tag that longer entries share', async () => {
      await cache.set('long', 'stays tagged', { ttlSeconds: 60, tags: ['user:a'] });
      await cache.set('short', 'goes', { ttlSeconds: 1, tags: ['user:a'] });
      await backend.elapse(1_300);
      await cache.deleteTagged('user:a');
      expect(await cache.get('long')).toBeUndefined();
    });

    it('keeps namespaces apart on one backend: keys, values and tags', async () => {
      const other = backend.open(`contract-other-${namespaces}`);
      await cache.set('plan-page:p1', 'ours', { ...hour, tags: ['user:a'] });
      await other.set('plan-page:p1', 'theirs', { ...hour, tags: ['user:a'] });
      expect(await cache.get('plan-page:p1')).toBe('ours');
      expect(await other.get('plan-page:p1')).toBe('theirs');
      await other.deleteTagged('user:a');
      expect(await other.get('plan-page:p1')).toBeUndefined();
      expect(await cache.get('plan-page:p1')).toBe('ours');
      await cache.delete('plan-page:p1');
      await other.set('plan-page:p1', 'theirs again', hour);
      expect(await other.get('plan-page:p1')).toBe('theirs again');
    });

    it('answers many concurrent sets and gets', async () => {
      await Promise.all(
        Array.from({ length: 200 }, (_, n) =>
          cache.set(`many:${n}`, { n }, { ...hour, tags: [`user:${n % 7}`] }),
        ),
      );
      const values = await Promise.all(Array.from({ length: 200 }, (_, n) => cache.get(`many:${n}`)));
      expect(values).toStrictEqual(Array.from({ length: 200 }, (_, n) => ({ n })));
      await cache.deleteTagged('user:3');
      const after = await Promise.all(Array.from({ length: 200 }, (_, n) => cache.get(`many:${n}`)));
      expect(after.filter((value) => value === undefined)).toHaveLength(
        Array.from({ length: 200 }, (_, n) => n).filter((n) => n % 7 === 3).length,
      );
    });

    it('rejects an empty or over-long key or tag with a RangeError, storing nothing', async () => {
      const tooLong = 'k'.repeat(MAX_CACHE_KEY_LENGTH + 1);
      await expect(cache.set('', 1, hour)).rejects.toThrow(RangeError);
      await expect(cache.set(tooLong, 1, hour)).rejects.toThrow(RangeError);
      await expect(cache.get('')).rejects.toThrow(RangeError);
      await expect(cache.get(tooLong)).rejects.toThrow(RangeError);
      await expect(cache.delete('')).rejects.toThrow(RangeError);
      await expect(cache.set('tagged', 1, { ...hour, tags: ['user:a', ''] })).rejects.toThrow(RangeError);
      await expect(cache.set('tagged', 1, { ...hour, tags: [tooLong] })).rejects.toThrow(RangeError);
      await expect(cache.deleteTagged('')).rejects.toThrow(RangeError);
      expect(await cache.get('tagged')).toBeUndefined();
    });

    it('rejects a TTL that is not a whole number of seconds from 1 to a year, storing nothing', async () => {
      for (const ttlSeconds of [
        0,
        -1,
        1.5,
        Number.NaN,
        Number.POSITIVE_INFINITY,
        MAX_CACHE_TTL_SECONDS + 1,
      ]) {
        await expect(cache.set('ttl', 'x', { ttlSeconds }), String(ttlSeconds)).rejects.toThrow(RangeError);
      }
      expect(await cache.get('ttl')).toBeUndefined();
      await cache.set('ttl', 'a year', { ttlSeconds: MAX_CACHE_TTL_SECONDS });
      expect(await cache.get('ttl')).toBe('a year');
    });

    it('counts up from 1, each key on its own, and reads a counter back as its count', async () => {
      expect(await cache.increment('count:a', 60)).toBe(1);
      expect(await cache.increment('count:a', 60)).toBe(2);
      expect(await cache.increment('count:b', 60)).toBe(1);
      expect(await cache.increment('count:a', 60)).toBe(3);
      expect(await cache.get('count:a')).toBe(3);
      await cache.delete('count:a');
      expect(await cache.increment('count:a', 60)).toBe(1);
    });

    it('counts within a fixed window: the first increment starts the TTL and later ones never extend it', async () => {
      expect(await cache.increment('window', 1)).toBe(1);
      await backend.elapse(700);
      // A later increment with a longer TTL must not move the end of the window.
      expect(await cache.increment('window', 60)).toBe(2);
      await backend.elapse(600);
      expect(await cache.get('window')).toBeUndefined();
      expect(await cache.increment('window', 1)).toBe(1);
    });

    it('gives each of many racing increments its own count: none lost, none repeated', async () => {
      const counts = await Promise.all(Array.from({ length: 200 }, () => cache.increment('race', 60)));
      expect([...counts].sort((a, b) => a - b)).toStrictEqual(Array.from({ length: 200 }, (_, n) => n + 1));
      expect(await cache.get('race')).toBe(200);
    });

    it('keeps counters of namespaces apart on one backend', async () => {
      const other = backend.open(`contract-counter-${namespaces}`);
      await cache.increment('count', 60);
      await cache.increment('count', 60);
      expect(await other.increment('count', 60)).toBe(1);
      expect(await cache.increment('count', 60)).toBe(3);
    });

    it('rejects an increment with a bad key or TTL with a RangeError, counting nothing', async () => {
      await expect(cache.increment('', 60)).rejects.toThrow(RangeError);
      await expect(cache.increment('k'.repeat(MAX_CACHE_KEY_LENGTH + 1), 60)).rejects.toThrow(RangeError);
      for (const ttlSeconds of [0, -1, 1.5, Number.NaN, MAX_CACHE_TTL_SECONDS + 1])
        await expect(cache.increment('bad-ttl', ttlSeconds), String(ttlSeconds)).rejects.toThrow(RangeError);
      expect(await cache.get('bad-ttl')).toBeUndefined();
    });
  });
}
