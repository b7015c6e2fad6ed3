import { describe, expect, it } from 'vitest';
import { loadFoodDatabase } from './food-database.ts';
import type { Recipe } from './recipe.ts';
import { computeRecipeFacts, energyShares, per1000Kcal, type RecipeNutrients } from './recipe-nutrition.ts';

const foods = loadFoodDatabase();
const recipe = (ingredients: Recipe['ingredients']): Recipe => ({
  id: 'test-recipe',
  name: 'Test recipe',
  cuisine: 'american',
  slots: ['lunch'],
  prepMinutes: 10,
  ingredients,
  steps: ['Mix everything together.'],
  tags: [],
});

describe('computeRecipeFacts', () => {
  it('scales per-100 g values by grams and adds them up', () => {
    const facts = computeRecipeFacts(
      recipe([
        { foodId: 'rice-white-long-grain-dry', grams: 50 },
        { foodId: 'olive-oil', grams: 10 },
      ]),
      foods,
    );
    const rice = foods.require('rice-white-long-grain-dry').per100g;
    expect(facts.perServing.kcal).toBeCloseTo(rice.kcal / 2 + 88.4, 9);
    expect(facts.perServing.fatG).toBeCloseTo(rice.fatG / 2 + 10, 9);
    expect(facts.costPerServing).toBeCloseTo(
      50 * foods.pricePerGram('rice-white-long-grain-dry') + 10 * foods.pricePerGram('olive-oil'),
      12,
    );
    expect(facts.allergens).toEqual([]);
    expect(facts.diets).toEqual(['vegan', 'vegetarian', 'pescatarian']);
    expect(facts.glutenFree).toBe(true);
    expect(facts.lowerBound).toEqual([]);
  });

  it('unions allergens in a fixed order, flags gluten and lists unknown nutrients as lower bounds', () => {
    const facts = computeRecipeFacts(
      recipe([
        { foodId: 'soy-sauce', grams: 5 },
        { foodId: 'quinoa-dry', grams: 50 },
        { foodId: 'egg-large-raw', grams: 50 },
      ]),
      foods,
    );
    expect(facts.allergens).toEqual(['egg', 'wheat', 'soy', 'gluten']);
    expect(facts.glutenFree).toBe(false);
    expect(facts.diets).toEqual(['vegetarian', 'pescatarian']);
    expect(facts.lowerBound).toEqual(['sugarsG']);
  });

  it('throws unknown_food for a food that does not exist', () => {
    expect(() => computeRecipeFacts(recipe([{ foodId: 'unicorn-meat', grams: 1 }]), foods)).toThrow(
      /unknown food/,
    );
  });
});

describe('energy helpers', () => {
  const n: RecipeNutrients = {
    kcal: 500,
    proteinG: 25,
    fatG: 20,
    satFatG: 3,
    carbsG: 50,
    sugarsG: 5,
    fiberG: 10,
    sodiumMg: 250,
  };

  it('energyShares uses 4/4/9 kcal per gram', () => {
    const s = energyShares(n);
    expect(s.atwaterKcal).toBe(480);
    expect(s.proteinPct).toBeCloseTo(100 * (100 / 480), 9);
    expect(s.fatPct).toBeCloseTo(100 * (180 / 480), 9);
    expect(s.proteinPct + s.fatPct + s.carbsPct).toBeCloseTo(100, 9);
    expect(energyShares({ proteinG: 0, carbsG: 0, fatG: 0 }).proteinPct).toBe(0);
  });

  it('per1000Kcal normalises by energy', () => {
    expect(per1000Kcal(n, 'sodiumMg')).toBe(500);
    expect(per1000Kcal(n, 'fiberG')).toBe(20);
    expect(per1000Kcal({ ...n, kcal: 0 }, 'fiberG')).toBe(0);
  });
});
