import { describe, expect, it } from 'vitest';
import { createMemoryStores } from '../../src/adapters/memory/index.ts';
import { todayIndex } from '../../src/core/conversation/plan-day.ts';
import type { User } from '../../src/core/domain/user.ts';
import { logFood } from '../../src/core/use-cases/log-food.ts';
import { summariseLog } from '../../src/core/use-cases/summarise-log.ts';
import { ManualClock, sequentialIds } from '../support/test-app.ts';

/** 03:00 UTC on Friday 27 November is still Thursday 26 November evening in Chicago and in New York. */
const LATE_EVENING_IN_AMERICA = new Date('2026-11-27T03:00:00Z');

function user(phone: string, timeZone?: string): User {
  return {
    id: `user-${phone}`,
    phone,
    lastChannel: 'sms',
    locale: 'en',
    profile: timeZone ? { timeZone } : {},
    createdAt: '2026-11-01T00:00:00Z',
    updatedAt: '2026-11-01T00:00:00Z',
  };
}

describe('the food log is kept by the user’s local day', () => {
  it.each([
    ['a zone the user named', user('+34600123456', 'America/Chicago'), '2026-11-26'],
    ['the default of a +1 number', user('+15550020099'), '2026-11-26'],
    ['the default of a +34 number', user('+34600123457'), '2026-11-27'],
  ])('%s', async (_name, who, date) => {
    const stores = createMemoryStores();
    const deps = { stores, clock: new ManualClock(LATE_EVENING_IN_AMERICA), ids: sequentialIds() };
    await logFood(deps, who, 'had a banana', 'en');
    const logged = await stores.foodLog.forDay(who.id, date, LATE_EVENING_IN_AMERICA);
    expect(logged.map((entry) => entry.date)).toEqual([date]);
    // "summary" a minute later reads the same local day.
    deps.clock.advance(60_000);
    const [summary] = await summariseLog(deps, who, 'day', 'en');
    expect(summary).not.toMatch(/nothing logged/i);
  });
});

describe('"today" in a plan is the user’s local day', () => {
  it('counts plan days from the local date', () => {
    expect(todayIndex('2026-11-26', LATE_EVENING_IN_AMERICA, 'America/Chicago')).toBe(0);
    expect(todayIndex('2026-11-26', LATE_EVENING_IN_AMERICA, 'UTC')).toBe(1);
    expect(todayIndex('2026-11-27', new Date('2026-11-26T23:30:00Z'), 'Europe/Madrid')).toBe(0);
  });
});
