import { describe, expect, it } from 'vitest';
import { loadFoodDatabase } from '../nutrition/food-database.ts';
import { type PortionRequest, portionGrams } from './portions.ts';
import { readSize, readUnit } from './units.ts';

const db = loadFoodDatabase();
const grams = (foodId: string, over: Partial<PortionRequest> = {}) =>
  portionGrams({
    food: db.require(foodId),
    amount: undefined,
    unit: undefined,
    size: undefined,
    plural: false,
    accompaniment: false,
    phraseWords: '',
    ...over,
  })?.grams;

describe('readUnit and readSize', () => {
  it.each([
    ['g', 'g'],
    ['grams', 'g'],
    ['gramos', 'g'],
    ['kilos', 'kg'],
    ['ounces', 'oz'],
    ['lbs', 'lb'],
    ['cups', 'cup'],
    ['tazas', 'cup'],
    ['tablespoons', 'tbsp'],
    ['tbs', 'tbsp'],
    ['cucharadita', 'tsp'],
    ['slices', 'slice'],
    ['rebanadas', 'slice'],
    ['cans', 'can'],
    ['punado', 'handful'],
    ['vaso', 'glass'],
    ['bowl', 'serving'],
  ])('%s → %s', (word, unit) => {
    expect(readUnit([word], 0, true)?.unit).toBe(unit);
  });

  it('reads "fl oz" as one unit and short words as units only after an amount', () => {
    expect(readUnit(['fl', 'oz'], 0, true)).toEqual({ unit: 'floz', next: 2 });
    expect(readUnit(['can'], 0, false)).toBeUndefined();
    expect(readUnit(['g'], 0, false)).toBeUndefined();
  });

  it('reads size words in both languages', () => {
    expect(readSize(['big'], 0)?.size).toBe('large');
    expect(readSize(['extra', 'large'], 0)).toEqual({ size: 'extra-large', next: 2 });
    expect(readSize(['pequeno'], 0)?.size).toBe('small');
  });
});

describe('portionGrams', () => {
  it('converts mass units directly', () => {
    expect(grams('chicken-breast-raw', { amount: 3, unit: 'oz' })).toBeCloseTo(85.05, 1);
    expect(grams('chicken-breast-raw', { amount: 1, unit: 'lb' })).toBeCloseTo(453.6, 1);
  });

  it('uses the food household units, converting between cup, tbsp and tsp when one is missing', () => {
    expect(grams('peanut-butter-smooth', { amount: 2, unit: 'tbsp' })).toBe(32);
    expect(grams('almond-butter', { amount: 1, unit: 'tsp' })).toBeCloseTo(16 / 3, 1);
    expect(grams('milk-whole', { amount: 250, unit: 'ml' })).toBeCloseTo(257.8, 0);
  });

  it('counts whole items through piece, medium or a size', () => {
    expect(grams('egg-large-raw', { amount: 2 })).toBe(100);
    expect(grams('banana-raw', { amount: 1, size: 'large' })).toBe(136);
    expect(grams('avocado-raw', { amount: 0.5 })).toBe(75);
  });

  it('reads cooked measures of dry-stored grains as dry grams, unless said dry', () => {
    expect(grams('rice-white-long-grain-dry', { amount: 1, unit: 'cup' })).toBe(56);
    expect(grams('rice-white-long-grain-dry', { amount: 158, unit: 'g' })).toBeCloseTo(56, 6);
    expect(grams('rice-white-long-grain-dry', { amount: 1, unit: 'cup', phraseWords: 'uncooked rice' })).toBe(
      185,
    );
    expect(grams('oats-rolled-dry', { amount: 0.5, unit: 'cup', phraseWords: 'oats' })).toBe(40.5);
    expect(grams('oats-rolled-dry', { amount: 1, unit: 'cup', phraseWords: 'oatmeal' })).toBe(40);
  });

  it('gives a default portion when no amount is given', () => {
    expect(grams('banana-raw')).toBe(118);
    expect(grams('egg-large-raw', { plural: true })).toBe(100);
    expect(grams('rice-white-long-grain-dry')).toBe(56);
    expect(grams('coffee-brewed')).toBe(237);
    expect(grams('almonds')).toBe(28);
    expect(grams('spinach-raw')).toBe(30);
    expect(grams('turkey-ground-raw')).toBe(113);
    expect(grams('butter-salted', { accompaniment: true })).toBe(5);
    expect(grams('milk-whole', { accompaniment: true })).toBe(15);
    expect(grams('sugar-granulated', { accompaniment: true })).toBe(4.2);
  });

  it('cannot tell a measure the food does not have', () => {
    expect(grams('beef-sirloin-steak-raw', { amount: 1, unit: 'cup' })).toBeUndefined();
    expect(grams('chicken-breast-raw', { amount: 1, unit: 'slice' })).toBeUndefined();
  });
});
