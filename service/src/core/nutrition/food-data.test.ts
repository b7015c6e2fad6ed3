import { describe, expect, it } from 'vitest';
import foodsData from '../../../data/foods.json' with { type: 'json' };
import pricesData from '../../../data/prices.json' with { type: 'json' };
import { ALLERGENS, type Allergen, ANIMAL_ALLERGENS, SEAFOOD_ALLERGENS } from './allergens.ts';
import { FLESH_GROUPS, FOOD_GROUPS, type Food, foodFileSchema, priceFileSchema } from './food.ts';
import { loadFoodDatabase, normalizeFoodText } from './food-database.ts';

const foods = loadFoodDatabase().all();
const byId = new Map(foods.map((f) => [f.id, f]));

describe('food data files', () => {
  it('foods.json and prices.json validate against their schemas', () => {
    expect(foodFileSchema.safeParse(foodsData).success).toBe(true);
    expect(priceFileSchema.safeParse(pricesData).success).toBe(true);
  });

  it('has at least 260 foods with unique ids', () => {
    expect(foods.length).toBeGreaterThanOrEqual(260);
    expect(new Set(foods.map((f) => f.id)).size).toBe(foods.length);
  });

  it('has every food group', () => {
    const present = new Set(foods.map((f) => f.group));
    expect(FOOD_GROUPS.filter((g) => !present.has(g))).toEqual([]);
  });

  it('cites a 5-digit NDB number for every food', () => {
    expect(foods.filter((f) => !/^\d{5}$/.test(f.ndb)).map((f) => f.id)).toEqual([]);
  });

  it('has a package and a positive price for every food, and no price without a food', () => {
    const db = loadFoodDatabase();
    for (const food of foods) {
      expect(food.package.grams, food.id).toBeGreaterThan(0);
      expect(food.package.label.length, food.id).toBeGreaterThan(0);
      expect(db.price(food.id).perPackage, food.id).toBeGreaterThan(0);
    }
    expect(Object.keys(pricesData.prices).sort()).toEqual(foods.map((f) => f.id).sort());
    expect(db.priceInfo.currency).toBe('USD');
  });

  it('prices cheap staples cheaply and nothing absurdly (US$ per 100 g)', () => {
    const db = loadFoodDatabase();
    const per100 = (id: string) => db.pricePerGram(id) * 100;
    for (const id of [
      'rice-white-long-grain-dry',
      'rice-brown-long-grain-dry',
      'oats-rolled-dry',
      'pasta-dry',
      'flour-all-purpose',
      'black-beans-dry',
      'pinto-beans-dry',
      'kidney-beans-dry',
      'lentils-dry',
      'chickpeas-dry',
      'split-peas-dry',
    ]) {
      expect(per100(id), id).toBeGreaterThanOrEqual(0.1);
      expect(per100(id), id).toBeLessThanOrEqual(0.45);
    }
    for (const food of foods) expect(per100(food.id), food.id).toBeLessThan(25);
    // Protein foods cost more than the grains they are served with.
    expect(per100('chicken-breast-raw')).toBeGreaterThan(per100('rice-white-long-grain-dry'));
  });

  it('lists only nutrients the source leaves empty as missing, with value 0', () => {
    for (const food of foods) {
      for (const key of food.missing ?? []) expect(food.per100g[key], `${food.id}.${key}`).toBe(0);
    }
  });

  it('gives household units positive gram weights', () => {
    for (const food of foods) {
      for (const [unit, grams] of Object.entries(food.units ?? {})) {
        expect(grams, `${food.id} ${unit}`).toBeGreaterThan(0);
      }
    }
    expect(byId.get('egg-large-raw')?.units?.large).toBe(50);
  });

  it('maps each normalised name or synonym to a single food', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const food of foods) {
      for (const text of new Set([food.name, ...food.synonyms].map(normalizeFoodText))) {
        const other = owner.get(text);
        if (other !== undefined && other !== food.id) clashes.push(`"${text}": ${other} / ${food.id}`);
        owner.set(text, food.id);
      }
    }
    expect(clashes).toEqual([]);
  });
});

