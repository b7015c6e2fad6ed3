import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bodySchema, budgetSchema, householdSchema } from '../../domain/profile.ts';
import {
  isTooYoung,
  parseAllergies,
  parseBody,
  parseBudget,
  parseDiet,
  parseGoal,
  parseHousehold,
  parseProfileUpdate,
  parseYesNo,
} from './index.ts';

const anyText = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc
    .array(
      fc.constantFrom('5', "'", '"', '$', 'kg', 'lbs', 'family of', 'no', 'nuts', '-', '12', ' ', 'dos', 'y'),
      {
        maxLength: 12,
      },
    )
    .map((parts) => parts.join(' ')),
);

describe('parsers are total and their output is valid', () => {
  it('never throw, and return values that satisfy the profile schemas', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        parseGoal(text, { numbered: true });
        parseDiet(text);
        parseYesNo(text);
        parseProfileUpdate(text);
        const allergies = parseAllergies(text);
        if (allergies) expect(new Set(allergies).size).toBe(allergies.length);
        const household = parseHousehold(text);
        if (household) expect(householdSchema.safeParse(household).success).toBe(true);
        const budget = parseBudget(text);
        if (budget) expect(budgetSchema.safeParse(budget).success).toBe(true);
        const body = parseBody(text);
        if (body && !isTooYoung(body)) expect(bodySchema.safeParse(body).success).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('ignores non-string input instead of throwing', () => {
    const bad = null as unknown as string;
    expect(parseGoal(bad)).toBeUndefined();
    expect(parseAllergies(bad)).toBeUndefined();
    expect(parseBody(bad)).toBeUndefined();
    expect(parseProfileUpdate(bad)).toEqual({});
  });
});
