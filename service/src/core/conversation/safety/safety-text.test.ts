import { describe, expect, it } from 'vitest';
import { prepareSafetyText, readNumber } from './safety-text.ts';

describe('prepareSafetyText', () => {
  it.each([
    ['Quiero 800 calorías al día', 'quiero 800 calorias al dia'],
    ['ochocientas calorías', '800 calorias'],
    ['mil quinientas kcal', '1500 kcal'],
    ['doscientos gramos', '200 gramos'],
    ['eight hundred cals', '800 cals'],
    ['5 0 0 calories', '500 calories'],
    ['500 kalorias', '500 calorias'],
    ['I’m 11', "i'm 11"],
  ])('%s → %s', (input, expected) => {
    expect(prepareSafetyText(input)).toBe(expected);
  });

  it('never throws on non-strings', () => {
    expect(prepareSafetyText(undefined)).toBe('');
    expect(prepareSafetyText(42)).toBe('');
  });
});

describe('readNumber', () => {
  it.each([
    ['1,800', 1800],
    ['1.800', 1800],
    ['1800', 1800],
    ['0,5', 0.5],
    ['2.5', 2.5],
  ])('%s → %d', (raw, value) => {
    expect(readNumber(raw)).toBe(value);
  });
});
