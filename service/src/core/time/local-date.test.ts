import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isKnownTimeZone, localDate } from './local-date.ts';

describe('localDate', () => {
  it('is the UTC date in UTC', () => {
    expect(localDate(new Date('2026-11-26T23:59:59Z'), 'UTC')).toBe('2026-11-26');
    expect(localDate(new Date('2026-11-27T00:00:00Z'), 'UTC')).toBe('2026-11-27');
  });

  it('is still yesterday west of Greenwich just after UTC midnight', () => {
    // 00:30 UTC on the 27th is 18:30 on the 26th in Chicago (CST, UTC-6).
    expect(localDate(new Date('2026-11-27T00:30:00Z'), 'America/Chicago')).toBe('2026-11-26');
    expect(localDate(new Date('2026-11-27T05:59:59Z'), 'America/Chicago')).toBe('2026-11-26');
    expect(localDate(new Date('2026-11-27T06:00:00Z'), 'America/Chicago')).toBe('2026-11-27');
  });

  it('is already tomorrow east of Greenwich before UTC midnight', () => {
    // 23:30 UTC on the 26th is 00:30 on the 27th in Madrid (CET, UTC+1) and 11:30 in Kiritimati (UTC+14).
    expect(localDate(new Date('2026-11-26T23:30:00Z'), 'Europe/Madrid')).toBe('2026-11-27');
    expect(localDate(new Date('2026-11-26T10:00:00Z'), 'Pacific/Kiritimati')).toBe('2026-11-27');
  });

  it('follows daylight saving: New York is UTC-5 in winter and UTC-4 in summer', () => {
    // US DST 2026 starts Sunday 8 March at 02:00 local (07:00 UTC).
    expect(localDate(new Date('2026-03-08T04:59:00Z'), 'America/New_York')).toBe('2026-03-07');
    expect(localDate(new Date('2026-03-08T05:00:00Z'), 'America/New_York')).toBe('2026-03-08');
    expect(localDate(new Date('2026-07-01T03:59:00Z'), 'America/New_York')).toBe('2026-06-30');
    expect(localDate(new Date('2026-07-01T04:00:00Z'), 'America/New_York')).toBe('2026-07-01');
    // EU DST 2026 ends Sunday 25 October at 03:00 CEST (01:00 UTC): Madrid is UTC+2 before and UTC+1 after.
    expect(localDate(new Date('2026-10-24T21:59:00Z'), 'Europe/Madrid')).toBe('2026-10-24');
    expect(localDate(new Date('2026-10-24T22:00:00Z'), 'Europe/Madrid')).toBe('2026-10-25');
    expect(localDate(new Date('2026-10-25T22:59:00Z'), 'Europe/Madrid')).toBe('2026-10-25');
    expect(localDate(new Date('2026-10-25T23:00:00Z'), 'Europe/Madrid')).toBe('2026-10-26');
  });

  it('falls back to UTC for a zone Intl does not know, instead of failing', () => {
    expect(localDate(new Date('2026-11-27T00:30:00Z'), 'Mars/Olympus')).toBe('2026-11-27');
    expect(isKnownTimeZone('Mars/Olympus')).toBe(false);
    expect(isKnownTimeZone('')).toBe(false);
    expect(isKnownTimeZone('america/chicago')).toBe(true);
  });
});

describe('date arithmetic', () => {
  it('moves whole days across months and DST changes', () => {
    expect(addDays('2026-11-26', -6)).toBe('2026-11-20');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-03-07', 2)).toBe('2026-03-09');
    expect(daysBetween('2026-11-26', '2026-11-27')).toBe(1);
    expect(daysBetween('2026-03-07', '2026-03-09')).toBe(2);
    expect(daysBetween('2026-11-27', '2026-11-26')).toBe(-1);
  });
});
