import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../domain/user.ts';
import { countSegments } from '../sms-segments.ts';
import { invitationMessagesFor } from './invitation-messages.ts';

const brand = { name: 'AI Nutritionist', contact: 'help@example.org' };

describe.each(LOCALES)('invitation messages %s', (locale) => {
  const h = invitationMessagesFor(locale);
  const label = h.label('Maria Jose', 'grandmother');
  const all = [
    h.invitationSent(label, '4567', 72),
    h.badNumber(),
    h.ownNumber(),
    h.cannotInvite(),
    h.alreadyInvited(label, '4567'),
    h.tooMany(8),
    h.unavailable(),
    h.invitation(brand, '4567', 'grandmother', 72),
    h.invitationAfterConsent(),
    h.askToJoin('4567'),
    h.joined(),
    h.memberJoined(label),
    h.declined(),
    h.expired(),
    h.memberComplete(),
    h.memberPlan('4567'),
    h.left(),
    h.memberLeft(),
    h.notAMember(),
    h.removed(label),
    h.cancelled(label),
    h.removedYou('4567'),
    h.noOneCalled('x'.repeat(30)),
    h.emptyList(),
    h.list([h.listLine(label, '4567', true), h.listLine(h.label(undefined, 'son'), '1234', false)]),
  ];

  it.each(all)('%s fits in three SMS segments', (text) => {
    expect(countSegments(text).segments).toBeLessThanOrEqual(3);
  });

  it('tells the invitee how to join, decline and opt out', () => {
    const text = h.invitation(brand, '4567', undefined, 72);
    expect(text).toMatch(locale === 'en' ? /YES.*NO.*STOP/s : /SÍ.*NO.*PARAR/s);
  });
});
