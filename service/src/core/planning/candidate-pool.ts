import type { Slot } from './plan-request.ts';
import type { PlanningFood, PlanningRecipe } from './planning-inputs.ts';

export interface PoolOptions {
  /** How many of the cheapest recipes per kcal to keep. */
  cheapest: number;
  /** How many of the most protein-dense and the most fibre-dense recipes to add, so targets stay reachable. */
  dense: number;
}

/**
 * Prunes a slot's recipes before the day MILP: the cheapest per kcal at today's marginal prices (food already
 * bought this week is free), plus the densest in protein and in fibre. Small pools keep each day's solve fast;
 * the dense picks keep protein and fibre targets within reach.
 */
export function candidatePool(
  recipes: readonly PlanningRecipe[],
  foods: ReadonlyMap<string, PlanningFood>,
  leftovers: ReadonlyMap<string, number>,
  options: PoolOptions,
): PlanningRecipe[] {
  const scored = recipes.map((recipe) => ({
    recipe,
    cost: marginalCost(recipe, foods, leftovers) / recipe.perServing.kcal,
  }));
  const picked = new Map<string, PlanningRecipe>();
  const take = (list: typeof scored, n: number) => {
    for (const entry of list.slice(0, n)) picked.set(entry.recipe.id, entry.recipe);
  };
  take(
    [...scored].sort((a, b) => a.cost - b.cost || a.recipe.id.localeCompare(b.recipe.id)),
    options.cheapest,
  );
  const density = (key: 'proteinG' | 'fiberG') => (entry: (typeof scored)[number]) =>
    entry.recipe.perServing[key] / entry.recipe.perServing.kcal;
  const byProtein = density('proteinG');
  const byFiber = density('fiberG');
  take(
    [...scored].sort((a, b) => byProtein(b) - byProtein(a) || a.cost - b.cost),
    options.dense,
  );
  take(
    [...scored].sort((a, b) => byFiber(b) - byFiber(a) || a.cost - b.cost),
    options.dense,
  );
  return [...picked.values()];
}

/** Cost of one serving at marginal prices: grams covered by leftovers cost nothing. */
export function marginalCost(
  recipe: PlanningRecipe,
  foods: ReadonlyMap<string, PlanningFood>,
  leftovers: ReadonlyMap<string, number>,
): number {
  let cost = 0;
  for (const ingredient of recipe.ingredients) {
    const food = foods.get(ingredient.foodId);
    if (!food) continue;
    const paid = Math.max(0, ingredient.grams - (leftovers.get(ingredient.foodId) ?? 0));
    cost += paid * food.pricePerGram;
  }
  return cost;
}

/** The plan's first five days are weekdays (Monday to Friday), where the prep-time limit applies. */
export const WEEKDAYS = 5;

export function isWeekday(dayIndex: number): boolean {
  return dayIndex < WEEKDAYS;
}

/** Recipes usable in a slot on a given day: listed for the slot, quick enough on weekdays, not worn out. */
export function slotRecipes(
  recipes: readonly PlanningRecipe[],
  slot: Slot,
  rules: { weekday: boolean; maxPrepMinutesWeekday: number; exclude: ReadonlySet<string> },
): PlanningRecipe[] {
  return recipes.filter(
    (recipe) =>
      recipe.slots.includes(slot) &&
      !rules.exclude.has(recipe.id) &&
      (!rules.weekday || recipe.prepMinutes <= rules.maxPrepMinutesWeekday),
  );
}
