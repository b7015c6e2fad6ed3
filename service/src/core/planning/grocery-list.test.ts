import { describe, expect, it } from 'vitest';
import type { Aisle, Food, FoodGroup, PriceFile } from '../nutrition/food.ts';
import { createFoodDatabase, FoodDatabaseError, loadFoodDatabase } from '../nutrition/food-database.ts';
import { buildGroceryList, groceryTotal, groupByAisle, roundCents } from './grocery-list.ts';

function food(id: string, name: string, group: FoodGroup, aisle: Aisle, packageGrams: number): Food {
  return {
    id,
    name,
    ndb: '00001',
    group,
    aisle,
    per100g: { kcal: 100, proteinG: 1, fatG: 1, satFatG: 0, carbsG: 20, sugarsG: 0, fiberG: 1, sodiumMg: 1 },
    allergens: [],
    diets: ['vegan', 'vegetarian', 'pescatarian'],
    synonyms: [],
    package: { grams: packageGrams, label: `${packageGrams} g pack` },
    sideOk: false,
  };
}

const foods = createFoodDatabase(
  [
    food('rice', 'Rice', 'grain', 'pantry', 1000),
    food('apple', 'Apples', 'fruit', 'produce', 1000),
    food('banana', 'Bananas', 'fruit', 'produce', 900),
    food('bread', 'Bread', 'bread', 'bakery', 567),
    food('chicken', 'Chicken breast', 'poultry', 'meat_seafood', 1360),
    food('milk', 'Milk', 'dairy', 'dairy', 3785),
    food('peas', 'Peas, frozen', 'vegetable', 'frozen', 340),
    food('tomatoes', 'Tomatoes, canned', 'vegetable', 'canned', 411),
    food('cumin', 'Cumin, ground', 'spice_herb', 'spices_condiments', 43),
    food('oil', 'Olive oil', 'fat_oil', 'pantry', 500),
    food('soy-sauce', 'Soy sauce', 'condiment', 'spices_condiments', 296),
    food('flour', 'Flour', 'baking', 'pantry', 2268),
    food('coffee', 'Coffee', 'beverage', 'beverages', 340),
  ],
  {
    currency: 'USD',
    basis: 'test',
    asOf: '2026-11',
    prices: {
      rice: { perPackage: 2.49 },
      apple: { perPackage: 3.33 },
      banana: { perPackage: 1.5 },
      bread: { perPackage: 2.99 },
      chicken: { perPackage: 9.99 },
      milk: { perPackage: 3.79 },
      peas: { perPackage: 1.79 },
      tomatoes: { perPackage: 1.19 },
      cumin: { perPackage: 2.58 },
      oil: { perPackage: 7.99 },
      'soy-sauce': { perPackage: 2.49 },
      flour: { perPackage: 3.49 },
      coffee: { perPackage: 5.99 },
    },
  } satisfies PriceFile,
);

const list = (entries: [string, number][]) => buildGroceryList(new Map(entries), foods);

