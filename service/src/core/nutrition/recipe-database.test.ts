import { describe, expect, it } from 'vitest';
import { loadFoodDatabase } from './food-database.ts';
import type { Recipe } from './recipe.ts';
import {
  createRecipeDatabase,
  loadRecipeDatabase,
  parseRecipeDatabase,
  RecipeDatabaseError,
  type RecipeFilter,
} from './recipe-database.ts';
import { excludedAllergenTags, matchesDislike, wordText } from './recipe-eligibility.ts';

const foods = loadFoodDatabase();
const db = loadRecipeDatabase(foods);
const ids = (filter: Partial<RecipeFilter>) =>
  db.eligible({ diet: 'omnivore', allergies: [], dislikes: [], ...filter }).map((r) => r.id);
const foodsOf = (id: string) => db.require(id).ingredients.map((i) => foods.require(i.foodId));

describe('loadRecipeDatabase', () => {
  it('is memoised per food database', () => {
    expect(loadRecipeDatabase()).toBe(db);
    expect(loadRecipeDatabase(foods)).toBe(db);
    expect(db.foods).toBe(foods);
  });

  it('get, require and a coded error for an unknown id', () => {
    expect(db.get('lentil-soup')?.name).toMatch(/lentil/i);
    expect(db.get('unicorn-stew')).toBeUndefined();
    for (const call of [() => db.require('unicorn-stew'), () => db.nutrition('unicorn-stew')]) {
      expect(call).toThrow(RecipeDatabaseError);
      try {
        call();
      } catch (error) {
        expect((error as RecipeDatabaseError).code).toBe('unknown_recipe');
      }
    }
  });

  it('rejects invalid data with invalid_recipe_data', () => {
    const recipe = db.require('lentil-soup');
    const broken: Recipe = { ...recipe, ingredients: [{ foodId: 'unicorn-meat', grams: 10 }] };
    expect(() => createRecipeDatabase([broken], foods)).toThrow(/unknown foods: unicorn-meat/);
    expect(() => createRecipeDatabase([recipe, recipe], foods)).toThrow(/duplicate recipe id/);
    expect(() => parseRecipeDatabase({ description: '', recipes: [{ id: 'Bad Id' }] }, foods)).toThrow(
      expect.objectContaining({ code: 'invalid_recipe_data' }),
    );
  });
});

describe('nutrition (computed, memoised)', () => {
  it('sums per-serving nutrients, cost, allergens and diets from the foods', () => {
    const recipe = db.require('shrimp-and-grits');
    const facts = db.nutrition(recipe.id);
    expect(db.nutrition(recipe.id)).toBe(facts);
    let kcal = 0;
    let sodium = 0;
    let cost = 0;
    for (const { foodId, grams } of recipe.ingredients) {
      const food = foods.require(foodId);
      kcal += (food.per100g.kcal * grams) / 100;
      sodium += (food.per100g.sodiumMg * grams) / 100;
      cost += grams * foods.pricePerGram(foodId);
    }
    expect(facts.perServing.kcal).toBeCloseTo(kcal, 9);
    expect(facts.perServing.sodiumMg).toBeCloseTo(sodium, 9);
    expect(facts.costPerServing).toBeCloseTo(cost, 9);
    expect(facts.allergens).toEqual(expect.arrayContaining(['shellfish', 'milk']));
    expect(facts.diets).toEqual(['pescatarian']);
    expect(facts.glutenFree).toBe(true);
  });

  it('diets are the intersection over foods: one egg makes a dish vegetarian, not vegan', () => {
    expect(db.nutrition('lentil-soup').diets).toEqual(['vegan', 'vegetarian', 'pescatarian']);
    expect(db.nutrition('egg-fried-rice-peas').diets).toEqual(['vegetarian', 'pescatarian']);
    expect(db.nutrition('chicken-broccoli-stir-fry').diets).toEqual([]);
  });
});

