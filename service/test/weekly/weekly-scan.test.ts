import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryStores } from '../../src/adapters/memory/index.ts';
import { openSqliteStores } from '../../src/adapters/sqlite/index.ts';
import type { Job, JobQueue } from '../../src/core/ports/job-queue.port.ts';
import { silentLogger } from '../../src/core/ports/logger.port.ts';
import type { Stores } from '../../src/core/ports/stores.ts';
import { DEFAULT_DELIVERY_WINDOW, runWeeklyDeliveries } from '../../src/core/use-cases/weekly-delivery.ts';
import { queueDueWeeklyPlansInPages } from '../../src/core/use-cases/weekly-delivery-pages.ts';
import {
  EXPECTED_FULL_SCAN,
  EXPECTED_STOPPED_SCAN,
  SCAN_AT,
  SCAN_PAGE_SIZE,
  SCAN_USERS,
  SCAN_WEEK,
} from '../fixtures/lambda/weekly-scan.ts';
import { SettableClock, weeklyHarness } from './weekly-support.ts';

const ONBOARD = {
  en: [
    'hi',
    'YES',
    'lose weight',
    'no allergies, I eat everything',
    'just me, $60 a week',
    '34 female 168cm 70kg moderate',
  ],
  es: [
    'hola',
    'sí',
    'bajar de peso',
    'sin alergias, como de todo',
    'solo yo, 50 dólares',
    '30 hombre 175 cm 80 kg activo',
  ],
};

/** A queue that only records: the scan's output is the jobs, not what they do. */
class RecordingQueue implements JobQueue {
  readonly kind = 'recording';
  readonly jobs: Job[] = [];
  async enqueue(job: Job): Promise<void> {
    this.jobs.push(job);
  }
  async whenIdle(): Promise<void> {}
}

/** The same stores without `listActivePage`: the scan must page by slicing the full list. */
function withoutOwnPages(stores: Stores): Stores {
  const weekly = stores.weeklyDelivery;
  return {
    ...stores,
    weeklyDelivery: {
      subscribe: (...args) => weekly.subscribe(...args),
      unsubscribe: (...args) => weekly.unsubscribe(...args),
      get: (...args) => weekly.get(...args),
      listActive: () => weekly.listActive(),
      markSent: (...args) => weekly.markSent(...args),
      deleteForUser: (...args) => weekly.deleteForUser(...args),
    },
  };
}

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const FAMILIES: readonly [string, () => Stores][] = [
  ['memory (its own pages)', () => createMemoryStores()],
  [
    'SQLite (keyset pages)',
    () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'weekly-scan-'));
      dirs.push(dir);
      return openSqliteStores({ file: path.join(dir, 'scan.sqlite'), pseudonymKey: 'p'.repeat(32) });
    },
  ],
  ['a store without listActivePage (sliced)', () => withoutOwnPages(createMemoryStores())],
];

/** Onboards every user of the table and has them say their lines, then sets the clock to the scan's instant. */
async function setUp(makeStores: () => Stores) {
  const clock = new SettableClock(new Date('2026-11-23T14:00:00Z'));
  const harness = weeklyHarness({ clock, stores: makeStores() });
  const idOf = new Map<string, string>();
  for (const user of SCAN_USERS) {
    for (const text of [...ONBOARD[user.onboarding], ...user.says]) await harness.say(user.phone, text);
    const stored = await harness.stores.users.findByPhone(user.phone);
    if (!stored) throw new Error(`${user.key} was not created`);
    idOf.set(user.key, stored.id);
  }
  clock.set(SCAN_AT);
  const queue = new RecordingQueue();
  const deps = {
    stores: harness.stores,
    clock,
    logger: silentLogger,
    jobs: queue,
    deliveryWindow: DEFAULT_DELIVERY_WINDOW,
  };
  const keyOf = (userId: string) => SCAN_USERS.find((user) => idOf.get(user.key) === userId)?.key;
  return { deps, queue, idOf, keyOf };
}

const expectedQueued = SCAN_USERS.filter((user) => user.expected === 'queued')
  .map((user) => user.key)
  .sort();

