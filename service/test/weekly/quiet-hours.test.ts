import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqliteStores } from '../../src/adapters/sqlite/index.ts';
import type { Job, JobQueue } from '../../src/core/ports/job-queue.port.ts';
import { isoWeek, localTime } from '../../src/core/time/local-time.ts';
import { userTimeZone } from '../../src/core/time/time-zones.ts';
import { DEFAULT_DELIVERY_WINDOW, deliverWeeklyPlan } from '../../src/core/use-cases/weekly-delivery.ts';
import {
  BOUNDARY_PROBES,
  EXPECTED_SENDS,
  SIMULATION,
  WEEKLY_EVENTS,
  WEEKLY_USERS,
  type WeeklyUser,
} from '../fixtures/weekly-quiet-hours.ts';
import { SettableClock, weeklyHarness } from './weekly-support.ts';

const HOUR_MS = 3_600_000;
const WINDOW = { from: 8 * 60, until: 21 * 60 };

type Harness = ReturnType<typeof weeklyHarness>;

/** Onboards every user at the start instant and checks each ends up in the zone the table expects. */
async function setUp(harness: Harness): Promise<Map<WeeklyUser['key'], string>> {
  harness.clock.set(SIMULATION.from);
  const ids = new Map<WeeklyUser['key'], string>();
  for (const user of WEEKLY_USERS) {
    for (const text of user.setup) await harness.say(user.phone, text);
    const stored = await harness.stores.users.findByPhone(user.phone);
    if (!stored) throw new Error(`${user.key} was not created`);
    expect(userTimeZone(stored), user.key).toBe(user.zone);
    ids.set(user.key, stored.id);
  }
  return ids;
}

function userOf(key: WeeklyUser['key']): WeeklyUser {
  const user = WEEKLY_USERS.find((candidate) => candidate.key === key);
  if (!user) throw new Error(`no user ${key}`);
  return user;
}

/** A queue that only keeps what it is given, so a test decides when (and how often) each job runs. */
function holdingQueue(): JobQueue & { jobs: Job[] } {
  const jobs: Job[] = [];
  return {
    kind: 'holding',
    jobs,
    enqueue: async (job) => {
      jobs.push(job);
    },
    whenIdle: async () => {},
  };
}

function weeklyJob(job: Job | undefined): { userId: string; week: string } {
  if (job?.type !== 'weekly_plan') throw new Error('expected a weekly_plan job');
  return job;
}

describe('weekly plans across time zones, hour by hour over three weeks and both 2026 DST changes', () => {
  it('sends each user exactly the plans of the table: their day, 08:00–21:00 local, stopped by weekly off and STOP', async () => {
    const harness = weeklyHarness({ clock: new SettableClock(new Date(SIMULATION.from)) });
    const ids = await setUp(harness);
    const events = [...WEEKLY_EVENTS].sort((a, b) => a.at.localeCompare(b.at));
    const replies = new Map<string, string[]>();
    const start = Date.parse(SIMULATION.from);
    const end = Date.parse(SIMULATION.until);
    for (let hour = start; hour < end; hour += HOUR_MS) {
      harness.clock.set(new Date(hour));
      await harness.tick();
      for (const event of events.filter(
        (e) => Date.parse(e.at) >= hour && Date.parse(e.at) < hour + HOUR_MS,
      )) {
        harness.clock.set(event.at);
        replies.set(`${event.user}:${event.send}`, await harness.say(userOf(event.user).phone, event.send));
      }
    }

    // The commands were understood (their wording is the transcripts' business).
    expect(replies.get('los_angeles:weekly off')?.join(' ')).toContain('off');
    expect(replies.get('madrid:STOP')?.join(' ')).toBeTruthy();

    for (const user of WEEKLY_USERS) {
      const userId = ids.get(user.key) ?? '';
      const sent = harness.messenger.sent.filter((message) => message.userId === userId);
      // Every send and nothing else, at the instants worked out by hand.
      expect(
        sent.map((message) => message.at),
        user.key,
      ).toStrictEqual(EXPECTED_SENDS[user.key].map((row) => new Date(row.at).toISOString()));
      const subscription = await harness.stores.weeklyDelivery.get(userId);
      for (const message of sent) {
        const local = localTime(new Date(message.at), user.zone);
        expect(local.minutes, `${user.key} at ${message.at}`).toBeGreaterThanOrEqual(WINDOW.from);
        expect(local.minutes, `${user.key} at ${message.at}`).toBeLessThan(WINDOW.until);
        expect(
          ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'][local.weekday],
        ).toBe(subscription?.weekday);
        expect(message.body).toContain('https://coach.example.test/p/');
        expect(message.body).toContain(user.key === 'madrid' ? 'Tu semana' : 'Your week is ready');
      }
      // Exactly one plan per local week.
      const weeks = sent.map((message) => isoWeek(localTime(new Date(message.at), user.zone).date));
      expect(new Set(weeks).size, user.key).toBe(sent.length);
    }
  }, 600_000);

  it.each(BOUNDARY_PROBES)('$user at $at ($local): due $due', async (probe) => {
    const queue = holdingQueue();
    const harness = weeklyHarness({ clock: new SettableClock(new Date(SIMULATION.from)), jobs: queue });
    const ids = await setUp(harness);
    for (const event of WEEKLY_EVENTS.filter((e) => e.user !== 'late_new_york' && e.send !== 'STOP')) {
      if (event.send === 'weekly off') continue;
      await harness.say(userOf(event.user).phone, event.send);
    }
    harness.clock.set(probe.at);
    const queued = await harness.tick();
    const userId = ids.get(probe.user);
    expect(queued.some((entry) => entry.userId === userId)).toBe(probe.due);
    expect(queue.jobs.filter((job) => job.type === 'weekly_plan' && job.userId === userId)).toHaveLength(
      probe.due ? 1 : 0,
    );
  });
});

