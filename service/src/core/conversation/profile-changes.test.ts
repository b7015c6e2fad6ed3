import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Profile, profileSchema } from '../domain/profile.ts';
import { messagesFor } from './messages/index.ts';
import { profileChange } from './profile-changes.ts';

const ready: Profile = {
  goal: 'lose',
  allergies: [],
  diet: 'omnivore',
  household: { adults: 1, children: 0 },
  budget: { amount: 60, currency: 'USD', period: 'week' },
  body: { age: 34, sex: 'female', heightCm: 168, weightKg: 70, activity: 'moderate' },
};

const anyText = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc
    .array(
      fc.constantFrom(
        'goal weight',
        'peso objetivo',
        'I hate',
        'no me gusta',
        'dislike:',
        'I like',
        'now',
        'timezone',
        "I'm in",
        '150',
        '-3',
        'lb',
        'kg',
        'mushrooms',
        'el',
        ',',
        'and',
        'Chicago',
        '/',
      ),
      { maxLength: 10 },
    )
    .map((parts) => parts.join(' ')),
);

describe('profile changes in free text', () => {
  it('never throw, and every profile they return is valid', () => {
    for (const locale of ['en', 'es'] as const) {
      const m = messagesFor(locale);
      fc.assert(
        fc.property(anyText, (text) => {
          const change = profileChange(text, { ...ready, body: { ...ready.body } }, m);
          if (change === undefined) return;
          expect(profileSchema.safeParse(change.profile).success).toBe(true);
          expect(change.reply.length).toBeGreaterThan(0);
        }),
        { numRuns: 300 },
      );
    }
  });

  it('checks a goal weight against the height the same message gives', () => {
    const m = messagesFor('en');
    const noHeight: Profile = { ...ready, body: { age: 34, sex: 'female', weightKg: 70 } };
    const change = profileChange("I'm 168 cm and my goal weight is 60 kg", noHeight, m);
    expect(change?.profile.body?.heightCm).toBe(168);
    expect(change?.profile.goalWeightKg).toBe(60);
    const tooLow = profileChange('I am 168 cm, goal weight 45 kg', noHeight, m);
    expect(tooLow?.profile.goalWeightKg).toBeUndefined();
    expect(tooLow?.reply).toContain('healthy weight');
  });
});
