import { describe, expect, it } from 'vitest';
import type { Food, PriceFile } from './food.ts';
import {
  createFoodDatabase,
  FoodDatabaseError,
  loadFoodDatabase,
  normalizeFoodText,
  parseFoodDatabase,
} from './food-database.ts';

const db = loadFoodDatabase();
const top = (text: string) => db.search(text, 1)[0]?.food.id;

describe('loadFoodDatabase', () => {
  it('is memoised', () => {
    expect(loadFoodDatabase()).toBe(db);
  });

  it('get returns a food or undefined', () => {
    expect(db.get('chicken-breast-raw')?.ndb).toBe('05062');
    expect(db.get('no-such-food')).toBeUndefined();
  });

  it('require throws a coded error for an unknown id', () => {
    expect(() => db.require('unicorn-steak')).toThrow(FoodDatabaseError);
    try {
      db.require('unicorn-steak');
    } catch (error) {
      expect(error).toBeInstanceOf(FoodDatabaseError);
      expect((error as FoodDatabaseError).code).toBe('unknown_food');
    }
    expect(() => db.pricePerGram('unicorn-steak')).toThrow(/unknown food/);
  });

  it('pricePerGram is price per package over edible package grams', () => {
    const rice = db.require('rice-white-long-grain-dry');
    expect(db.pricePerGram(rice.id)).toBeCloseTo(db.price(rice.id).perPackage / rice.package.grams, 12);
    const eggs = db.require('egg-large-raw');
    expect(eggs.package).toEqual({ grams: 600, label: expect.stringContaining('dozen') });
  });
});

describe('search', () => {
  it.each([
    ['scallions', 'green-onion-raw'],
    ['garbanzo', 'chickpeas-dry'],
    ['greek yogurt', 'yogurt-greek-plain-nonfat'],
    ['courgette', 'zucchini-raw'],
    ['aubergine', 'eggplant-raw'],
    ['cilantro', 'cilantro-raw'],
    ['coriander', 'cilantro-raw'],
    ['prawns', 'shrimp-raw'],
    ['arroz', 'rice-white-long-grain-dry'],
    ['frijoles', 'black-beans-dry'],
    ['pollo', 'chicken-breast-raw'],
    ['huevo', 'egg-large-raw'],
    ['leche', 'milk-whole'],
    ['Plátano', 'banana-raw'],
    ['PLATANO', 'banana-raw'],
    ['tomatoes', 'tomato-raw'],
    ['Tomato', 'tomato-raw'],
    ['eggs', 'egg-large-raw'],
    ['chicken breast', 'chicken-breast-raw'],
    ['ground beef', 'ground-beef-80-raw'],
    ['peanut butter', 'peanut-butter-smooth'],
    ['tahini', 'tahini'],
    ['soy sauce', 'soy-sauce'],
  ])('"%s" finds %s first', (text, id) => {
    expect(top(text)).toBe(id);
  });

  it('ranks exact > prefix > contains > token overlap', () => {
    const kinds = db.search('yogurt', 20).map((m) => m.kind);
    const order = { exact: 0, prefix: 1, contains: 2, tokens: 3 } as const;
    for (let i = 1; i < kinds.length; i += 1) {
      const a = kinds[i - 1];
      const b = kinds[i];
      if (a !== undefined && b !== undefined) expect(order[a]).toBeLessThanOrEqual(order[b]);
    }
    expect(db.search('yogurt', 1)[0]?.kind).toBe('exact');
    expect(db.search('mozzar', 1)[0]).toMatchObject({
      kind: 'prefix',
      food: { id: 'cheese-mozzarella-part-skim' },
    });
    expect(db.search('chickpeas canned', 1)[0]?.food.id).toBe('chickpeas-canned-drained');
  });

  it('finds greek yogurts ahead of other yogurts', () => {
    const ids = db.search('greek yogurt', 3).map((m) => m.food.id);
    expect(ids.every((id) => id.startsWith('yogurt-greek'))).toBe(true);
  });

  it('respects limit and ignores empty queries', () => {
    expect(db.search('cheese', 3)).toHaveLength(3);
    expect(db.search('   ', 5)).toEqual([]);
    expect(db.search('cheese', 0)).toEqual([]);
    expect(db.search('xyzzyplugh', 5)).toEqual([]);
  });

  it('normalises case, accents and punctuation', () => {
    expect(normalizeFoodText('  Jalapeño  PEPPERS, diced! ')).toBe('jalapeno peppers diced');
    expect(normalizeFoodText('Half & Half')).toBe('half and half');
  });
});

describe('createFoodDatabase / parseFoodDatabase', () => {
  const food: Food = {
    id: 'test-food',
    name: 'Test food',
    ndb: '00001',
    group: 'grain',
    aisle: 'pantry',
    per100g: {
      kcal: 100,
      proteinG: 5,
      fatG: 1,
      satFatG: 0.2,
      carbsG: 18,
      sugarsG: 1,
      fiberG: 2,
      sodiumMg: 3,
    },
    allergens: [],
    diets: ['vegan', 'vegetarian', 'pescatarian'],
    synonyms: [],
    package: { grams: 500, label: 'bag' },
    sideOk: false,
  };
  const prices: PriceFile = {
    currency: 'USD',
    basis: 'test',
    asOf: '2026-11',
    prices: { 'test-food': { perPackage: 2 } },
  };

  it('computes price per gram from fixtures', () => {
    expect(createFoodDatabase([food], prices).pricePerGram('test-food')).toBeCloseTo(0.004, 12);
  });

  it('rejects duplicate ids, missing prices and orphan prices', () => {
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return (error as FoodDatabaseError).code;
      }
      return undefined;
    };
    expect(code(() => createFoodDatabase([food, food], prices))).toBe('invalid_food_data');
    expect(code(() => createFoodDatabase([food], { ...prices, prices: {} }))).toBe('invalid_food_data');
    expect(
      code(() =>
        createFoodDatabase([food], { ...prices, prices: { ...prices.prices, ghost: { perPackage: 1 } } }),
      ),
    ).toBe('invalid_food_data');
  });

  it('rejects invalid files with a coded error that keeps the zod cause', () => {
    const file = { description: '', source: '', basis: '', foods: [{ ...food, ndb: '1123' }] };
    try {
      parseFoodDatabase(file, prices);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(FoodDatabaseError);
      expect((error as FoodDatabaseError).code).toBe('invalid_food_data');
      expect((error as FoodDatabaseError).cause).toBeDefined();
    }
    const wheatOnly = { description: '', source: '', basis: '', foods: [{ ...food, allergens: ['wheat'] }] };
    expect(() => parseFoodDatabase(wheatOnly, prices)).toThrow(/wheat implies gluten/);
  });
});
