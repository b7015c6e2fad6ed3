import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FOOD_LOG_PHRASES, type FoodLogRow } from '../../../test/fixtures/food-log-phrases.ts';
import { loadFoodDatabase } from '../nutrition/food-database.ts';
import { type FoodLogParse, MAX_GRAMS_PER_ITEM, parseFoodLog } from './index.ts';

const db = loadFoodDatabase();
const TOLERANCE = 0.15;
const REQUIRED_PASS_RATE = 0.95;

function gramsById(items: FoodLogParse['items'] | FoodLogRow['expected']): Map<string, number> {
  const sums = new Map<string, number>();
  for (const item of items) sums.set(item.foodId, (sums.get(item.foodId) ?? 0) + item.grams);
  return sums;
}

/** Why a row fails, or undefined when it passes (see the fixture header for the rule). */
function rowFailure(row: FoodLogRow): string | undefined {
  const parsed = parseFoodLog(row.text, db);
  const actual = gramsById(parsed.items);
  const expected = gramsById(row.expected);
  const problems: string[] = [];
  for (const [foodId, grams] of expected) {
    const got = actual.get(foodId);
    if (got === undefined) problems.push(`missing ${foodId} ${grams} g`);
    else if (Math.abs(got - grams) > grams * TOLERANCE)
      problems.push(`${foodId}: ${got} g, expected ${grams} g`);
  }
  for (const [foodId, grams] of actual) {
    if (!expected.has(foodId)) problems.push(`unexpected ${foodId} ${grams} g`);
  }
  if (row.ask === true && parsed.unsure.length === 0) problems.push('expected a question, none asked');
  if (row.ask !== true && parsed.unsure.length > 0) {
    problems.push(`unexpected question about "${parsed.unsure.map((u) => u.phrase).join('", "')}"`);
  }
  return problems.length === 0 ? undefined : problems.join('; ');
}

describe('food-log phrase table', () => {
  it('has at least 120 rows, none duplicated, every food id in the database', () => {
    expect(FOOD_LOG_PHRASES.length).toBeGreaterThanOrEqual(120);
    const texts = FOOD_LOG_PHRASES.map((r) => r.text);
    expect(new Set(texts).size).toBe(texts.length);
    const unknownIds = FOOD_LOG_PHRASES.flatMap((r) => r.expected.map((e) => e.foodId)).filter(
      (id) => !db.get(id),
    );
    expect(unknownIds).toEqual([]);
  });

  it.each(FOOD_LOG_PHRASES.map((row) => [row.text, row] as const))('%j', (_text, row) => {
    expect(rowFailure(row)).toBeUndefined();
  });

  it(`passes at least ${REQUIRED_PASS_RATE * 100} % of the rows (failures listed)`, () => {
    const failures = FOOD_LOG_PHRASES.flatMap((row) => {
      const why = rowFailure(row);
      return why === undefined ? [] : [`  ${JSON.stringify(row.text)}: ${why}`];
    });
    const rate = 1 - failures.length / FOOD_LOG_PHRASES.length;
    const report = `food-log accuracy ${(rate * 100).toFixed(1)} % (${FOOD_LOG_PHRASES.length - failures.length}/${FOOD_LOG_PHRASES.length})`;
    console.log([report, ...failures].join('\n'));
    expect(rate, [report, ...failures].join('\n')).toBeGreaterThanOrEqual(REQUIRED_PASS_RATE);
  });
});

describe('parseFoodLog', () => {
  it('returns names, grams and the measure as written', () => {
    expect(parseFoodLog('1.5 cups of rice', db).items).toEqual([
      {
        foodId: 'rice-white-long-grain-dry',
        name: 'White rice, long-grain (dry)',
        grams: 84,
        quantityText: '1.5 cups (cooked)',
      },
    ]);
  });

  it('offers the options when unsure and lists what it does not know', () => {
    const parsed = parseFoodLog('yogurt and a slice of pizza', db);
    expect(parsed.items).toEqual([]);
    expect(parsed.unsure[0]?.options.map((o) => o.foodId)).toEqual([
      'yogurt-greek-plain-nonfat',
      'yogurt-plain-whole',
    ]);
    expect(parsed.unknown).toEqual(['a slice of pizza']);
  });

  it('does not believe more than the cap of one food', () => {
    expect(parseFoodLog(`${MAX_GRAMS_PER_ITEM + 1} g of dry rice`, db).items).toEqual([]);
    // 3.5 kg of cooked rice is 1.2 kg dry, but nobody eats 3.5 kg: the cap is on what was on the plate.
    expect(parseFoodLog('3.5 kg of cooked rice', db).items).toEqual([]);
  });

  it('never throws on hostile input and stays bounded on long input', () => {
    for (const text of [
      undefined,
      null,
      42,
      {},
      'a'.repeat(100_000),
      '1/0 cups of rice',
      '½½½ eggs',
      '..., ;;;',
    ]) {
      expect(() => parseFoodLog(text as string, db)).not.toThrow();
    }
  });

  it('logs only finite, positive, believable grams for any text', () => {
    const words = fc.constantFrom(
      '2',
      '½',
      'a',
      'cup',
      'of',
      'rice',
      'eggs',
      'and',
      'with',
      'kg',
      'pizza',
      'y',
      '-',
      ',',
    );
    const messages = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.array(words, { maxLength: 12 }).map((w) => w.join(' ')),
    );
    fc.assert(
      fc.property(messages, (text) => {
        for (const item of parseFoodLog(text, db).items) {
          expect(Number.isFinite(item.grams) && item.grams > 0 && item.grams <= MAX_GRAMS_PER_ITEM).toBe(
            true,
          );
        }
      }),
      { numRuns: 300 },
    );
  });
});
