import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisCache } from '../../src/adapters/redis/redis-cache.ts';
import { composeCache } from '../../src/composition/cache.ts';
import { loadConfig } from '../../src/config/config.ts';
import { ResilientCache } from '../../src/core/cache/resilient-cache.ts';
import type { Logger } from '../../src/core/ports/logger.port.ts';
import { type RedisServer, redisServerAvailable, startRedisServer } from '../support/redis-server.ts';
import { ManualClock } from '../support/test-app.ts';

const hasRedis = redisServerAvailable();
const hasOpenssl = spawnSync('openssl', ['version'], { stdio: 'ignore' }).status === 0;
// CI must prove the adapter: there a missing redis-server (or openssl for TLS) fails instead of skipping.
const mustRun = hasRedis || process.env.CI === 'true';
const title = mustRun
  ? 'Redis cache on a real redis-server: keys, AUTH, TLS, outages'
  : 'Redis cache: SKIPPED, no redis-server installed';

function countingLogger() {
  const events: string[] = [];
  const push = (event: string) => {
    events.push(event);
  };
  const logger: Logger = { debug: push, info: push, warn: push, error: push };
  return { logger, count: (event: string) => events.filter((name) => name === event).length };
}

/** A throwaway self-signed certificate for 127.0.0.1, made with openssl for this test run only. */
function selfSignedCertificate(dir: string) {
  const certFile = join(dir, 'cert.pem');
  const keyFile = join(dir, 'key.pem');
  const made = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  if (made.status !== 0) throw new Error(`openssl failed: ${made.stderr.toString()}`);
  return { certFile, keyFile, caFile: certFile, ca: readFileSync(certFile, 'utf8') };
}

