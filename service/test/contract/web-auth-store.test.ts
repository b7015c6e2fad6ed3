import { describe, expect, it } from 'vitest';
import { MemoryWebAuthStore } from '../../src/adapters/memory/memory-web-auth-store.ts';
import { openSqliteStores } from '../../src/adapters/sqlite/index.ts';
import type { WebAuthStore } from '../../src/core/ports/web-auth-store.port.ts';

const NOW = new Date('2026-11-26T12:00:00Z');
const at = (ms: number) => new Date(NOW.getTime() + ms);
const link = (token: string, userId = 'u1', ttlMs = 15 * 60_000) => ({
  token,
  userId,
  createdAt: NOW.toISOString(),
  expiresAt: at(ttlMs).toISOString(),
});
const session = (token: string, userId = 'u1', ttlMs = 30 * 86_400_000) => ({
  ...link(token, userId, ttlMs),
});

const adapters: [string, () => WebAuthStore][] = [
  ['memory', () => new MemoryWebAuthStore()],
  [
    'sqlite',
    () => {
      const stores = openSqliteStores({ file: ':memory:', pseudonymKey: 'k'.repeat(32) });
      if (!stores.webAuth) throw new Error('sqlite has no webAuth store');
      return stores.webAuth;
    },
  ],
];

describe.each(adapters)('WebAuthStore contract: %s', (_name, make) => {
  it('a link is used once, then "used"; an unknown one is not found', async () => {
    const store = make();
    await store.saveSignInLink(link('tokenAAAAAAAAAAAAAAAAAAAA'));
    expect(await store.useSignInLink('tokenAAAAAAAAAAAAAAAAAAAA', NOW)).toEqual({
      status: 'signed_in',
      userId: 'u1',
    });
    expect(await store.useSignInLink('tokenAAAAAAAAAAAAAAAAAAAA', NOW)).toEqual({ status: 'used' });
    expect(await store.useSignInLink('tokenBBBBBBBBBBBBBBBBBBBB', NOW)).toEqual({ status: 'not_found' });
  });

  it('a link works at the instant it expires and not a millisecond later', async () => {
    const store = make();
    await store.saveSignInLink(link('tokenCCCCCCCCCCCCCCCCCCCC'));
    await store.saveSignInLink(link('tokenDDDDDDDDDDDDDDDDDDDD'));
    expect((await store.useSignInLink('tokenCCCCCCCCCCCCCCCCCCCC', at(15 * 60_000))).status).toBe(
      'signed_in',
    );
    expect((await store.useSignInLink('tokenDDDDDDDDDDDDDDDDDDDD', at(15 * 60_000 + 1))).status).toBe(
      'not_found',
    );
  });

  it('of racing uses exactly one signs in', async () => {
    const store = make();
    await store.saveSignInLink(link('tokenEEEEEEEEEEEEEEEEEEEE'));
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () => store.useSignInLink('tokenEEEEEEEEEEEEEEEEEEEE', NOW)),
    );
    expect(outcomes.filter((o) => o.status === 'signed_in')).toHaveLength(1);
  });

  it('a taken token is a conflict', async () => {
    const store = make();
    await store.saveSignInLink(link('tokenFFFFFFFFFFFFFFFFFFFF'));
    await expect(store.saveSignInLink(link('tokenFFFFFFFFFFFFFFFFFFFF', 'u2'))).rejects.toMatchObject({
      code: 'conflict',
    });
    await store.saveSession(session('sessionAAAAAAAAAAAAAAAAAA'));
    await expect(store.saveSession(session('sessionAAAAAAAAAAAAAAAAAA', 'u2'))).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  it('sessions: found until they expire, gone after logout, erasure and purge', async () => {
    const store = make();
    await store.saveSession(session('sessionBBBBBBBBBBBBBBBBBB', 'u1', 1000));
    await store.saveSession(session('sessionCCCCCCCCCCCCCCCCCC', 'u2'));
    await store.saveSession(session('sessionDDDDDDDDDDDDDDDDDD', 'u2'));
    await store.saveSignInLink(link('tokenGGGGGGGGGGGGGGGGGGGG', 'u2'));
    expect(await store.findSession('sessionBBBBBBBBBBBBBBBBBB', at(1000))).toMatchObject({ userId: 'u1' });
    expect(await store.findSession('sessionBBBBBBBBBBBBBBBBBB', at(1001))).toBeUndefined();
    await store.deleteSession('sessionCCCCCCCCCCCCCCCCCC');
    expect(await store.findSession('sessionCCCCCCCCCCCCCCCCCC', NOW)).toBeUndefined();
    expect(await store.findSession('sessionDDDDDDDDDDDDDDDDDD', NOW)).toMatchObject({ userId: 'u2' });
    await store.deleteForUser('u2');
    expect(await store.findSession('sessionDDDDDDDDDDDDDDDDDD', NOW)).toBeUndefined();
    expect((await store.useSignInLink('tokenGGGGGGGGGGGGGGGGGGGG', NOW)).status).toBe('not_found');
    expect(await store.purgeExpired(at(2000))).toBe(1);
  });
});
