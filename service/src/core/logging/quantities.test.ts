import { describe, expect, it } from 'vitest';
import { normalize } from '../conversation/parse/normalize.ts';
import { numberValue, prepareNumbers, readQuantity } from './quantities.ts';

/** The amount at the start of a phrase, after the same text preparation the parser uses. */
const amountOf = (text: string) =>
  readQuantity(prepareNumbers(normalize(text)).trim().split(/\s+/), 0)?.value;

describe('numberValue', () => {
  it.each([
    ['2', 2],
    ['1.5', 1.5],
    ['1/2', 0.5],
    ['3/4', 0.75],
    ['2-3', 2.5],
    ['1/0', undefined],
    ['2%', undefined],
    ['eggs', undefined],
  ])('%s → %s', (token, value) => {
    expect(numberValue(token)).toBe(value);
  });
});

describe('readQuantity', () => {
  it.each([
    ['2 eggs', 2],
    ['1.5 cups', 1.5],
    ['1,5 tazas', 1.5],
    ['1/2 cup', 0.5],
    ['½ cup', 0.5],
    ['1½ cups', 1.5],
    ['1 1/2 cups', 1.5],
    ['2 1/2 tbsp', 2.5],
    ['1 and a half cups', 1.5],
    ['one and a half bananas', 1.5],
    ['2 y medio', 2.5],
    ['2-3 eggs', 2.5],
    ['2 or 3 slices', 2.5],
    ['2 to 4 eggs', 3],
    ['two eggs', 2],
    ['dos huevos', 2],
    ['a couple of eggs', 2],
    ['a dozen almonds', 12],
    ['a banana', 1],
    ['an apple', 1],
    ['un platano', 1],
    ['una manzana', 1],
    ['half an avocado', 0.5],
    ['half a cup', 0.5],
    ['a half cup', 0.5],
    ['a quarter cup', 0.25],
    ['a third of a cup', 1 / 3],
    ['3 quarters of a cup', 0.75],
    ['medio aguacate', 0.5],
    ['media taza', 0.5],
    ['la mitad de un aguacate', 0.5],
    ['un par de huevos', 2],
    ['a few strawberries', 3],
    ['a 6 oz steak', 6],
    ['1,000,000 bananas', 1_000_000],
    ['2 x eggs', 2],
  ])('%s → %s', (text, value) => {
    expect(amountOf(text)).toBeCloseTo(value, 6);
  });

  it('finds no amount where there is none', () => {
    expect(amountOf('rice')).toBeUndefined();
    expect(amountOf('2% milk')).toBeUndefined();
  });
});