describe('a week is sent once', () => {
  const deps = (harness: Harness) => ({
    ...harness.inboundDeps,
    messenger: harness.messenger,
    deliveryWindow: DEFAULT_DELIVERY_WINDOW,
  });

  it('two ticks queue two jobs for the same week: run together, they send one plan', async () => {
    const clock = new SettableClock(new Date('2026-10-24T12:00:00Z'));
    const queue = holdingQueue();
    const harness = weeklyHarness({ clock, jobs: queue });
    const phone = '+15550080201';
    for (const text of userOf('new_york').setup) await harness.say(phone, text);
    await harness.say(phone, 'weekly on');
    // Sunday 25 October 10:00 EDT.
    clock.set('2026-10-25T14:00:00Z');
    await harness.tick();
    await harness.tick();
    expect(queue.jobs).toHaveLength(2);
    expect(queue.jobs[0]).toStrictEqual(queue.jobs[1]);
    await Promise.all(queue.jobs.map((job) => deliverWeeklyPlan(deps(harness), weeklyJob(job))));
    expect(harness.messenger.sent).toHaveLength(1);
    // And a third tick finds the week sent.
    expect(await harness.tick()).toStrictEqual([]);
  }, 120_000);

  it('a restart on the same SQLite file sends nothing more that week, and again the next', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nutritionist-weekly-'));
    const file = path.join(dir, 'stores.db');
    try {
      const clock = new SettableClock(new Date('2026-10-24T12:00:00Z'));
      const first = weeklyHarness({ clock, stores: openSqliteStores({ file }) });
      const phone = '+15550080202';
      for (const text of userOf('new_york').setup) await first.say(phone, text);
      await first.say(phone, 'weekly on');
      clock.set('2026-10-25T14:00:00Z');
      expect(await first.tick()).toHaveLength(1);
      expect(first.messenger.sent).toHaveLength(1);
      await first.stores.close();

      clock.set('2026-10-25T15:00:00Z');
      const second = weeklyHarness({ clock, stores: openSqliteStores({ file }), run: 1 });
      expect(await second.tick()).toStrictEqual([]);
      expect(second.messenger.sent).toHaveLength(0);
      clock.set('2026-11-01T15:00:00Z');
      expect(await second.tick()).toHaveLength(1);
      expect(second.messenger.sent).toHaveLength(1);
      await second.stores.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('a job that waited past 21:00 local, or runs after weekly off, sends nothing', async () => {
    const clock = new SettableClock(new Date('2026-10-24T12:00:00Z'));
    const queue = holdingQueue();
    const harness = weeklyHarness({ clock, jobs: queue });
    const phone = '+15550080203';
    for (const text of userOf('new_york').setup) await harness.say(phone, text);
    await harness.say(phone, 'weekly on');
    clock.set('2026-10-25T20:00:00Z');
    expect(await harness.tick()).toHaveLength(1);
    const job = weeklyJob(queue.jobs[0]);
    // 21:00 EDT: too late now.
    clock.set('2026-10-26T01:00:00Z');
    await deliverWeeklyPlan(deps(harness), job);
    expect(harness.messenger.sent).toHaveLength(0);
    // Back inside the window, but after "weekly off".
    clock.set('2026-10-25T20:30:00Z');
    await harness.say(phone, 'weekly off');
    await deliverWeeklyPlan(deps(harness), job);
    expect(harness.messenger.sent).toHaveLength(0);
  }, 120_000);

  it('skips users who never consented or whose household is not described yet, without a message', async () => {
    const clock = new SettableClock(new Date('2026-10-24T12:00:00Z'));
    const harness = weeklyHarness({ clock });
    const family = '+15550080204';
    for (const text of [
      'hi',
      'YES',
      'lose weight',
      'no allergies, I eat everything',
      'family of 4, $180 a week',
      'skip',
    ])
      await harness.say(family, text);
    await harness.say(family, 'weekly on');
    const user = await harness.stores.users.findByPhone(family);
    if (!user) throw new Error('no user');
    // Never consented: a subscription row with no consent behind it (e.g. written before consent was withdrawn).
    await harness.stores.weeklyDelivery.subscribe('someone-without-consent', 'sunday', clock.now());
    clock.set('2026-10-25T14:00:00Z');
    expect(await harness.tick()).toStrictEqual([]);
    expect(harness.messenger.sent).toHaveLength(0);
    expect((await harness.stores.weeklyDelivery.get(user.id))?.active).toBe(true);
  }, 120_000);
});
