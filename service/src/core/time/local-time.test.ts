import { describe, expect, it } from 'vitest';
import { clockText, isoWeek, localTime } from './local-time.ts';

describe('localTime', () => {
  it.each([
    // New York on the day US daylight saving ends (2026-11-01, 02:00 EDT → 01:00 EST at 06:00Z).
    ['2026-11-01T05:59:00Z', 'America/New_York', '2026-11-01', 0, 1 * 60 + 59],
    ['2026-11-01T06:00:00Z', 'America/New_York', '2026-11-01', 0, 1 * 60],
    ['2026-11-01T13:00:00Z', 'America/New_York', '2026-11-01', 0, 8 * 60],
    // Madrid the day EU summer time ends (2026-10-25 at 01:00Z).
    ['2026-10-25T07:00:00Z', 'Europe/Madrid', '2026-10-25', 0, 8 * 60],
    // Tokyo is a day ahead of UTC late in the UTC evening; midnight is minute 0.
    ['2026-10-30T23:00:00Z', 'Asia/Tokyo', '2026-10-31', 6, 8 * 60],
    ['2026-10-30T15:00:00Z', 'Asia/Tokyo', '2026-10-31', 6, 0],
    ['2026-10-30T15:00:00Z', 'Mars/Olympus', '2026-10-30', 5, 15 * 60],
  ])('%s in %s is %s, weekday %i, minute %i', (instant, zone, date, weekday, minutes) => {
    expect(localTime(new Date(instant), zone)).toStrictEqual({ date, weekday, minutes });
  });
});

describe('isoWeek', () => {
  it.each([
    ['2026-10-25', '2026-W43'],
    ['2026-10-26', '2026-W44'],
    ['2026-11-01', '2026-W44'],
    ['2026-01-01', '2026-W01'],
    ['2027-01-01', '2026-W53'],
    ['2024-12-30', '2025-W01'],
  ])('%s is in %s', (date, week) => {
    expect(isoWeek(date)).toBe(week);
  });
});

describe('clockText', () => {
  it('writes minutes since midnight as HH:MM', () => {
    expect(clockText(480)).toBe('08:00');
    expect(clockText(1259)).toBe('20:59');
  });
});
