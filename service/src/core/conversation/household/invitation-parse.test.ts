import { describe, expect, it } from 'vitest';
import { lastFour, parseHouseholdCommand } from './invitation-parse.ts';

const OWNER = '+15550090001';

describe('parseHouseholdCommand', () => {
  it.each([
    ['add my wife +1 555 123 4567', { phone: '+15551234567', relation: 'partner', relationWord: 'wife' }],
    ['invite my son +15551234567', { phone: '+15551234567', relation: 'child', relationWord: 'son' }],
    [
      'añade a mi esposa +34 600 123 456',
      { phone: '+34600123456', relation: 'partner', relationWord: 'esposa' },
    ],
    ['add my wife Ana +1 (555) 123-4567', { phone: '+15551234567', relationWord: 'wife', name: 'Ana' }],
    [
      'invte my daughter lucía 555 123 4567',
      { phone: '+15551234567', relationWord: 'daughter', name: 'Lucía' },
    ],
    ['invite +44 20 7946 0958', { phone: '+442079460958', relation: 'other' }],
  ])('%s is an invitation', (text, expected) => {
    expect(parseHouseholdCommand(text, OWNER)).toMatchObject({ kind: 'invite', ...expected });
  });

  it.each([
    'add +1 555 123',
    'add my wife +1 555 abc 4567',
    'invite my son +0 555 123 4567',
    'add my wife +1 555 123 45678',
  ])('%s is a bad number', (text) => {
    expect(parseHouseholdCommand(text, OWNER)).toEqual({ kind: 'bad_number' });
  });

  it('reads a bare 10-digit number only for an owner in a +1 country', () => {
    expect(parseHouseholdCommand('add my wife 555 123 4567', '+34600123456')).toEqual({ kind: 'bad_number' });
  });

  it.each(['add 2 eggs', 'add rice to my list', 'had 2 eggs', 'plan', 'family of 4'])(
    '%s is no household command',
    (text) => {
      expect(parseHouseholdCommand(text, OWNER)).toBeUndefined();
    },
  );

  it('takes no name from markup or SQL', () => {
    for (const text of [
      'add my wife <script>alert(1)</script> +15551234567',
      "invite my son Robert'); DROP TABLE users;-- +15551234567",
    ]) {
      const command = parseHouseholdCommand(text, OWNER);
      expect(command).toMatchObject({ kind: 'invite', phone: '+15551234567' });
      expect(command).not.toHaveProperty('name');
    }
  });

  it.each([
    ['family', 'list'],
    ['my family', 'list'],
    ['household', 'list'],
    ['mi familia', 'list'],
    ['leave family', 'leave'],
    ['Leave the household.', 'leave'],
    ['salir de la familia', 'leave'],
    ['quiero salirme de la familia', 'leave'],
  ])('%s → %s', (text, kind) => {
    expect(parseHouseholdCommand(text, OWNER)?.kind).toBe(kind);
  });

  it('reads whom to remove', () => {
    expect(parseHouseholdCommand('remove Ana', OWNER)).toEqual({ kind: 'remove', who: 'Ana' });
    expect(parseHouseholdCommand('remove my wife from the family', OWNER)).toEqual({
      kind: 'remove',
      who: 'wife',
    });
    expect(parseHouseholdCommand('quita a esposa', OWNER)).toEqual({ kind: 'remove', who: 'esposa' });
  });

  it('shows four digits of a number', () => {
    expect(lastFour('+15551234567')).toBe('4567');
  });
});