describe('eligible: allergies', () => {
  it('excludes every recipe with a food carrying the allergen', () => {
    const eligible = ids({ allergies: ['peanut'] });
    expect(eligible).not.toContain('oatmeal-banana-peanut-butter');
    expect(eligible).toContain('lentil-soup');
    for (const id of eligible) expect(foodsOf(id).filter((f) => f.allergens.includes('peanut'))).toEqual([]);
  });

  it('gluten also excludes wheat and non-certified oats; wheat alone leaves oats and barley', () => {
    const glutenFree = ids({ allergies: ['gluten'] });
    for (const id of glutenFree) {
      expect(
        foodsOf(id).filter((f) => f.allergens.includes('gluten') || f.allergens.includes('wheat')),
      ).toEqual([]);
    }
    expect(glutenFree).not.toContain('pasta-e-fagioli');
    expect(glutenFree).not.toContain('overnight-oats-apple-cinnamon-soy');
    expect(glutenFree).not.toContain('chicken-barley-soup');
    const wheatFree = ids({ allergies: ['wheat'] });
    expect(wheatFree).not.toContain('pasta-e-fagioli');
    expect(wheatFree).toContain('overnight-oats-apple-cinnamon-soy');
    expect(wheatFree).toContain('chicken-barley-soup');
    expect(excludedAllergenTags(['gluten'])).toEqual(new Set(['gluten', 'wheat']));
  });

  it('shellfish excludes crustaceans and, cautiously, molluscs', () => {
    expect(ids({ allergies: ['shellfish'] })).not.toContain('shrimp-and-grits');
    expect(excludedAllergenTags(['shellfish']).has('mollusc')).toBe(true);
  });
});

describe('eligible: diets and slots', () => {
  it('omnivore accepts every recipe; each stricter diet accepts only what its foods fit', () => {
    expect(ids({})).toHaveLength(db.all().length);
    for (const diet of ['pescatarian', 'vegetarian', 'vegan'] as const) {
      const eligible = ids({ diet });
      expect(eligible.length).toBeGreaterThan(20);
      for (const id of eligible) expect(db.nutrition(id).diets).toContain(diet);
    }
    expect(ids({ diet: 'pescatarian' })).toContain('salmon-teriyaki-rice-bowl');
    expect(ids({ diet: 'pescatarian' })).not.toContain('chicken-broccoli-stir-fry');
    expect(ids({ diet: 'vegetarian' })).not.toContain('salmon-teriyaki-rice-bowl');
    expect(ids({ diet: 'vegetarian' })).toContain('egg-fried-rice-peas');
    expect(ids({ diet: 'vegan' })).not.toContain('egg-fried-rice-peas');
  });

  it('a slot keeps only recipes offered for it', () => {
    const snacks = db.eligible({ diet: 'vegan', allergies: [], dislikes: [], slot: 'snack' });
    expect(snacks.length).toBeGreaterThan(4);
    for (const r of snacks) expect(r.slots).toContain('snack');
  });
});

describe('eligible: dislikes', () => {
  it('matches whole words of food names, ids and synonyms, any case and plural', () => {
    for (const dislike of ['mushroom', 'Mushrooms', 'MUSHROOM']) {
      const eligible = ids({ dislikes: [dislike] });
      expect(eligible).not.toContain('chicken-cacciatore-polenta');
      for (const id of eligible) expect(foodsOf(id).some((f) => /mushroom/.test(f.id))).toBe(false);
    }
    expect(ids({ dislikes: ['garbanzo'] })).not.toContain('chana-masala');
    expect(ids({ dislikes: ['cilantro'] })).not.toContain('black-bean-tacos');
  });

  it('matches a flesh group, so "fish" removes salmon and "meat" removes beef', () => {
    expect(ids({ dislikes: ['fish'] })).not.toContain('salmon-teriyaki-rice-bowl');
    expect(ids({ dislikes: ['meat'] })).not.toContain('beef-and-broccoli');
  });

  it('does not match inside a word, and ignores blank dislikes', () => {
    expect(ids({ dislikes: ['egg'] })).toContain('pasta-alla-norma');
    expect(ids({ dislikes: ['egg'] })).not.toContain('shakshuka');
    expect(ids({ dislikes: ['', '  '] })).toHaveLength(db.all().length);
    expect(matchesDislike(wordText('Red bell peppers'), ['pepper'])).toBe(true);
    expect(matchesDislike(wordText('Peppermint tea'), ['pepper'])).toBe(false);
  });
});
