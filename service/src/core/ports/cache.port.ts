/** What a cache holds: plain JSON, so every backend stores and returns the same thing (a copy, never a reference). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Longest key or tag a cache takes; a longer one is a programming error (`RangeError`). */
export const MAX_CACHE_KEY_LENGTH = 512;
/** Longest time to live a cache takes: a year, in seconds. */
export const MAX_CACHE_TTL_SECONDS = 31_536_000;

export interface CacheSetOptions {
  /** Whole seconds from now, 1 … `MAX_CACHE_TTL_SECONDS`; the entry is a miss strictly after that. */
  ttlSeconds: number;
  /**
   * Groups the entry can be dropped by at once: `user:<id>` for whatever holds a user's data (an erasure drops
   * them all), `plan:<id>` for what an edit makes stale. Shared answers (the same for everyone) carry no user tag.
   */
  tags?: readonly string[];
}

/**
 * A shared, expiring key-value cache of JSON values (in memory locally, Redis on AWS). Keys are the caller's
 * (`plan-page:…`, `language:…`); an adapter puts them under its own namespace, so deployments sharing one Redis
 * never see each other's entries.
 *
 * A cache may lose anything at any time: callers treat every `get` as possibly a miss and never keep the only copy
 * of anything in it. Adapters reject when their backend fails; wrapped in `ResilientCache` (core/cache) a failure
 * becomes a miss, so the service answers without its cache instead of failing. Invalid arguments (an empty or
 * over-long key or tag, a TTL that is not a whole number of seconds in range) are programming errors: `RangeError`.
 */
export interface Cache {
  /** `memory`, `redis`, `none` … reported by /health. */
  readonly kind: string;
  /** The value stored under `key`, or undefined when there is none or it has expired. A stored `null` is `null`. */
  get(key: string): Promise<JsonValue | undefined>;
  /** Stores a copy of `value`, replacing any entry under `key` (its value, TTL and tags). */
  set(key: string, value: JsonValue, options: CacheSetOptions): Promise<void>;
  /** Removes the entry; harmless when there is none. */
  delete(key: string): Promise<void>;
  /** Removes every entry set with `tag` among its tags (at least those; possibly more). Harmless when none. */
  deleteTagged(tag: string): Promise<void>;
  /**
   * Adds one to the counter under `key` and returns the new count, atomically across every process sharing the
   * backend. Counts within a fixed window: the increment that creates the counter starts its `ttlSeconds`, later
   * ones never extend it, so the counter is gone (the next increment returns 1) strictly after the window.
   * `get` of a counter's key answers its count; a key is a counter or a `set` value, never both. Rate limits
   * (`core/abuse`) count here; behind `ResilientCache` a failing backend answers 0, so a limit fails open.
   */
  increment(key: string, ttlSeconds: number): Promise<number>;
}
