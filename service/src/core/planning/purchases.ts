import type { PlanningFood } from './planning-inputs.ts';

/** Tolerance so 1000.0000001 g of a 1000 g package is one package, not two. */
const PACKAGE_EPSILON = 1e-6;

export function packagesFor(food: PlanningFood, grams: number): number {
  return grams <= 0 ? 0 : Math.ceil(grams / food.packageGrams - PACKAGE_EPSILON);
}

/** Whole packages at their price, pantry staples by the grams used. */
export function weekCost(
  grams: ReadonlyMap<string, number>,
  foods: ReadonlyMap<string, PlanningFood>,
): number {
  let total = 0;
  for (const [foodId, used] of grams) {
    const food = foods.get(foodId);
    if (!food) continue;
    total += food.pantry ? used * food.pricePerGram : packagesFor(food, used) * food.pricePerPackage;
  }
  return total;
}

/** Grams left in the packages bought for `grams`: what another day may use for free. */
export function freeGrams(
  grams: ReadonlyMap<string, number>,
  foods: ReadonlyMap<string, PlanningFood>,
): Map<string, number> {
  const free = new Map<string, number>();
  for (const [foodId, used] of grams) {
    const food = foods.get(foodId);
    if (!food || food.pantry) continue;
    const left = packagesFor(food, used) * food.packageGrams - used;
    if (left > 1e-6) free.set(foodId, left);
  }
  return free;
}