/**
 * Energy check with the general Atwater factors (4 kcal/g protein, 4 carbohydrate, 9 fat; 7 alcohol — none of our
 * columns is alcohol). Tolerance: 15 %, or 10 kcal absolute below 40 kcal/100 g.
 *
 * USDA computes energy with food-specific factors (Merrill & Watt 1973) and SR carbohydrate is "by difference", so it
 * includes fibre (~2 kcal/g), organic acids and, for some products, non-nutritive solids. The foods below fail the
 * general check for the stated reason and are excluded from it; `fibre` ones must pass the refined check
 * (available carbohydrate 4 kcal/g + fibre 2 kcal/g, as in EU Reg. 1169/2011 Annex XIV).
 */
type Exclusion = 'fibre' | 'organic_acid' | 'alcohol' | 'specific_factors';
const ATWATER_EXCLUSIONS: Record<string, { reason: Exclusion; note: string }> = {
  'corn-on-cob-raw': { reason: 'fibre', note: 'USDA corn factors (carbohydrate 4.03, protein 2.73)' },
  'corn-frozen': { reason: 'fibre', note: 'USDA corn factors' },
  'corn-canned-drained': { reason: 'fibre', note: 'USDA corn factors' },
  'kale-raw': { reason: 'fibre', note: 'vegetable factors, 3.6 g fibre' },
  'brussels-sprouts-raw': { reason: 'fibre', note: 'vegetable factors, 3.8 g fibre' },
  'tomato-paste': { reason: 'fibre', note: 'vegetable factors, 4.1 g fibre' },
  'tomatoes-sun-dried': { reason: 'fibre', note: 'vegetable factors, 12.3 g fibre' },
  'lemon-raw': { reason: 'fibre', note: 'citrus factors; carbohydrate includes citric acid' },
  capers: { reason: 'fibre', note: 'small energy, 3.2 g fibre' },
  'black-pepper-ground': { reason: 'fibre', note: 'spice, 25 g fibre' },
  'cumin-ground': { reason: 'fibre', note: 'spice factors' },
  'curry-powder': { reason: 'fibre', note: 'spice, 53 g fibre' },
  'chili-powder': { reason: 'fibre', note: 'spice, 35 g fibre' },
  paprika: { reason: 'fibre', note: 'spice, 35 g fibre' },
  'cinnamon-ground': { reason: 'fibre', note: 'spice, 53 g fibre' },
  'oregano-dried': { reason: 'fibre', note: 'herb, 42 g fibre' },
  'basil-dried': { reason: 'fibre', note: 'herb, 38 g fibre' },
  'thyme-dried': { reason: 'fibre', note: 'herb, 37 g fibre' },
  'parsley-dried': { reason: 'fibre', note: 'herb, 27 g fibre' },
  'poultry-seasoning': { reason: 'fibre', note: 'herb blend' },
  'sage-ground': { reason: 'fibre', note: 'herb, 40 g fibre' },
  'marjoram-dried': { reason: 'fibre', note: 'herb, 40 g fibre' },
  'celery-seed': { reason: 'fibre', note: 'spice factors' },
  'caraway-seed': { reason: 'fibre', note: 'spice, 38 g fibre' },
  'pumpkin-pie-spice': { reason: 'fibre', note: 'spice blend' },
  'yeast-active-dry': { reason: 'fibre', note: 'yeast, 27 g fibre (cell-wall glucans)' },
  'lime-raw': { reason: 'organic_acid', note: 'citric acid counted in carbohydrate by difference' },
  'lime-juice': { reason: 'organic_acid', note: 'citric acid counted in carbohydrate by difference' },
  'vinegar-white': { reason: 'organic_acid', note: 'energy is acetic acid, not in our columns' },
  'vinegar-cider': { reason: 'organic_acid', note: 'energy is acetic acid' },
  'vinegar-red-wine': { reason: 'organic_acid', note: 'energy is acetic acid' },
  'vinegar-balsamic': { reason: 'organic_acid', note: 'energy partly acetic acid' },
  'vanilla-extract': { reason: 'alcohol', note: 'about 35 % alcohol, not in our columns' },
  'cocoa-powder': {
    reason: 'specific_factors',
    note: 'USDA cocoa factors (carbohydrate 1.33 kcal/g), 37 g fibre',
  },
  'cayenne-pepper': { reason: 'specific_factors', note: 'USDA spice factors, 27 g fibre' },
  'cloves-ground': { reason: 'specific_factors', note: 'USDA spice factors, 34 g fibre' },
  'baking-powder': {
    reason: 'specific_factors',
    note: 'carbohydrate by difference includes leavening salts that yield no energy',
  },
};

