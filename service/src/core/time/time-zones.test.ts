import { describe, expect, it } from 'vitest';
import { resolveTimeZone, timeZoneForPhone, userTimeZone } from './time-zones.ts';

describe('timeZoneForPhone', () => {
  it.each([
    ['+15550020001', 'America/New_York'],
    ['+34600123456', 'Europe/Madrid'],
    ['+5215512345678', 'America/Mexico_City'],
    ['+447700900123', 'Europe/London'],
    ['+50212345678', 'America/Guatemala'],
    ['+81312345678', 'UTC'],
  ])('%s → %s', (phone, zone) => {
    expect(timeZoneForPhone(phone)).toBe(zone);
  });

  it('is UTC without a number (web chat)', () => {
    expect(timeZoneForPhone(undefined)).toBe('UTC');
  });
});

describe('userTimeZone', () => {
  it('prefers the zone the user named, and ignores one Intl does not know', () => {
    expect(userTimeZone({ phone: '+15550020001', profile: { timeZone: 'America/Chicago' } })).toBe(
      'America/Chicago',
    );
    expect(userTimeZone({ phone: '+34600123456', profile: {} })).toBe('Europe/Madrid');
    expect(userTimeZone({ phone: '+34600123456', profile: { timeZone: 'Mars/Olympus' } })).toBe(
      'Europe/Madrid',
    );
  });
});

describe('resolveTimeZone', () => {
  it.each([
    ['Chicago', 'America/Chicago'],
    ['central time', 'America/Chicago'],
    ['Pacific Standard Time', 'America/Los_Angeles'],
    ['EST', 'America/New_York'],
    ['Ciudad de México', 'America/Mexico_City'],
    ['america/new_york', 'America/New_York'],
    ['Asia/Kolkata', 'Asia/Kolkata'],
    ['utc', 'UTC'],
  ])('%s → %s', (name, zone) => {
    expect(resolveTimeZone(name)).toBe(zone);
  });

  it.each(['Mars/Olympus', 'a meeting', '../../etc/passwd', '', 'A'.repeat(300)])('%j is no zone', (name) => {
    expect(resolveTimeZone(name)).toBeUndefined();
  });
});
