import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../domain/user.ts';
import { countSegments } from '../sms-segments.ts';
import { householdMessagesFor } from './household-messages.ts';

describe.each(LOCALES)('household messages %s', (locale) => {
  const h = householdMessagesFor(locale);
  const names = h.list(['Partner (38)', 'Boy (9)', 'Girl (6)', 'Grandmother (71)']);
  const all = [
    h.askMembers(11),
    h.reask('age'),
    h.reask('sex'),
    h.reask('out_of_range'),
    h.reask('none'),
    h.householdChanged('2 adults and 3 children'),
    h.working(),
    h.estimated(names),
    h.leftOutUnder3(h.list(['Girl (1)', 'Boy (2)'])),
    h.membersUpdated('2 adults and 3 children'),
  ];

  it.each(all)('%s fits in three SMS segments', (text) => {
    expect(countSegments(text).segments).toBeLessThanOrEqual(3);
  });

  it('names members by relation, sex and age', () => {
    expect(h.memberName({ relation: 'child', age: 8, sex: 'female' })).toBe(
      locale === 'en' ? 'Girl (8)' : 'Niña (8)',
    );
    expect(h.memberName({ relation: 'partner', age: 38, sex: 'male' })).toBe(
      locale === 'en' ? 'Partner (38)' : 'Pareja (38)',
    );
  });
});
