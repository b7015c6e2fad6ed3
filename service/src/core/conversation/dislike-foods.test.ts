import { describe, expect, it } from 'vitest';
import { loadFoodDatabase } from '../nutrition/food-database.ts';
import { loadRecipeDatabase } from '../nutrition/recipe-database.ts';
import { dislikeHaystack, matchesDislike } from '../nutrition/recipe-eligibility.ts';
import { plannerDislikes, resolveDislike, sameDislike } from './dislike-foods.ts';

const foods = loadFoodDatabase();
const recipes = loadRecipeDatabase(foods);

/** Recipes the planner keeps for these dislikes, by its own rule. */
function kept(dislikes: string[]) {
  return recipes.all().filter((recipe) => !matchesDislike(dislikeHaystack(recipe, foods), dislikes));
}

describe('resolveDislike', () => {
  it('finds the foods a dislike names, in English and Spanish', () => {
    expect(resolveDislike('mushrooms')?.foodIds).toContain('mushrooms-white-raw');
    expect(resolveDislike('brócoli')?.foodIds).toEqual(['broccoli-raw', 'broccoli-frozen']);
    expect(resolveDislike('cilantro')?.foodIds).toEqual(['cilantro-raw']);
  });

  it('corrects a misspelt food to the database word', () => {
    expect(resolveDislike('mushroms')?.name).toBe('mushrooms');
  });

  it('says nothing matches rather than pretending', () => {
    expect(resolveDislike('durian')).toBeUndefined();
    expect(resolveDislike('mondays')).toBeUndefined();
  });

  it('does not count olive oil as olives', () => {
    expect(resolveDislike('olives')?.foodIds.sort()).toEqual(['olives-black', 'olives-green']);
  });
});

describe('plannerDislikes', () => {
  it('passes a word as written when the planner rule matches exactly its foods', () => {
    expect(plannerDislikes(['mushrooms', 'cilantro', 'fish'])).toEqual(['mushrooms', 'cilantro', 'fish']);
  });

  it('passes food ids when the word would reach further (olives must not drop every olive-oil recipe)', () => {
    const sent = plannerDislikes(['olives']);
    expect(sent.sort()).toEqual(['olives-black', 'olives-green']);
    const usesOliveOil = (list: string[]) =>
      kept(list).filter((recipe) => recipe.ingredients.some((i) => i.foodId === 'olive-oil')).length;
    expect(usesOliveOil(sent)).toBeGreaterThan(usesOliveOil(['olives']));
    for (const recipe of kept(sent)) {
      expect(recipe.ingredients.map((i) => i.foodId)).not.toContain('olives-black');
    }
  });

  it('excludes every recipe holding a disliked food', () => {
    for (const recipe of kept(plannerDislikes(['mushrooms', 'brócoli']))) {
      const ids = recipe.ingredients.map((i) => i.foodId);
      expect(ids.some((id) => id.startsWith('mushrooms-') || id.startsWith('broccoli-'))).toBe(false);
    }
  });

  it('keeps within the plan request limits', () => {
    const many = Array.from({ length: 40 }, (_, i) => `food number ${i}`);
    const sent = plannerDislikes([...many, 'x'.repeat(50)]);
    expect(sent.length).toBeLessThanOrEqual(30);
    for (const entry of sent) expect(entry.length).toBeLessThanOrEqual(40);
  });
});

describe('sameDislike', () => {
  it('treats plural, case and accents alike', () => {
    expect(sameDislike('Mushroom', 'mushrooms')).toBe(true);
    expect(sameDislike('brócoli', 'brocoli')).toBe(true);
    expect(sameDislike('olives', 'olive oil')).toBe(false);
  });
});
