import type { Cache, CacheSetOptions, JsonValue } from '../core/ports/cache.port.ts';

/** A cache backend that can be closed (the Redis connection). */
export interface ClosableCache extends Cache {
  close(): Promise<void>;
}

/**
 * A cache whose backend module is loaded with `import()` when it is composed, not when the bundle starts: the
 * Lambda functions then parse ioredis (~170 KiB) only in deployments that use Redis. Loading starts at once, so
 * the connection opens as early as before; calls wait for it. A failed load rejects every call, which
 * `ResilientCache` turns into misses, like an unreachable Redis.
 */
export class DeferredCache implements ClosableCache {
  readonly kind: string;
  readonly #backend: Promise<ClosableCache>;

  constructor(kind: string, load: () => Promise<ClosableCache>) {
    this.kind = kind;
    this.#backend = load();
    // Each call reports the failure itself; this only keeps an unawaited rejection from ending the process.
    this.#backend.catch(() => {});
  }

  async get(key: string): Promise<JsonValue | undefined> {
    return (await this.#backend).get(key);
  }

  async set(key: string, value: JsonValue, options: CacheSetOptions): Promise<void> {
    await (await this.#backend).set(key, value, options);
  }

  async delete(key: string): Promise<void> {
    await (await this.#backend).delete(key);
  }

  async deleteTagged(tag: string): Promise<void> {
    await (await this.#backend).deleteTagged(tag);
  }

  async increment(key: string, ttlSeconds: number): Promise<number> {
    return (await this.#backend).increment(key, ttlSeconds);
  }

  /** Closes the backend once it has loaded; nothing to close when it never did. */
  async close(): Promise<void> {
    let backend: ClosableCache;
    try {
      backend = await this.#backend;
    } catch {
      return;
    }
    await backend.close();
  }
}
