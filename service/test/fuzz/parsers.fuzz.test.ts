import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseAllergies,
  parseBody,
  parseBudget,
  parseDiet,
  parseGoal,
  parseHousehold,
  parseProfileUpdate,
  parseYesNo,
} from '../../src/core/conversation/parse/index.ts';
import { profileSchema } from '../../src/core/domain/profile.ts';
import { MAX_GRAMS_PER_ITEM, parseFoodLog } from '../../src/core/logging/index.ts';
import { loadFoodDatabase } from '../../src/core/nutrition/food-database.ts';

const db = loadFoodDatabase();

/** Food-log-shaped noise: numbers, units and food words in any order, plus raw and hostile strings. */
const foodishText = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc
    .array(
      fc.constantFrom(
        '2',
        '1.5',
        '½',
        '-3',
        '1e309',
        '0',
        '999999',
        'NaN',
        'cups',
        'g',
        'kg',
        'oz',
        'slice',
        'of',
        'and',
        ',',
        'eggs',
        'rice',
        'toast',
        'pizza',
        'yogurt',
        'huevos',
        'arroz',
        'a',
        'half',
        'dozen',
        '🍕',
        '\u0000',
      ),
      { maxLength: 20 },
    )
    .map((parts) => parts.join(' ')),
  fc.integer({ min: 2_000, max: 50_000 }).map((size) => '2 eggs and '.repeat(size / 10)),
);

describe('the food-logging parser under fuzzed input', () => {
  it('never throws and returns only known foods with finite, bounded grams', () => {
    fc.assert(
      fc.property(foodishText, (text) => {
        const parsed = parseFoodLog(text, db);
        for (const item of parsed.items) {
          expect(db.get(item.foodId), item.foodId).toBeDefined();
          expect(Number.isFinite(item.grams)).toBe(true);
          expect(item.grams).toBeGreaterThan(0);
          expect(item.grams).toBeLessThanOrEqual(MAX_GRAMS_PER_ITEM);
        }
      }),
      { seed: 11_010, numRuns: 400 },
    );
  });
});

describe('onboarding answers under fuzzed input', () => {
  it('every answer parser is total on hostile strings and on non-strings', () => {
    const anyInput = fc.oneof(
      foodishText,
      fc.anything({ maxDepth: 2 }) as fc.Arbitrary<unknown> as fc.Arbitrary<string>,
    );
    fc.assert(
      fc.property(anyInput, (text) => {
        parseGoal(text, { numbered: true });
        parseDiet(text);
        parseYesNo(text);
        parseAllergies(text);
        parseHousehold(text);
        parseBudget(text);
        parseBody(text);
        parseProfileUpdate(text);
      }),
      { seed: 11_011, numRuns: 400 },
    );
  });
});

describe('profile JSON under fuzzed input', () => {
  it('the zod profile schema never throws, only accepts or rejects with issues', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything({ maxDepth: 3 }), fc.jsonValue({ maxDepth: 3 })), (value) => {
        const result = profileSchema.safeParse(value);
        if (!result.success) expect(result.error.issues.length).toBeGreaterThan(0);
      }),
      { seed: 11_012, numRuns: 500 },
    );
  });
});
