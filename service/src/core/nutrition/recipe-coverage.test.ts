import { describe, expect, it } from 'vitest';
import { ALLERGENS as PROFILE_ALLERGENS } from '../domain/profile.ts';
import type { Allergen } from './allergens.ts';
import { MEAL_SLOTS, type MealSlot, RECIPE_DIETS, type Recipe } from './recipe.ts';
import { loadRecipeDatabase } from './recipe-database.ts';
import { energyShares, type RecipeNutrients } from './recipe-nutrition.ts';

/**
 * The hardest households: each diet with all ten profile allergies at once. More allergies only remove recipes, so
 * these sets bound every other allergy mix. The planner must still find a varied week (a recipe at most twice) whose
 * days meet the AMDR, so each slot needs enough recipes and together they must allow protein-rich days.
 */
/** Every allergy a profile can name (the US major 9 plus gluten). */
const ALL_PROFILE_ALLERGIES: readonly Allergen[] = PROFILE_ALLERGENS;
const MINIMUM_PER_SLOT: Record<MealSlot, number> = { breakfast: 4, lunch: 4, dinner: 5, snack: 4 };

const db = loadRecipeDatabase();
const worstCase = (diet: (typeof RECIPE_DIETS)[number], slot?: MealSlot) =>
  db.eligible({ diet, allergies: ALL_PROFILE_ALLERGIES, dislikes: [], ...(slot ? { slot } : {}) });

function sum(recipes: readonly Recipe[]): RecipeNutrients {
  const total: RecipeNutrients = {
    kcal: 0,
    proteinG: 0,
    fatG: 0,
    satFatG: 0,
    carbsG: 0,
    sugarsG: 0,
    fiberG: 0,
    sodiumMg: 0,
  };
  for (const r of recipes) {
    const n = db.nutrition(r.id).perServing;
    for (const key of Object.keys(total) as (keyof RecipeNutrients)[]) total[key] += n[key];
  }
  return total;
}

/**
 * The most protein-dense day (one serving per slot, from the 6 most protein-dense recipes of each slot) that keeps
 * fat 20–35 % and carbohydrate 45–65 % of energy, fibre ≥ 14 g/1,000 kcal and sodium ≤ 2,300 mg even at 3,500 kcal.
 */
function bestProteinDay(diet: (typeof RECIPE_DIETS)[number]): number {
  const proteinPct = (r: Recipe) => energyShares(db.nutrition(r.id).perServing).proteinPct;
  const top = MEAL_SLOTS.map((slot) =>
    [...worstCase(diet, slot)].sort((a, b) => proteinPct(b) - proteinPct(a)).slice(0, 6),
  );
  let best = 0;
  const visit = (picked: Recipe[], slot: number) => {
    if (slot === top.length) {
      const day = sum(picked);
      const s = energyShares(day);
      const ok =
        s.fatPct >= 20 &&
        s.fatPct <= 35 &&
        s.carbsPct >= 45 &&
        s.carbsPct <= 65 &&
        (1000 * day.fiberG) / day.kcal >= 14 &&
        (3500 * day.sodiumMg) / day.kcal <= 2300;
      if (ok) best = Math.max(best, s.proteinPct);
      return;
    }
    for (const r of top[slot] ?? []) visit([...picked, r], slot + 1);
  };
  visit([], 0);
  return best;
}

describe('worst case: every diet with all ten profile allergies', () => {
  it.each(RECIPE_DIETS)('%s still has enough recipes in every slot', (diet) => {
    const counts = Object.fromEntries(MEAL_SLOTS.map((slot) => [slot, worstCase(diet, slot).length]));
    for (const slot of MEAL_SLOTS)
      expect(counts[slot], `${diet} ${slot}`).toBeGreaterThanOrEqual(MINIMUM_PER_SLOT[slot]);
  });

  it.each(RECIPE_DIETS)('%s has enough weekday (≤ 40 min) recipes in every slot', (diet) => {
    for (const slot of MEAL_SLOTS) {
      const quick = worstCase(diet, slot).filter((r) => r.prepMinutes <= 40);
      expect(quick.length, `${diet} ${slot}`).toBeGreaterThanOrEqual(MINIMUM_PER_SLOT[slot]);
    }
  });

  it('contains none of the allergens, directly or in a derived form', () => {
    for (const diet of RECIPE_DIETS) {
      for (const recipe of worstCase(diet)) {
        const tags = db.nutrition(recipe.id).allergens;
        expect(
          tags.filter((a) => ALL_PROFILE_ALLERGIES.includes(a) || a === 'mollusc'),
          recipe.id,
        ).toEqual([]);
      }
    }
  });

  it.each(RECIPE_DIETS)(
    '%s allows protein-dense days inside the AMDR (≥ 20 % of energy from protein)',
    (diet) => {
      // Without soy, wheat gluten, dairy, eggs or nuts the ceiling is legumes (~25 %) diluted by the fat floor.
      expect(bestProteinDay(diet)).toBeGreaterThanOrEqual(20);
    },
  );

  it('keeps a pool of protein-dense (≥ 20 % of energy) recipes, so a whole week can repeat each at most twice', () => {
    const dense = (slot: MealSlot) =>
      worstCase('vegan', slot).filter((r) => energyShares(db.nutrition(r.id).perServing).proteinPct >= 20);
    const minimum: Record<MealSlot, number> = { breakfast: 2, lunch: 6, dinner: 6, snack: 2 };
    for (const slot of MEAL_SLOTS) {
      expect(dense(slot).length, slot).toBeGreaterThanOrEqual(minimum[slot]);
      expect(
        dense(slot).filter((r) => r.prepMinutes <= 40).length,
        `${slot} ≤ 40 min`,
      ).toBeGreaterThanOrEqual(2);
    }
  });

  it('keeps cheap energy for big appetites: 3,500 kcal a day must fit $40 a week even with every allergy', () => {
    const perThousandKcal = (r: Recipe) =>
      (1000 * db.nutrition(r.id).costPerServing) / db.nutrition(r.id).perServing.kcal;
    const cheapMains = worstCase('vegan').filter(
      (r) => (r.slots.includes('lunch') || r.slots.includes('dinner')) && perThousandKcal(r) <= 1.3,
    );
    expect(cheapMains.length).toBeGreaterThanOrEqual(4);
    expect(cheapMains.filter((r) => r.prepMinutes <= 40).length).toBeGreaterThanOrEqual(2);
  });

  it('omnivores in the worst case can reach 25 % protein days (lean meat is allowed)', () => {
    expect(bestProteinDay('omnivore')).toBeGreaterThanOrEqual(25);
  });
});
