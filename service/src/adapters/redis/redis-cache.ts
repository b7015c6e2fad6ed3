import { Redis, type RedisOptions } from 'ioredis';
import { checkCacheIncrement, checkCacheKey, checkCacheSet } from '../../core/cache/cache-arguments.ts';
import type { Cache, CacheSetOptions, JsonValue } from '../../core/ports/cache.port.ts';

export interface RedisCacheOptions {
  host: string;
  port: number;
  /** ElastiCache RBAC user; with only a password, Redis AUTH uses the `default` user. */
  username?: string;
  /** Redis AUTH password or ElastiCache auth token. */
  password?: string;
  db?: number;
  /**
   * TLS (ElastiCache in-transit encryption, `rediss://`): `true` verifies the server against the system's CAs;
   * an object adds a CA (a self-signed test server) or a server name.
   */
  tls?: boolean | { ca?: string; servername?: string };
  /** Every key and tag lives under `<namespace>:`, so deployments can share one Redis. Letters, digits, - and _. */
  namespace: string;
  /** How long a connection attempt may take (default 1,000 ms). */
  connectTimeoutMs?: number;
  /** How long one command may take before it fails; kept short so a sick Redis only costs a miss (default 250 ms). */
  commandTimeoutMs?: number;
}

/**
 * Deletes a tag's entries and the tag in one step (Lua runs atomically), so no reader sees half an erasure.
 * Entry keys are read from the tag's set rather than declared: fine on a primary with replicas (ElastiCache
 * with cluster mode disabled), not on Redis Cluster, where they could live on other shards.
 */
const DELETE_TAGGED = `
local members = redis.call('SMEMBERS', KEYS[1])
for i = 1, #members, 500 do
  redis.call('DEL', unpack(members, i, math.min(i + 499, #members)))
end
redis.call('DEL', KEYS[1])
return #members`;

const NAMESPACE = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The cache on Redis (ElastiCache on AWS). Entries are `<ns>:k:<key>` strings of JSON with a TTL; each tag is a
 * set `<ns>:t:<tag>` of entry keys, living at least as long as its longest entry.
 *
 * Unreachable Redis fails fast instead of waiting: nothing is queued while disconnected, a command in flight when
 * the connection drops is not retried, and every command times out after `commandTimeoutMs`. ioredis keeps
 * reconnecting in the background; `ResilientCache` turns the failures into misses and logs the outage once.
 */
export class RedisCache implements Cache {
  readonly kind = 'redis';
  readonly #client: Redis;
  readonly #prefix: string;

  constructor(options: RedisCacheOptions) {
    if (!NAMESPACE.test(options.namespace))
      throw new RangeError('Redis cache namespace must be 1 to 64 letters, digits, - or _');
    this.#prefix = options.namespace;
    const tls = options.tls === true ? {} : options.tls === false ? undefined : options.tls;
    const settings: RedisOptions = {
      host: options.host,
      port: options.port,
      ...(options.username === undefined ? {} : { username: options.username }),
      ...(options.password === undefined ? {} : { password: options.password }),
      db: options.db ?? 0,
      ...(tls === undefined ? {} : { tls }),
      connectionName: `${options.namespace}-cache`,
      connectTimeout: options.connectTimeoutMs ?? 1_000,
      commandTimeout: options.commandTimeoutMs ?? 250,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      // Reconnect for ever, at most every 2 s: Redis coming back is noticed on the next request after that.
      retryStrategy: (attempt: number) => Math.min(attempt * 100, 2_000),
    };
    this.#client = new Redis(settings);
    // Connection errors surface as failed commands; without a listener ioredis would print each retry.
    this.#client.on('error', () => {});
  }

  /** Resolves once connected (tests, start-up checks); rejects after `timeoutMs` without a connection. */
  ready(timeoutMs = 5_000): Promise<void> {
    if (this.#client.status === 'ready') return Promise.resolve();
    return new Promise((resolve, reject) => {
      const settle = (error?: Error) => {
        clearTimeout(timer);
        this.#client.off('ready', onReady);
        this.#client.off('end', onEnd);
        if (error) reject(error);
        else resolve();
      };
      const onReady = () => settle();
      const onEnd = () => settle(new Error('Redis connection was closed before it became ready'));
      const timer = setTimeout(
        () => settle(new Error(`Redis did not become ready within ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.#client.once('ready', onReady);
      this.#client.once('end', onEnd);
    });
  }

  async get(key: string): Promise<JsonValue | undefined> {
    checkCacheKey(key);
    const json = await this.#client.get(this.#entryKey(key));
    if (json === null) return undefined;
    try {
      return JSON.parse(json) as JsonValue;
    } catch {
      // Not written by this adapter (or cut short): a miss, which the next set overwrites.
      return undefined;
    }
  }

  async set(key: string, value: JsonValue, options: CacheSetOptions): Promise<void> {
    checkCacheSet(key, options);
    const entryKey = this.#entryKey(key);
    const ttl = options.ttlSeconds;
    const transaction = this.#client.multi().set(entryKey, JSON.stringify(value), 'EX', ttl);
    for (const tag of new Set(options.tags ?? [])) {
      const tagKey = this.#tagKey(tag);
      // A new set gets this TTL (NX); an existing one only ever lengthens (GT), so no entry outlives its tag.
      transaction.sadd(tagKey, entryKey).expire(tagKey, ttl, 'NX').expire(tagKey, ttl, 'GT');
    }
    const results = await transaction.exec();
    const failed = results?.find(([error]) => error !== null)?.[0];
    if (results === null || failed) throw failed ?? new Error('Redis transaction was aborted');
  }

  async delete(key: string): Promise<void> {
    checkCacheKey(key);
    await this.#client.del(this.#entryKey(key));
  }

  async deleteTagged(tag: string): Promise<void> {
    checkCacheKey(tag, 'tag');
    await this.#client.eval(DELETE_TAGGED, 1, this.#tagKey(tag));
  }

  /**
   * INCR and EXPIRE … NX in one MULTI: no other client's command runs between them, so racing increments each get
   * their own count, and only the increment that created the counter sets its expiry (the window is fixed).
   */
  async increment(key: string, ttlSeconds: number): Promise<number> {
    checkCacheIncrement(key, ttlSeconds);
    const entryKey = this.#entryKey(key);
    const results = await this.#client.multi().incr(entryKey).expire(entryKey, ttlSeconds, 'NX').exec();
    const failed = results?.find(([error]) => error !== null)?.[0];
    if (results === null || failed) throw failed ?? new Error('Redis transaction was aborted');
    const count = results[0]?.[1];
    if (typeof count !== 'number') throw new Error('Redis INCR answered something other than a number');
    return count;
  }

  /** Closes the connection: politely when connected, at once otherwise. */
  async close(): Promise<void> {
    if (this.#client.status === 'ready') {
      try {
        await this.#client.quit();
        return;
      } catch {
        // Fall through: the connection is going away anyway.
      }
    }
    this.#client.disconnect();
  }

  #entryKey(key: string): string {
    return `${this.#prefix}:k:${key}`;
  }

  #tagKey(tag: string): string {
    return `${this.#prefix}:t:${tag}`;
  }
}
