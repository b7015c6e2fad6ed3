import type { FoodDatabase } from '../nutrition/food-database.ts';
import { foodFits, type HardFilters } from '../nutrition/food-filter.ts';
import type { ShortfallPrices } from './day-search.ts';
import { isPantryStaple } from './grocery-list.ts';
import type { PlanningFood } from './planning-inputs.ts';

/** Every food with its nutrients and price per gram, keyed by id. */
export function planningFoods(foods: FoodDatabase): Map<string, PlanningFood> {
  const result = new Map<string, PlanningFood>();
  for (const food of foods.all()) {
    const price = foods.price(food.id);
    const per = food.per100g;
    result.set(food.id, {
      food,
      perGram: {
        kcal: per.kcal / 100,
        proteinG: per.proteinG / 100,
        fatG: per.fatG / 100,
        carbsG: per.carbsG / 100,
        fiberG: per.fiberG / 100,
        sodiumMg: per.sodiumMg / 100,
      },
      pricePerGram: foods.pricePerGram(food.id),
      pricePerPackage: price.perPackage,
      packageGrams: food.package.grams,
      pantry: isPantryStaple(food.group),
    });
  }
  return result;
}

/**
 * Foods a member may get as a side sized in grams (fruit, bread, yogurt, nuts…), after the hard filters: the
 * cheapest per kcal, and the best sources of protein and of fibre per kcal, so the day can be balanced.
 */
export function sideFoods(foods: ReadonlyMap<string, PlanningFood>, filters: HardFilters): PlanningFood[] {
  const allowed = allowedSides(foods, filters);
  const picked = new Map<string, PlanningFood>();
  const take = (score: (entry: PlanningFood) => number, n: number) => {
    for (const entry of [...allowed]
      .sort((a, b) => score(a) - score(b) || a.food.id.localeCompare(b.food.id))
      .slice(0, n)) {
      picked.set(entry.food.id, entry);
    }
  };
  take((entry) => entry.pricePerGram / entry.perGram.kcal, 3);
  take((entry) => -entry.perGram.proteinG / entry.perGram.kcal + entry.pricePerGram / 100, 2);
  take((entry) => -entry.perGram.fiberG / entry.perGram.kcal, 2);
  return [...picked.values()];
}

/** Every food that may be served as a side to this household. */
export function allowedSides(foods: ReadonlyMap<string, PlanningFood>, filters: HardFilters): PlanningFood[] {
  return [...foods.values()].filter(
    (entry) =>
      entry.food.sideOk && !entry.pantry && entry.perGram.kcal > 0.3 && foodFits(entry.food, filters),
  );
}

/** The cheapest way to add a gram of protein, a gram of fibre or a kcal with one of the allowed sides. */
export function shortfallPrices(sides: readonly PlanningFood[]): ShortfallPrices {
  const cheapest = (per: (side: PlanningFood) => number) =>
    Math.min(...sides.filter((side) => per(side) > 0).map((side) => side.pricePerGram / per(side)), 1);
  return {
    proteinG: cheapest((side) => side.perGram.proteinG),
    fiberG: cheapest((side) => side.perGram.fiberG),
    kcal: cheapest((side) => side.perGram.kcal),
  };
}
