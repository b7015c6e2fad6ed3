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
 * cheapest per kcal, per gram of protein and per gram of fibre, so a day can be balanced at least cost.
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
  const per = (nutrient: number, entry: PlanningFood) =>
    nutrient > 0 ? entry.pricePerGram / nutrient : Infinity;
  take((entry) => per(entry.perGram.kcal, entry), 3);
  take((entry) => per(entry.perGram.proteinG, entry), 2);
  take((entry) => per(entry.perGram.fiberG, entry), 2);
  const oil = drizzleOil(foods, filters);
  if (oil) picked.set(oil.food.id, oil);
  return [...picked.values()];
}

/**
 * Legume-and-grain days often fall short of the 20 % fat floor; a drizzle of oil over a dish is how a cook fixes
 * that. The cheapest oil the household may have is offered as a side of at most MAX_DRIZZLE_GRAMS a day.
 */
function drizzleOil(
  foods: ReadonlyMap<string, PlanningFood>,
  filters: HardFilters,
): PlanningFood | undefined {
  return [...foods.values()]
    .filter(
      (entry) => entry.food.group === 'fat_oil' && entry.perGram.fatG > 0.95 && foodFits(entry.food, filters),
    )
    .sort((a, b) => a.pricePerGram - b.pricePerGram || a.food.id.localeCompare(b.food.id))[0];
}

/** About a tablespoon and a half. */
export const MAX_DRIZZLE_GRAMS = 20;
const MAX_SIDE_GRAMS = 250;

/** How much of a side one member may have in a day. */
export function maxSideGrams(side: PlanningFood): number {
  return side.pantry ? MAX_DRIZZLE_GRAMS : MAX_SIDE_GRAMS;
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