describe.skipIf(!mustRun)(title, () => {
  const servers: RedisServer[] = [];
  const closers: (() => Promise<void>)[] = [];
  let plain: RedisServer;
  beforeAll(async () => {
    if (!hasRedis) throw new Error('redis-server is not installed (.ci/run installs it)');
    plain = await startRedisServer();
    servers.push(plain);
  });
  afterAll(async () => {
    for (const close of closers) await close();
    await Promise.all(servers.map((server) => server.stop()));
  });
  const open = async (
    options: Omit<ConstructorParameters<typeof RedisCache>[0], 'namespace'> & { namespace?: string },
  ) => {
    const cache = new RedisCache({ namespace: 'redis-test', ...options });
    closers.push(() => cache.close());
    return cache;
  };

  it('keeps entries and tags under the namespace, each tag living as long as its longest entry', async () => {
    const cache = await open({ host: plain.host, port: plain.port, namespace: 'layout' });
    await cache.ready();
    await cache.set('plan-page:p1:v1', '<html>', { ttlSeconds: 600, tags: ['user:u1', 'plan:p1'] });
    await cache.set('plan-page:p2:v1', '<html>', { ttlSeconds: 60, tags: ['user:u1'] });
    const raw = new Redis({ host: plain.host, port: plain.port });
    closers.push(async () => raw.disconnect());
    expect((await raw.keys('*')).filter((key) => !key.startsWith('layout:'))).toEqual([]);
    expect((await raw.keys('layout:*')).sort()).toEqual([
      'layout:k:plan-page:p1:v1',
      'layout:k:plan-page:p2:v1',
      'layout:t:plan:p1',
      'layout:t:user:u1',
    ]);
    const ttl = async (key: string) => raw.ttl(key);
    expect(await ttl('layout:k:plan-page:p1:v1')).toBeGreaterThan(590);
    expect(await ttl('layout:k:plan-page:p2:v1')).toBeLessThanOrEqual(60);
    // The shorter entry, set last, did not shorten the user's tag below the longer entry's life.
    expect(await ttl('layout:t:user:u1')).toBeGreaterThan(590);
    expect(await raw.get('layout:k:plan-page:p1:v1')).toBe('"<html>"');
    await cache.deleteTagged('user:u1');
    expect(await raw.keys('layout:*')).toEqual(['layout:t:plan:p1']);
  });

  it('counts racing increments from separate connections (processes) once each, with one window', async () => {
    const caches = await Promise.all(
      Array.from({ length: 4 }, () => open({ host: plain.host, port: plain.port, namespace: 'race' })),
    );
    await Promise.all(caches.map((cache) => cache.ready()));
    const counts = await Promise.all(
      Array.from({ length: 400 }, (_, n) => caches[n % caches.length]?.increment('limit:x', 600) ?? 0),
    );
    expect([...counts].sort((a, b) => a - b)).toStrictEqual(Array.from({ length: 400 }, (_, n) => n + 1));
    const raw = new Redis({ host: plain.host, port: plain.port });
    closers.push(async () => raw.disconnect());
    expect(await raw.get('race:k:limit:x')).toBe('400');
    const ttl = await raw.ttl('race:k:limit:x');
    expect(ttl).toBeGreaterThan(590);
    expect(ttl).toBeLessThanOrEqual(600);
  });

  it('reads a value it did not write (not JSON) as a miss', async () => {
    const cache = await open({ host: plain.host, port: plain.port, namespace: 'foreign' });
    await cache.ready();
    const raw = new Redis({ host: plain.host, port: plain.port });
    closers.push(async () => raw.disconnect());
    await raw.set('foreign:k:odd', '{not json');
    expect(await cache.get('odd')).toBeUndefined();
  });

  it('refuses a namespace that could run into another', async () => {
    for (const namespace of ['', 'a:b', 'x'.repeat(65), 'with space'])
      expect(() => new RedisCache({ host: plain.host, port: plain.port, namespace })).toThrow(RangeError);
  });

  it('authenticates with a password (AUTH), and a wrong one only costs misses, logged once', async () => {
    const server = await startRedisServer({ password: 'elasti-cache-auth-token-0123456789' });
    servers.push(server);
    const right = await open({
      host: server.host,
      port: server.port,
      password: 'elasti-cache-auth-token-0123456789',
    });
    await right.ready();
    await right.set('k', 'v', { ttlSeconds: 60 });
    expect(await right.get('k')).toBe('v');

    const wrong = await open({ host: server.host, port: server.port, password: 'not-the-token' });
    await expect(wrong.get('k')).rejects.toThrow();
    const log = countingLogger();
    const resilient = new ResilientCache(wrong, log.logger);
    for (let n = 0; n < 10; n++) {
      expect(await resilient.get('k')).toBeUndefined();
      await resilient.set('k', 'other', { ttlSeconds: 60 });
    }
    expect(log.count('cache_unavailable')).toBe(1);
    expect(await right.get('k')).toBe('v');
  });

  it.skipIf(!hasOpenssl && process.env.CI !== 'true')(
    'talks TLS to a TLS-only server (ElastiCache in-transit encryption)',
    async () => {
      if (!hasOpenssl)
        throw new Error('openssl is not installed, so no test certificate can be made (.ci/run installs it)');
      const dir = mkdtempSync(join(tmpdir(), 'redis-tls-'));
      closers.push(async () => rmSync(dir, { recursive: true, force: true }));
      const tls = selfSignedCertificate(dir);
      const server = await startRedisServer({ tls, password: 'tls-and-auth-token-0123456789' });
      servers.push(server);
      const cache = await open({
        host: server.host,
        port: server.port,
        password: 'tls-and-auth-token-0123456789',
        tls: { ca: tls.ca },
      });
      await cache.ready();
      await cache.set('secure', { ok: true }, { ttlSeconds: 60, tags: ['user:t'] });
      expect(await cache.get('secure')).toEqual({ ok: true });
      // Without TLS the server does not answer: misses, never an error to the caller.
      const log = countingLogger();
      const plaintext = new ResilientCache(
        await open({ host: server.host, port: server.port, password: 'tls-and-auth-token-0123456789' }),
        log.logger,
      );
      expect(await plaintext.get('secure')).toBeUndefined();
      // TLS against the system's CAs refuses a certificate they did not sign.
      const unverified = new ResilientCache(
        await open({ host: server.host, port: server.port, tls: true }),
        log.logger,
      );
      expect(await unverified.get('secure')).toBeUndefined();
    },
  );

  it('answers at once with misses when Redis was never reachable, logging the outage once', async () => {
    const dead = await startRedisServer();
    const { host, port } = dead;
    await dead.stop();
    const log = countingLogger();
    const cache = new ResilientCache(await open({ host, port }), log.logger);
    const started = performance.now();
    for (let n = 0; n < 50; n++) {
      expect(await cache.get(`k${n}`)).toBeUndefined();
      await cache.set(`k${n}`, n, { ttlSeconds: 60, tags: ['user:a'] });
      await cache.deleteTagged('user:a');
    }
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(log.count('cache_unavailable')).toBe(1);
    expect(log.count('cache_recovered')).toBe(0);
  });

  it('is built from configuration: CACHE=redis with REDIS_URL and a password, behind the resilient wrapper', async () => {
    const server = await startRedisServer({ password: 'p@ss/word with spaces' });
    servers.push(server);
    const config = loadConfig({
      CACHE: 'redis',
      REDIS_URL: `redis://:${encodeURIComponent('p@ss/word with spaces')}@${server.host}:${server.port}/2`,
      CACHE_NAMESPACE: 'configured',
    });
    const { cache, close } = composeCache(config, {
      clock: new ManualClock(),
      logger: countingLogger().logger,
    });
    closers.push(close);
    expect(cache.kind).toBe('redis');
    expect(cache).toBeInstanceOf(ResilientCache);
    const raw = new Redis({ host: server.host, port: server.port, password: 'p@ss/word with spaces', db: 2 });
    closers.push(async () => raw.disconnect());
    const deadline = Date.now() + 5_000;
    while ((await raw.keys('configured:*')).length === 0 && Date.now() < deadline) {
      await cache.set('hello', 'world', { ttlSeconds: 60 });
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await raw.get('configured:k:hello')).toBe('"world"');
    expect(await cache.get('hello')).toBe('world');
  });
});
