import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MemoryWebAuthStore } from '../../src/adapters/memory/memory-web-auth-store.ts';
import { openSqliteStores } from '../../src/adapters/sqlite/index.ts';
import type { Stores } from '../../src/core/ports/stores.ts';
import type { WebAuthStore } from '../../src/core/ports/web-auth-store.port.ts';
import { describeOnDynamoDbLocal } from '../support/dynamodb-suite.ts';
import { aUser } from './contract-support.ts';

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

type MakeStore = () => WebAuthStore | Promise<WebAuthStore>;

const adapters: [string, MakeStore][] = [
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

/** The port's promises, for every adapter. */
function webAuthContract(make: MakeStore) {
  it('a link is used once, then "used"; an unknown one is not found', async () => {
    const store = await make();
    await store.saveSignInLink(link('tokenAAAAAAAAAAAAAAAAAAAA'));
    expect(await store.useSignInLink('tokenAAAAAAAAAAAAAAAAAAAA', NOW)).toEqual({
      status: 'signed_in',
      userId: 'u1',
    });
    expect(await store.useSignInLink('tokenAAAAAAAAAAAAAAAAAAAA', NOW)).toEqual({ status: 'used' });
    expect(await store.useSignInLink('tokenBBBBBBBBBBBBBBBBBBBB', NOW)).toEqual({ status: 'not_found' });
  });

  it('a link works at the instant it expires and not a millisecond later', async () => {
    const store = await make();
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
    const store = await make();
    await store.saveSignInLink(link('tokenEEEEEEEEEEEEEEEEEEEE'));
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () => store.useSignInLink('tokenEEEEEEEEEEEEEEEEEEEE', NOW)),
    );
    expect(outcomes.filter((o) => o.status === 'signed_in')).toHaveLength(1);
  });

  it('a taken token is a conflict', async () => {
    const store = await make();
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
    const store = await make();
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

  it('a used link past its expiry is not found, no longer "used"', async () => {
    const store = await make();
    await store.saveSignInLink(link('tokenHHHHHHHHHHHHHHHHHHHH'));
    expect((await store.useSignInLink('tokenHHHHHHHHHHHHHHHHHHHH', NOW)).status).toBe('signed_in');
    expect((await store.useSignInLink('tokenHHHHHHHHHHHHHHHHHHHH', at(15 * 60_000))).status).toBe('used');
    expect((await store.useSignInLink('tokenHHHHHHHHHHHHHHHHHHHH', at(15 * 60_000 + 1))).status).toBe(
      'not_found',
    );
  });

  it('purge removes expired links (used or not) and sessions, counts each, and keeps the live ones', async () => {
    const store = await make();
    await store.saveSignInLink(link('tokenIIIIIIIIIIIIIIIIIIII', 'u1', 1000));
    await store.saveSignInLink(link('tokenJJJJJJJJJJJJJJJJJJJJ', 'u1', 1000));
    await store.saveSignInLink(link('tokenKKKKKKKKKKKKKKKKKKKK', 'u1', 5000));
    await store.saveSession(session('sessionEEEEEEEEEEEEEEEEEE', 'u1', 1000));
    await store.saveSession(session('sessionFFFFFFFFFFFFFFFFFF', 'u1', 5000));
    expect((await store.useSignInLink('tokenJJJJJJJJJJJJJJJJJJJJ', NOW)).status).toBe('signed_in');
    expect(await store.purgeExpired(at(1000))).toBe(0);
    expect(await store.purgeExpired(at(1001))).toBe(3);
    expect(await store.purgeExpired(at(1001))).toBe(0);
    expect((await store.useSignInLink('tokenKKKKKKKKKKKKKKKKKKKK', at(1001))).status).toBe('signed_in');
    expect(await store.findSession('sessionFFFFFFFFFFFFFFFFFF', at(1001))).toEqual(
      session('sessionFFFFFFFFFFFFFFFFFF', 'u1', 5000),
    );
  });

  it('logout and erasure of nothing are harmless and leave everyone else signed in', async () => {
    const store = await make();
    await store.saveSession(session('sessionGGGGGGGGGGGGGGGGGG', 'u1'));
    await store.saveSignInLink(link('tokenLLLLLLLLLLLLLLLLLLLL', 'u1'));
    await store.deleteSession('sessionHHHHHHHHHHHHHHHHHH');
    await store.deleteSession('sessionHHHHHHHHHHHHHHHHHH');
    await store.deleteForUser('nobody');
    expect(await store.findSession('sessionGGGGGGGGGGGGGGGGGG', NOW)).toMatchObject({ userId: 'u1' });
    expect((await store.useSignInLink('tokenLLLLLLLLLLLLLLLLLLLL', NOW)).status).toBe('signed_in');
  });

  it('a conflict names no token', async () => {
    const store = await make();
    const token = 'tokenMMMMMMMMMMMMMMMMMMMM';
    await store.saveSignInLink(link(token));
    await store.saveSession(session(token));
    const errors = await Promise.all([
      store.saveSignInLink(link(token, 'u2')).catch((error: unknown) => error),
      store.saveSession(session(token, 'u2')).catch((error: unknown) => error),
    ]);
    for (const error of errors) {
      expect(error).toMatchObject({ code: 'conflict' });
      const { stack, message, cause } = error as Error;
      expect(`${stack} ${message} ${String(cause)}`).not.toContain(token);
    }
  });
}

describe.each(adapters)('WebAuthStore contract: %s', (_name, make) => webAuthContract(make));

const sha256 = (token: string) => createHash('sha256').update(token).digest('base64url');

describeOnDynamoDbLocal('WebAuthStore contract: dynamodb', (local) => {
  /** A fresh table per test, without TTL: the clock here is pinned, TTL runs on the real one. */
  async function fresh() {
    const { stores, open, items } = await local.freshTable('web-auth', {
      pseudonymKey: 'web-auth-test-pseudonym-key-0123456789',
    });
    const webAuth = (s: Stores) => {
      if (!s.webAuth) throw new Error('dynamodb has no webAuth store');
      return s.webAuth;
    };
    return { stores, store: webAuth(stores), other: () => webAuth(open()), items };
  }

  webAuthContract(async () => (await fresh()).store);

  it('keeps only SHA-256 hashes: a link and a session are an item each plus a reference in the user partition, with TTL', async () => {
    const { store, items } = await fresh();
    const signIn = link('tokenNNNNNNNNNNNNNNNNNNNN', 'u1');
    const web = session('sessionIIIIIIIIIIIIIIIIII', 'u1');
    await store.saveSignInLink(signIn);
    await store.saveSession(web);
    const left = await items();
    expect(JSON.stringify(left)).not.toContain(signIn.token);
    expect(JSON.stringify(left)).not.toContain(web.token);
    const keysOf = left.map((item) => `${item.pk} ${item.sk}`).sort();
    expect(keysOf).toEqual(
      [
        `SIGNIN#${sha256(signIn.token)} SIGNIN`,
        `USER#u1 SIGNIN#${sha256(signIn.token)}`,
        `USER#u1 WEBAUTH#${sha256(web.token)}`,
        `WEBAUTH#${sha256(web.token)} WEBAUTH`,
      ].sort(),
    );
    for (const item of left) {
      const expiresAt =
        String(item.pk).startsWith('SIGNIN#') || String(item.sk).startsWith('SIGNIN#')
          ? signIn.expiresAt
          : web.expiresAt;
      expect(item.expiresAtMs).toBe(Date.parse(expiresAt));
      expect(item.ttl).toBe(Math.ceil(Date.parse(expiresAt) / 1000));
    }
  });

  it('of opens racing from two processes (two clients on one table) exactly one signs in', async () => {
    const { store, other } = await fresh();
    const second = other();
    await store.saveSignInLink(link('tokenOOOOOOOOOOOOOOOOOOOO'));
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        (i % 2 === 0 ? store : second).useSignInLink('tokenOOOOOOOOOOOOOOOOOOOO', NOW),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'signed_in')).toEqual([{ status: 'signed_in', userId: 'u1' }]);
    expect(outcomes.filter((o) => o.status === 'used')).toHaveLength(7);
  });

  it('an erase_user commit leaves no sign-in or session item of the user, and their tokens open nothing', async () => {
    const { stores, store, items } = await fresh();
    const user = aUser();
    await stores.users.create(user);
    await store.saveSignInLink(link('tokenPPPPPPPPPPPPPPPPPPPP', user.id));
    await store.saveSignInLink(link('tokenQQQQQQQQQQQQQQQQQQQQ', user.id));
    expect((await store.useSignInLink('tokenQQQQQQQQQQQQQQQQQQQQ', NOW)).status).toBe('signed_in');
    await store.saveSession(session('sessionJJJJJJJJJJJJJJJJJJ', user.id));
    await store.saveSession(session('sessionKKKKKKKKKKKKKKKKKK', 'someone-else'));

    const result = await stores.commit([
      {
        kind: 'erase_user',
        userId: user.id,
        ...(user.phone ? { phone: user.phone } : {}),
        subject: user.phone ?? user.id,
        erasure: { id: 'e-1', at: NOW.toISOString() },
      },
    ]);
    expect(result).toEqual({ ok: true });
    const left = await items();
    expect(JSON.stringify(left)).not.toContain(user.id);
    const webAuthKeys = left
      .map((item) => `${item.pk} ${item.sk}`)
      .filter((key) => /SIGNIN|WEBAUTH/.test(key))
      .sort();
    expect(webAuthKeys).toEqual(
      [
        `USER#someone-else WEBAUTH#${sha256('sessionKKKKKKKKKKKKKKKKKK')}`,
        `WEBAUTH#${sha256('sessionKKKKKKKKKKKKKKKKKK')} WEBAUTH`,
      ].sort(),
    );
    expect(await store.findSession('sessionJJJJJJJJJJJJJJJJJJ', NOW)).toBeUndefined();
    expect((await store.useSignInLink('tokenPPPPPPPPPPPPPPPPPPPP', NOW)).status).toBe('not_found');
    expect((await store.useSignInLink('tokenQQQQQQQQQQQQQQQQQQQQ', NOW)).status).toBe('not_found');
    expect(await store.findSession('sessionKKKKKKKKKKKKKKKKKK', NOW)).toMatchObject({
      userId: 'someone-else',
    });
  });

  it('deleteForUser removes the items and the references of that user only', async () => {
    const { store, items } = await fresh();
    await store.saveSignInLink(link('tokenRRRRRRRRRRRRRRRRRRRR', 'u1'));
    await store.saveSession(session('sessionLLLLLLLLLLLLLLLLLL', 'u1'));
    await store.saveSession(session('sessionMMMMMMMMMMMMMMMMMM', 'u2'));
    await store.deleteForUser('u1');
    expect((await items()).map((item) => `${item.pk} ${item.sk}`).sort()).toEqual(
      [
        `USER#u2 WEBAUTH#${sha256('sessionMMMMMMMMMMMMMMMMMM')}`,
        `WEBAUTH#${sha256('sessionMMMMMMMMMMMMMMMMMM')} WEBAUTH`,
      ].sort(),
    );
  });

  it('logout and purge remove the reference in the user partition too', async () => {
    const { store, items } = await fresh();
    await store.saveSession(session('sessionNNNNNNNNNNNNNNNNNN', 'u1'));
    await store.saveSession(session('sessionOOOOOOOOOOOOOOOOOO', 'u1', 1000));
    await store.saveSignInLink(link('tokenSSSSSSSSSSSSSSSSSSSS', 'u1', 1000));
    await store.deleteSession('sessionNNNNNNNNNNNNNNNNNN');
    expect(await store.purgeExpired(at(1001))).toBe(2);
    expect(await items()).toEqual([]);
  });
});
