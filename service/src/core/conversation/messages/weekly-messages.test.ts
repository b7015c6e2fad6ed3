import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../domain/user.ts';
import { WEEKDAYS } from '../../domain/weekly-delivery.ts';
import { countSegments } from '../sms-segments.ts';
import { messagesFor } from './index.ts';

describe.each(LOCALES)('weekly delivery messages %s', (locale) => {
  const m = messagesFor(locale).weekly;
  // The longest zone name in the alias table, so every real reply is at most this long.
  const schedules = WEEKDAYS.map((weekday) => ({
    weekday,
    from: '08:00',
    until: '21:00',
    zone: 'America/Argentina/Buenos_Aires',
  }));

  it('every reply fits in three SMS segments and names the day, the window and the zone', () => {
    for (const schedule of schedules) {
      for (const text of [m.turnedOn(schedule), m.isOn(schedule)]) {
        expect(countSegments(text).segments, text).toBeLessThanOrEqual(3);
        for (const part of ['08:00', '21:00', schedule.zone]) expect(text).toContain(part);
      }
    }
    for (const text of [m.turnedOff(), m.isOff(), m.whichDay()])
      expect(countSegments(text).segments, text).toBeLessThanOrEqual(3);
  });

  it('says how to undo, in the words the parser reads', () => {
    const sunday = { weekday: 'sunday' as const, from: '08:00', until: '21:00', zone: 'UTC' };
    expect(m.turnedOn(sunday)).toContain(locale === 'en' ? 'weekly off' : 'semanal no');
    expect(m.turnedOff()).toContain(locale === 'en' ? 'weekly on' : 'semanal sí');
  });
});