function within(estimate: number, kcal: number): boolean {
  return kcal < 40 ? Math.abs(estimate - kcal) <= 10 : Math.abs(estimate - kcal) <= 0.15 * kcal;
}
const generalAtwater = (f: Food) => 4 * f.per100g.proteinG + 4 * f.per100g.carbsG + 9 * f.per100g.fatG;
const refinedAtwater = (f: Food) =>
  4 * f.per100g.proteinG +
  4 * (f.per100g.carbsG - f.per100g.fiberG) +
  2 * f.per100g.fiberG +
  9 * f.per100g.fatG;

describe('energy agrees with Atwater factors', () => {
  it('within 15 % (10 kcal below 40 kcal) for every food not excluded', () => {
    const failures = foods
      .filter((f) => ATWATER_EXCLUSIONS[f.id] === undefined)
      .filter((f) => !within(generalAtwater(f), f.per100g.kcal))
      .map((f) => `${f.id}: ${f.per100g.kcal} kcal vs ${generalAtwater(f).toFixed(0)}`);
    expect(failures).toEqual([]);
  });

  it('excludes only foods that exist and really fail, and fibre-rich ones pass the refined check', () => {
    for (const [id, { reason }] of Object.entries(ATWATER_EXCLUSIONS)) {
      const food = byId.get(id);
      expect(food, id).toBeDefined();
      if (food === undefined) continue;
      expect(within(generalAtwater(food), food.per100g.kcal), `${id} no longer needs excluding`).toBe(false);
      if (reason === 'fibre') expect(within(refinedAtwater(food), food.per100g.kcal), id).toBe(true);
    }
  });
});