describe('buildGroceryList', () => {
  it('buys whole packages of everyday foods', () => {
    const [rice] = list([['rice', 2300]]);
    expect(rice).toEqual({
      foodId: 'rice',
      name: 'Rice',
      aisle: 'pantry',
      grams: 2300,
      packages: 3,
      packageLabel: '1000 g pack',
      cost: 7.47,
      pantry: false,
    });
  });

  it('treats an exact package boundary (and float noise past it) as that many packages', () => {
    expect(list([['rice', 1000]])[0]?.packages).toBe(1);
    expect(list([['rice', 1000.0000001]])[0]?.packages).toBe(1);
    expect(list([['rice', 2000.0000001]])[0]?.packages).toBe(2);
    expect(list([['rice', 1000.01]])[0]?.packages).toBe(2);
    expect(list([['rice', 0.5]])[0]?.packages).toBe(1);
  });

  it('costs pantry staples pro rata and reports the fraction of a package, rounded up to 0.01', () => {
    const [cumin, oil, soy, flour] = [
      list([['cumin', 5]])[0],
      list([['oil', 60]])[0],
      list([['soy-sauce', 30]])[0],
      list([['flour', 250]])[0],
    ];
    // 5 g of a 43 g jar at $2.58 = $0.30; 5/43 = 0.1163 → 0.12 of a jar.
    expect(cumin).toMatchObject({ grams: 5, packages: 0.12, cost: 0.3, pantry: true });
    // 60 g of 500 g at $7.99 = $0.9588 → $0.96; exactly 0.12 of a bottle, not 0.13.
    expect(oil).toMatchObject({ packages: 0.12, cost: 0.96, pantry: true });
    expect(soy).toMatchObject({ packages: 0.11, cost: 0.25, pantry: true });
    expect(flour).toMatchObject({ packages: 0.12, cost: 0.38, pantry: true });
    expect(list([['cumin', 0.01]])[0]?.packages).toBe(0.01);
  });

  it('rounds grams to whole grams and costs to cents', () => {
    const [apple] = list([['apple', 1234.5678]]);
    expect(apple).toMatchObject({ grams: 1235, packages: 2, cost: 6.66 });
    const [chicken] = list([['chicken', 4000]]);
    // 3 × 9.99 is 29.970000000000002 in binary floating point.
    expect(chicken?.cost).toBe(29.97);
  });

  it('orders by store walk (produce, bakery, meat, dairy, frozen, canned, pantry, spices, beverages), then name', () => {
    const ids = list([
      ['coffee', 100],
      ['cumin', 3],
      ['rice', 100],
      ['oil', 10],
      ['tomatoes', 400],
      ['peas', 200],
      ['milk', 500],
      ['chicken', 500],
      ['bread', 300],
      ['banana', 300],
      ['apple', 300],
    ]).map((item) => item.foodId);
    expect(ids).toEqual([
      'apple',
      'banana',
      'bread',
      'chicken',
      'milk',
      'peas',
      'tomatoes',
      'oil',
      'rice',
      'cumin',
      'coffee',
    ]);
  });

  it('leaves off foods with no grams and rejects negative or non-finite grams', () => {
    expect(list([['rice', 0]])).toEqual([]);
    expect(() => list([['rice', -1]])).toThrow(RangeError);
    expect(() => list([['rice', Number.NaN]])).toThrow(RangeError);
  });

  it('throws the food database coded error for an unknown food id', () => {
    expect(() => list([['unicorn-steak', 100]])).toThrow(FoodDatabaseError);
    try {
      list([['unicorn-steak', 100]]);
    } catch (error) {
      expect((error as FoodDatabaseError).code).toBe('unknown_food');
    }
  });

  it('prices real foods from the product database', () => {
    const db = loadFoodDatabase();
    const [rice] = buildGroceryList(new Map([['rice-white-long-grain-dry', 1500]]), db);
    const price = db.price('rice-white-long-grain-dry').perPackage;
    expect(rice).toMatchObject({ packages: 2, cost: roundCents(2 * price), pantry: false });
  });
});

describe('groceryTotal and groupByAisle', () => {
  const items = list([
    ['rice', 2300],
    ['apple', 1500],
    ['banana', 100],
    ['cumin', 5],
    ['milk', 100],
  ]);

  it('sums in whole cents', () => {
    // 7.47 + 6.66 + 1.50 + 0.30 + 3.79 = 19.72 (a naive float sum gives 19.720000000000002).
    expect(groceryTotal(items)).toBe(19.72);
    expect(groceryTotal([])).toBe(0);
    expect(roundCents(1.005)).toBe(1.01);
  });

  it('groups by aisle in store-walk order with subtotals', () => {
    expect(groupByAisle(items).map((g) => [g.aisle, g.items.map((i) => i.foodId), g.subtotal])).toEqual([
      ['produce', ['apple', 'banana'], 8.16],
      ['dairy', ['milk'], 3.79],
      ['pantry', ['rice'], 7.47],
      ['spices_condiments', ['cumin'], 0.3],
    ]);
  });
});
