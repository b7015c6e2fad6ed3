import type { Cache, CacheSetOptions, JsonValue } from '../ports/cache.port.ts';
import type { Logger } from '../ports/logger.port.ts';
import { checkCacheIncrement, checkCacheKey, checkCacheSet } from './cache-arguments.ts';

/**
 * A cache whose backend may be down: every backend failure becomes a miss (or a write not made), so a request is
 * answered without the cache instead of failing. The outage is logged once when it starts and once when the
 * backend answers again — never per request. Speed is the adapter's job: it must fail fast while its backend is
 * unreachable (the Redis adapter queues nothing offline and times commands out).
 *
 * Argument errors still throw (`RangeError`): they are bugs, not outages.
 */
export class ResilientCache implements Cache {
  readonly kind: string;
  #down = false;

  constructor(
    private readonly backend: Cache,
    private readonly logger: Logger,
  ) {
    this.kind = backend.kind;
  }

  /** True between a failure and the next successful call. */
  get unavailable(): boolean {
    return this.#down;
  }

  async get(key: string): Promise<JsonValue | undefined> {
    checkCacheKey(key);
    return this.#attempt('get', () => this.backend.get(key), undefined);
  }

  async set(key: string, value: JsonValue, options: CacheSetOptions): Promise<void> {
    checkCacheSet(key, options);
    return this.#attempt('set', () => this.backend.set(key, value, options), undefined);
  }

  async delete(key: string): Promise<void> {
    checkCacheKey(key);
    return this.#attempt('delete', () => this.backend.delete(key), undefined);
  }

  async deleteTagged(tag: string): Promise<void> {
    checkCacheKey(tag, 'tag');
    return this.#attempt('delete_tagged', () => this.backend.deleteTagged(tag), undefined);
  }

  /**
   * Fails open: with the backend down the count is 0, so no rate limit refuses anything until it is back. A cache
   * outage must not silence the coach for everyone nor stand between a user and STOP; the limits are a guard
   * against cost, and an outage of minutes costs less than refusing every user (logged once, as `cache_unavailable`).
   */
  async increment(key: string, ttlSeconds: number): Promise<number> {
    checkCacheIncrement(key, ttlSeconds);
    return this.#attempt('increment', () => this.backend.increment(key, ttlSeconds), 0);
  }

  async #attempt<T>(operation: string, run: () => Promise<T>, fallback: T): Promise<T> {
    let result: T;
    try {
      result = await run();
    } catch (error) {
      if (!this.#down) {
        this.#down = true;
        // The error's name and message only: a backend error never carries our keys, which may name a user.
        const { name, message } = error instanceof Error ? error : new Error(String(error));
        this.logger.warn('cache_unavailable', {
          cache: this.kind,
          operation,
          error: name,
          reason: message.slice(0, 160),
        });
      }
      return fallback;
    }
    if (this.#down) {
      this.#down = false;
      this.logger.info('cache_recovered', { cache: this.kind });
    }
    return result;
  }
}

/** `CACHE=none`: every read misses and nothing is kept, with the same argument rules as a real cache. */
export const noCache: Cache = {
  kind: 'none',
  get: async (key) => {
    checkCacheKey(key);
    return undefined;
  },
  set: async (key, _value, options) => {
    checkCacheSet(key, options);
  },
  delete: async (key) => {
    checkCacheKey(key);
  },
  deleteTagged: async (tag) => {
    checkCacheKey(tag, 'tag');
  },
  // Nothing is kept, so every increment is the first: no rate limit ever counts past 1 (CACHE=none turns them off).
  increment: async (key, ttlSeconds) => {
    checkCacheIncrement(key, ttlSeconds);
    return 1;
  },
};
