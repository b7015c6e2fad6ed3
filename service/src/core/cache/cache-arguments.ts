import { type CacheSetOptions, MAX_CACHE_KEY_LENGTH, MAX_CACHE_TTL_SECONDS } from '../ports/cache.port.ts';

/**
 * The argument rules of the `Cache` port, shared by every adapter and the resilient wrapper so they fail alike.
 * Messages name the rule, never the key: keys may carry a user or plan id.
 */
export function checkCacheKey(key: string, what = 'key'): void {
  if (typeof key !== 'string' || key.length === 0 || key.length > MAX_CACHE_KEY_LENGTH)
    throw new RangeError(`cache ${what} must be 1 to ${MAX_CACHE_KEY_LENGTH} characters`);
}

export function checkCacheSet(key: string, options: CacheSetOptions): void {
  checkCacheKey(key);
  const ttl = options.ttlSeconds;
  if (!Number.isInteger(ttl) || ttl < 1 || ttl > MAX_CACHE_TTL_SECONDS)
    throw new RangeError(`cache ttlSeconds must be a whole number from 1 to ${MAX_CACHE_TTL_SECONDS}`);
  for (const tag of options.tags ?? []) checkCacheKey(tag, 'tag');
}

export function checkCacheIncrement(key: string, ttlSeconds: number): void {
  checkCacheSet(key, { ttlSeconds });
}