describe.each(FAMILIES)('the paged weekly scan over %s', (_family, makeStores) => {
  it('queues exactly the due users, in pages, as the all-at-once tick does', async () => {
    const { deps, queue, keyOf } = await setUp(makeStores);
    const result = await queueDueWeeklyPlansInPages(deps, { pageSize: SCAN_PAGE_SIZE });
    expect({
      activeSubscriptions: result.read,
      pages: result.pages,
      queued: result.queued.length,
      complete: result.complete,
    }).toStrictEqual(EXPECTED_FULL_SCAN);
    expect(result.queued.map((job) => keyOf(job.userId)).sort()).toStrictEqual(expectedQueued);
    expect(new Set(result.queued.map((job) => job.week))).toStrictEqual(new Set([SCAN_WEEK]));
    expect(queue.jobs).toStrictEqual(
      result.queued.map((job) => ({ type: 'weekly_plan', userId: job.userId, week: job.week })),
    );
    // The local scheduler's tick over the same stores at the same instant.
    const allAtOnce = await runWeeklyDeliveries({ ...deps, jobs: new RecordingQueue() });
    expect(allAtOnce.map((job) => job.userId).sort()).toStrictEqual(
      result.queued.map((job) => job.userId).sort(),
    );
  });

  it('every row of the table ends as expected', async () => {
    const { deps, idOf } = await setUp(makeStores);
    const listed = new Set((await deps.stores.weeklyDelivery.listActive()).map((row) => row.userId));
    const result = await queueDueWeeklyPlansInPages(deps, { pageSize: SCAN_PAGE_SIZE });
    const queued = new Set(result.queued.map((job) => job.userId));
    const outcomes = SCAN_USERS.map((user) => {
      const id = idOf.get(user.key) ?? '';
      const outcome = queued.has(id) ? 'queued' : listed.has(id) ? 'not_queued' : 'not_listed';
      const expected =
        user.expected === 'queued' ? 'queued' : user.expected === 'not_listed' ? 'not_listed' : 'not_queued';
      return { user: user.key, outcome, expected, why: user.why };
    });
    expect(outcomes.filter((row) => row.outcome !== row.expected)).toStrictEqual([]);
  });

  it('stops between pages when told to, and resumes from its cursor without queuing anyone twice', async () => {
    const { deps, keyOf } = await setUp(makeStores);
    let asked = 0;
    const first = await queueDueWeeklyPlansInPages(deps, {
      pageSize: SCAN_PAGE_SIZE,
      continueWhile: () => ++asked < EXPECTED_STOPPED_SCAN.pagesBeforeStop,
    });
    expect({ pages: first.pages, read: first.read, complete: first.complete }).toStrictEqual({
      pages: EXPECTED_STOPPED_SCAN.pagesBeforeStop,
      read: EXPECTED_STOPPED_SCAN.readBeforeStop,
      complete: EXPECTED_STOPPED_SCAN.complete,
    });
    const active = (await deps.stores.weeklyDelivery.listActive()).map((row) => row.userId);
    expect(first.next).toBe(active[EXPECTED_STOPPED_SCAN.readBeforeStop - 1]);
    const rest = await queueDueWeeklyPlansInPages(deps, {
      pageSize: SCAN_PAGE_SIZE,
      ...(first.next === undefined ? {} : { after: first.next }),
    });
    expect(rest.complete).toBe(true);
    const all = [...first.queued, ...rest.queued].map((job) => keyOf(job.userId));
    expect([...all].sort()).toStrictEqual(expectedQueued);
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('paging arguments', () => {
  it('refuses a page size that is not a positive integer', async () => {
    const deps = {
      stores: createMemoryStores(),
      clock: new SettableClock(new Date(SCAN_AT)),
      logger: silentLogger,
      jobs: new RecordingQueue(),
      deliveryWindow: DEFAULT_DELIVERY_WINDOW,
    };
    for (const pageSize of [0, -1, 1.5, Number.NaN]) {
      await expect(queueDueWeeklyPlansInPages(deps, { pageSize })).rejects.toThrow(RangeError);
    }
  });
});
