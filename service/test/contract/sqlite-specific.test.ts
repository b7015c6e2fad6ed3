import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStores } from '../../src/adapters/sqlite/index.ts';
import { MIGRATIONS } from '../../src/adapters/sqlite/migrations/index.ts';
import type { Stores } from '../../src/core/ports/stores.ts';
import { aConsent, aMessage, at, aUser, expectStoreError } from './contract-support.ts';
import { aStoredPlan } from './plan-store.contract.ts';

describe('SQLite stores', () => {
  let dir: string;
  let file: string;
  const opened: Stores[] = [];
  const open = (clockMs = 0) => {
    const stores = openSqliteStores({ file, clock: { now: () => at(clockMs) } });
    opened.push(stores);
    return stores;
  };
  /** Direct access to the file, as an operator or a buggy migration would have. */
  const withRawDb = <T>(use: (db: Database.Database) => T): T => {
    const db = new Database(file);
    try {
      return use(db);
    } finally {
      db.close();
    }
  };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nutritionist-sqlite-'));
    file = join(dir, 'nested', 'deeper', 'stores.db');
  });
  afterEach(async () => {
    for (const stores of opened.splice(0)) await stores.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('runs on SQLite 3.53.2 or later (CVE-2026-11824 and CVE-2026-11822 in FTS5; docs/SECURITY.md)', () => {
    const db = new Database(':memory:');
    const { version } = db.prepare('SELECT sqlite_version() AS version').get() as { version: string };
    db.close();
    const [major = 0, minor = 0, patch = 0] = version.split('.').map(Number);
    expect(major * 1_000_000 + minor * 1_000 + patch, version).toBeGreaterThanOrEqual(3_053_002);
  });

  it('reports its kind and creates the missing parent directories of the file', async () => {
    const stores = open();
    expect(stores.kind).toBe('sqlite');
    await stores.users.create(aUser());
    expect((await stores.users.findById('user-1'))?.id).toBe('user-1');
  });

  it('keeps every store’s data across close and reopen', async () => {
    const first = open();
    await first.users.create(aUser());
    await first.dialogue.save('user-1', { step: 'plan' }, 0);
    await first.messages.append(aMessage());
    await first.consent.append(aConsent());
    await first.webhookReceipts.claim('twilio:SM1', at(0), 3_600);
    await first.webhookReceipts.complete('twilio:SM1', {
      status: 200,
      contentType: 'text/xml',
      body: '<R/>',
    });
    await first.close();

    const second = open();
    expect(await second.users.findByPhone('+15555550101')).toStrictEqual(aUser());
    expect(await second.dialogue.load('user-1')).toStrictEqual({ state: { step: 'plan' }, version: 1 });
    expect(await second.messages.listForUser('user-1', at(1))).toStrictEqual([aMessage()]);
    expect(await second.consent.history('+15555550101')).toStrictEqual([aConsent()]);
    expect(await second.webhookReceipts.claim('twilio:SM1', at(1), 3_600)).toEqual({
      status: 'done',
      response: { status: 200, contentType: 'text/xml', body: '<R/>' },
    });
  });

  it('applies each migration once and records it; reopening applies nothing new', async () => {
    await open(0).close();
    await open(5_000).close();
    await open(9_000).close();

    const rows = withRawDb((db) =>
      db.prepare('SELECT version, name, applied_at FROM schema_migrations').all(),
    );
    expect(rows).toEqual(
      MIGRATIONS.map((migration) => ({
        version: migration.version,
        name: migration.name,
        applied_at: at(0).toISOString(),
      })),
    );
  });

  it('refuses to open a database whose schema is newer than this code', () => {
    open();
    withRawDb((db) =>
      db
        .prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 'x')")
        .run(),
    );
    expect(() => open()).toThrow(/newer/);
  });

  it('runs in WAL mode', async () => {
    open();
    expect(withRawDb((db) => db.pragma('journal_mode', { simple: true }))).toBe('wal');
  });

  it('shares claims between two connections to the same file', async () => {
    const processA = open();
    const processB = open();
    expect(await processA.webhookReceipts.claim('twilio:SM1', at(0), 60)).toEqual({ status: 'claimed' });
    expect(await processB.webhookReceipts.claim('twilio:SM1', at(1), 60)).toEqual({ status: 'in_progress' });
    expect(await processB.dialogue.save('user-1', { by: 'B' }, 0)).toEqual({ ok: true, version: 1 });
    expect(await processA.dialogue.save('user-1', { by: 'A' }, 0)).toEqual({
      ok: false,
      reason: 'version_conflict',
    });
  });

  describe('rows that fail validation give StoreError corrupt_row', () => {
    it.each([
      ['a profile that is not JSON', "UPDATE users SET profile = '{not json'"],
      ['a profile that breaks its schema', `UPDATE users SET profile = '{"diet":"carnivore"}'`],
      ['an unknown locale', "UPDATE users SET locale = 'fr'"],
      ['a malformed phone', "UPDATE users SET phone = '555-0101'"],
    ])('user with %s', async (_what, sql) => {
      const stores = open();
      await stores.users.create(aUser());
      withRawDb((db) => db.exec(sql));
      await expectStoreError(stores.users.findById('user-1'), 'corrupt_row');
    });

    it('dialogue state that is not JSON', async () => {
      const stores = open();
      await stores.dialogue.save('user-1', { step: 'a' }, 0);
      withRawDb((db) => db.exec("UPDATE dialogue_states SET state = '{oops'"));
      await expectStoreError(stores.dialogue.load('user-1'), 'corrupt_row');
    });

    it('a message with an unknown direction', async () => {
      const stores = open();
      await stores.messages.append(aMessage());
      withRawDb((db) => db.exec("UPDATE message_log SET direction = 'sideways'"));
      await expectStoreError(stores.messages.listForUser('user-1', at(1)), 'corrupt_row');
    });

    it('a consent record with a granted flag that is not 0 or 1', async () => {
      const stores = open();
      await stores.consent.append(aConsent());
      withRawDb((db) => db.exec('UPDATE consent_records SET granted = 7'));
      await expectStoreError(stores.consent.latest('+15555550101', 'messaging'), 'corrupt_row');
      await expectStoreError(stores.consent.history('+15555550101'), 'corrupt_row');
    });

    it('a stored plan whose status breaks the plan schema', async () => {
      const stores = open();
      const plan = aStoredPlan();
      await stores.plans.save(plan);
      withRawDb((db) => db.exec(`UPDATE plans SET plan = json_set(plan, '$.status', 'great')`));
      await expectStoreError(stores.plans.byToken(plan.token, new Date(plan.createdAt)), 'corrupt_row');
    });

    it('a food-log entry with negative grams', async () => {
      const stores = open();
      const entry = {
        id: 'log-1',
        userId: 'user-1',
        date: '2026-11-26',
        at: '2026-11-26T12:00:00.000Z',
        foodId: 'banana-raw',
        name: 'Banana',
        grams: 118,
        nutrients: { kcal: 105, proteinG: 1.3, fatG: 0.4, carbsG: 27, fiberG: 3.1, sodiumMg: 1 },
        expiresAt: '2027-11-26T12:00:00.000Z',
      };
      await stores.foodLog.append([entry]);
      withRawDb((db) => db.exec('UPDATE food_log SET grams = -5'));
      await expectStoreError(
        stores.foodLog.forDay('user-1', '2026-11-26', new Date(entry.at)),
        'corrupt_row',
      );
    });

    it('a webhook receipt with a partial response', async () => {
      const stores = open();
      await stores.webhookReceipts.claim('twilio:SM1', at(0), 60);
      withRawDb((db) => db.exec('UPDATE webhook_receipts SET response_status = 200'));
      await expectStoreError(stores.webhookReceipts.claim('twilio:SM1', at(1), 60), 'corrupt_row');
    });
  });
});