/** A food whose name matches `pattern` (and not `unless`) must carry every allergen in `implies`. */
const NAME_RULES: { pattern: RegExp; unless?: RegExp; implies: Allergen[] }[] = [
  {
    pattern: /\bbutter\b/,
    unless: /\b(peanut|almond|cashew|sesame|cocoa|apple) butter\b/,
    implies: ['milk'],
  },
  { pattern: /\bwhey\b|\bcasein/, implies: ['milk'] },
  { pattern: /\bghee\b/, implies: ['milk'] },
  { pattern: /\bcheese\b|\bqueso\b|\bparmesan\b|\bmozzarella\b|\bricotta\b/, implies: ['milk'] },
  { pattern: /\byogh?urt\b|\bkefir\b/, implies: ['milk'] },
  { pattern: /\bmilk\b/, unless: /\b(soy|almond|rice|coconut|oat) milk\b/, implies: ['milk'] },
  { pattern: /\bcream\b|\bhalf and half\b/, implies: ['milk'] },
  { pattern: /\bpesto\b/, implies: ['milk', 'tree_nut'] },
  { pattern: /\btahini\b|\bsesame\b|\bhummus\b/, implies: ['sesame'] },
  { pattern: /\bcouscous\b|\bsemolina\b|\bbulgur\b|\bseitan\b/, implies: ['wheat', 'gluten'] },
  { pattern: /\bpasta\b(?! sauce)/, implies: ['wheat', 'gluten'] },
  {
    pattern: /\bbread\b|\bbagels?\b|\bbuns\b|\brolls\b|\bmuffins?\b|\bnaan\b|\bpita\b/,
    implies: ['wheat', 'gluten'],
  },
  { pattern: /\bflour\b/, unless: /\bcorn flour\b|\bmasa\b/, implies: ['wheat', 'gluten'] },
  { pattern: /\bwheat\b(?!-free)/, unless: /\bbuckwheat\b/, implies: ['wheat', 'gluten'] },
  { pattern: /\bcrackers?\b|\bpretzels?\b|\bramen\b|\begg noodles\b/, implies: ['wheat', 'gluten'] },
  { pattern: /\bbarley\b|\brye\b|\boats?\b|\boatmeal\b/, implies: ['gluten'] },
  { pattern: /\bsoy sauce\b|\bteriyaki\b/, unless: /\bwheat-free\b/, implies: ['soy', 'wheat', 'gluten'] },
  // Highly refined soybean oil is exempt (FALCPA; EU Reg. 1169/2011 Annex II 6(b)), so "soybean oil" is not tagged.
  {
    pattern: /\bsoy\b|\btofu\b|\bedamame\b|\btempeh\b|\bsoybeans?\b|\btamari\b|\bmiso\b/,
    unless: /\boil\b/,
    implies: ['soy'],
  },
  { pattern: /\bshrimp\b|\bprawns?\b|\bcrab\b|\blobster\b/, implies: ['shellfish'] },
  {
    pattern: /\bmussels?\b|\bclams?\b|\bscallops?\b|\boysters?\b|\bsquid\b|\bcalamari\b/,
    implies: ['mollusc'],
  },
  { pattern: /\bmayonnaise\b|\bmayo\b/, implies: ['egg'] },
  { pattern: /\beggs?\b/, implies: ['egg'] },
  { pattern: /\bpeanuts?\b/, implies: ['peanut'] },
  {
    pattern:
      /\balmonds?\b|\bcashews?\b|\bwalnuts?\b|\bpecans?\b|\bpistachios?\b|\bhazelnuts?\b|\bmacadamia\b|\bbrazil nuts\b|\bpine nuts\b/,
    implies: ['tree_nut'],
  },
  {
    pattern:
      /\bfish\b|\bsalmon\b|\btuna\b|\bcod\b|\btilapia\b|\bsardines?\b|\banchov(y|ies)\b|\bpollock\b|\btrout\b|\bhalibut\b|\bhaddock\b|\bcatfish\b|\bworcestershire\b|\bsurimi\b/,
    implies: ['fish'],
  },
  { pattern: /\bcelery\b/, implies: ['celery'] },
  { pattern: /\bmustard\b/, implies: ['mustard'] },
  { pattern: /\bwine vinegar\b|\bbalsamic\b|\bapricots?, dried\b|\braisins\b/, implies: ['sulphites'] },
];

