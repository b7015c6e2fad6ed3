import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect } from 'vitest';
import { createMemoryStores } from '../../src/adapters/memory/index.ts';
import { openSqliteStores } from '../../src/adapters/sqlite/index.ts';
import type { ConsentRecord } from '../../src/core/domain/consent.ts';
import type { MessageLogEntry } from '../../src/core/domain/message.ts';
import type { User } from '../../src/core/domain/user.ts';
import { StoreError, type StoreErrorCode } from '../../src/core/ports/store-error.ts';
import type { Stores } from '../../src/core/ports/stores.ts';

/** What each adapter's test file hands a contract suite: a fresh, empty family of stores and its teardown. */
export type MakeStores = () => Promise<{ stores: Stores; cleanup(): Promise<void> }>;

export const memoryStores: MakeStores = async () => ({
  stores: createMemoryStores(),
  cleanup: async () => {},
});

/** A fresh database file per test, in its own temp directory, removed with its WAL files afterwards. */
export const sqliteStores: MakeStores = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'nutritionist-stores-'));
  const stores = openSqliteStores({ file: join(dir, 'stores.db') });
  return {
    stores,
    cleanup: async () => {
      await stores.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
};

/** Registers hooks that give each test its own empty stores; call inside a `describe`. */
export function useFreshStores(makeStores: MakeStores): () => Stores {
  let current: Awaited<ReturnType<MakeStores>> | undefined;
  beforeEach(async () => {
    current = await makeStores();
  });
  afterEach(async () => {
    await current?.cleanup();
    current = undefined;
  });
  return () => {
    if (current === undefined) throw new Error('stores are only available inside a test');
    return current.stores;
  };
}

export async function expectStoreError(promise: Promise<unknown>, code: StoreErrorCode): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  expect(error, `expected a StoreError with code ${code}`).toBeInstanceOf(StoreError);
  expect((error as StoreError).code).toBe(code);
}

/** An instant `ms` milliseconds after a fixed origin, so tests never depend on the wall clock. */
export function at(ms: number): Date {
  return new Date(Date.UTC(2025, 0, 6, 12, 0, 0) + ms);
}

export function aUser(overrides: Partial<User> = {}): User {
  return {
    id: 'user-1',
    phone: '+15555550101',
    lastChannel: 'sms',
    locale: 'en',
    profile: {
      goal: 'eat_healthier',
      allergies: ['peanut', 'sesame'],
      diet: 'vegetarian',
      household: { adults: 2, children: 1 },
      budget: { amount: 120.5, currency: 'USD', period: 'week' },
      body: { age: 34, sex: 'female', heightCm: 168, weightKg: 61.5, activity: 'moderate' },
    },
    createdAt: '2025-01-06T12:00:00.000Z',
    updatedAt: '2025-01-06T12:00:00.000Z',
    ...overrides,
  };
}

export function aWebUser(overrides: Partial<User> = {}): User {
  const { phone: _phone, ...rest } = aUser({ id: 'web-user-1', lastChannel: 'web', profile: {} });
  return { ...rest, webSessionId: 'session-abc', ...overrides };
}

export function aMessage(overrides: Partial<MessageLogEntry> = {}): MessageLogEntry {
  return {
    id: 'msg-1',
    userId: 'user-1',
    direction: 'in',
    channel: 'sms',
    body: 'What should I cook tonight? 🍲',
    at: at(0).toISOString(),
    expiresAt: at(86_400_000).toISOString(),
    ...overrides,
  };
}

export function aConsent(overrides: Partial<ConsentRecord> = {}): ConsentRecord {
  return {
    subject: '+15555550101',
    purpose: 'messaging',
    granted: true,
    method: 'sms:keyword:START',
    textVersion: 'v1',
    at: at(0).toISOString(),
    ...overrides,
  };
}
