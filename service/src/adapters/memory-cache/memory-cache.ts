import { checkCacheIncrement, checkCacheKey, checkCacheSet } from '../../core/cache/cache-arguments.ts';
import type { Cache, CacheSetOptions, JsonValue } from '../../core/ports/cache.port.ts';
import type { Clock } from '../../core/ports/clock.port.ts';

interface Entry {
  /** Kept as JSON text, so what comes back is a copy and behaves exactly as it would through Redis. */
  json: string;
  expiresAtMs: number;
  tags: readonly string[];
}

export interface MemoryCacheOptions {
  /** Expiry follows this clock, so tests advance time instead of waiting. */
  clock: Clock;
  /** Beyond this many entries the least recently used goes first (default 10,000). */
  maxEntries?: number;
}

/**
 * The local runtime's cache: one process, least-recently-used entries evicted past `maxEntries`, TTLs on the
 * `Clock`. Never fails, so it needs no resilient wrapper (having one does no harm).
 */
export class MemoryCache implements Cache {
  readonly kind = 'memory';
  readonly #entries = new Map<string, Entry>();
  readonly #tagged = new Map<string, Set<string>>();
  readonly #clock: Clock;
  readonly #maxEntries: number;

  constructor(options: MemoryCacheOptions) {
    this.#clock = options.clock;
    this.#maxEntries = options.maxEntries ?? 10_000;
    if (!Number.isInteger(this.#maxEntries) || this.#maxEntries < 1)
      throw new RangeError('maxEntries must be a whole number of at least 1');
  }

  /** Entries held, expired ones not yet noticed included. */
  get size(): number {
    return this.#entries.size;
  }

  async get(key: string): Promise<JsonValue | undefined> {
    checkCacheKey(key);
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    // Strictly after its TTL, as Redis does.
    if (this.#clock.now().getTime() > entry.expiresAtMs) {
      this.#remove(key);
      return undefined;
    }
    // Map order is recency order: re-inserting marks the entry as the most recently used.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return JSON.parse(entry.json) as JsonValue;
  }

  async set(key: string, value: JsonValue, options: CacheSetOptions): Promise<void> {
    checkCacheSet(key, options);
    const json = JSON.stringify(value);
    this.#remove(key);
    const tags = [...new Set(options.tags ?? [])];
    this.#entries.set(key, {
      json,
      expiresAtMs: this.#clock.now().getTime() + options.ttlSeconds * 1000,
      tags,
    });
    for (const tag of tags) {
      const keys = this.#tagged.get(tag) ?? new Set<string>();
      keys.add(key);
      this.#tagged.set(tag, keys);
    }
    this.#evictPastLimit();
  }

  async delete(key: string): Promise<void> {
    checkCacheKey(key);
    this.#remove(key);
  }

  async deleteTagged(tag: string): Promise<void> {
    checkCacheKey(tag, 'tag');
    for (const key of [...(this.#tagged.get(tag) ?? [])]) this.#remove(key);
    this.#tagged.delete(tag);
  }

  /** One process, one thread: read and write happen with no await between them, so racing calls never lose a count. */
  async increment(key: string, ttlSeconds: number): Promise<number> {
    checkCacheIncrement(key, ttlSeconds);
    const nowMs = this.#clock.now().getTime();
    const entry = this.#entries.get(key);
    const live = entry !== undefined && nowMs <= entry.expiresAtMs ? entry : undefined;
    const current = live === undefined ? 0 : JSON.parse(live.json);
    if (!Number.isSafeInteger(current))
      throw new TypeError('cache increment on a key that holds no whole number');
    const count = current + 1;
    this.#remove(key);
    // The window is the first increment's: later ones keep its expiry, as EXPIRE … NX does on Redis.
    this.#entries.set(key, {
      json: JSON.stringify(count),
      expiresAtMs: live?.expiresAtMs ?? nowMs + ttlSeconds * 1000,
      tags: [],
    });
    this.#evictPastLimit();
    return count;
  }

  #evictPastLimit(): void {
    while (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next();
      if (oldest.done) break;
      this.#remove(oldest.value);
    }
  }

  #remove(key: string): void {
    const entry = this.#entries.get(key);
    if (entry === undefined) return;
    this.#entries.delete(key);
    for (const tag of entry.tags) {
      const keys = this.#tagged.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.#tagged.delete(tag);
    }
  }
}