describe('allergen tags', () => {
  it('uses only known allergens', () => {
    for (const food of foods) for (const a of food.allergens) expect(ALLERGENS).toContain(a);
  });

  it('a food whose name implies an allergen carries the tag', () => {
    const lacking: string[] = [];
    for (const food of foods) {
      const name = food.name.toLowerCase();
      for (const rule of NAME_RULES) {
        if (!rule.pattern.test(name) || rule.unless?.test(name)) continue;
        for (const a of rule.implies) if (!food.allergens.includes(a)) lacking.push(`${food.id} lacks ${a}`);
      }
    }
    expect(lacking).toEqual([]);
  });

  it('the rules actually fire (guards against a rule table that matches nothing)', () => {
    const fired = NAME_RULES.filter((rule) =>
      foods.some((f) => rule.pattern.test(f.name.toLowerCase()) && !rule.unless?.test(f.name.toLowerCase())),
    );
    expect(fired.length).toBeGreaterThanOrEqual(NAME_RULES.length - 2);
  });

  it.each([
    ['butter-salted', ['milk']],
    ['ghee', ['milk']],
    ['whey-protein-powder', ['milk']],
    ['soy-sauce', ['soy', 'wheat', 'gluten']],
    ['tahini', ['sesame']],
    ['couscous-dry', ['wheat', 'gluten']],
    ['bulgur-dry', ['wheat', 'gluten']],
    ['vital-wheat-gluten', ['wheat', 'gluten']],
    ['mayonnaise', ['egg']],
    ['worcestershire-sauce', ['fish']],
    ['pesto', ['milk', 'tree_nut']],
    ['oats-rolled-dry', ['gluten']],
    ['vinegar-red-wine', ['sulphites']],
    ['apricots-dried', ['sulphites']],
    ['peanut-butter-smooth', ['peanut']],
    ['shrimp-raw', ['shellfish']],
    ['mussels-raw', ['mollusc']],
  ] as const)('%s carries %j (derived forms count)', (id, expected) => {
    expect(byId.get(id)?.allergens).toEqual(expect.arrayContaining([...expected]));
  });

  it('does not tag peanut butter or coconut as milk / tree nut', () => {
    expect(byId.get('peanut-butter-smooth')?.allergens).not.toContain('milk');
    expect(byId.get('coconut-milk-canned')?.allergens).not.toContain('tree_nut');
    expect(byId.get('coconut-milk-canned')?.allergens).not.toContain('milk');
  });
});

describe('diet tags', () => {
  it('never calls meat, poultry, fish or seafood vegetarian or vegan', () => {
    const wrong = foods.filter(
      (f) => FLESH_GROUPS.includes(f.group) && (f.diets.includes('vegetarian') || f.diets.includes('vegan')),
    );
    expect(wrong.map((f) => f.id)).toEqual([]);
  });

  it('never calls meat or poultry pescatarian', () => {
    const wrong = foods.filter(
      (f) => (f.group === 'meat' || f.group === 'poultry') && f.diets.includes('pescatarian'),
    );
    expect(wrong.map((f) => f.id)).toEqual([]);
  });

  it('never calls a food with an animal allergen vegan, or one with fish or shellfish vegetarian', () => {
    const wrongVegan = foods.filter(
      (f) => f.diets.includes('vegan') && f.allergens.some((a) => ANIMAL_ALLERGENS.includes(a)),
    );
    const wrongVegetarian = foods.filter(
      (f) => f.diets.includes('vegetarian') && f.allergens.some((a) => SEAFOOD_ALLERGENS.includes(a)),
    );
    expect(wrongVegan.map((f) => f.id)).toEqual([]);
    expect(wrongVegetarian.map((f) => f.id)).toEqual([]);
  });

  it('never calls dairy, eggs or honey vegan', () => {
    const wrong = foods.filter(
      (f) =>
        f.diets.includes('vegan') && (f.group === 'dairy' || f.group === 'egg' || /\bhoney\b/i.test(f.name)),
    );
    expect(wrong.map((f) => f.id)).toEqual([]);
    expect(byId.get('honey')?.diets).toEqual(['vegetarian', 'pescatarian']);
  });

  it('vegan implies vegetarian implies pescatarian', () => {
    for (const f of foods) {
      if (f.diets.includes('vegan')) expect(f.diets, f.id).toContain('vegetarian');
      if (f.diets.includes('vegetarian')) expect(f.diets, f.id).toContain('pescatarian');
    }
  });

  it('has plenty of vegan protein', () => {
    const veganProtein = foods.filter((f) => f.diets.includes('vegan') && f.per100g.proteinG >= 15);
    expect(veganProtein.length).toBeGreaterThanOrEqual(15);
  });
});
