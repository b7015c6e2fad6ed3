import { candidatePool, isWeekday, slotRecipes } from './candidate-pool.ts';
import {
  bestCombinations,
  nominalServings,
  type ScoredCombination,
  type ShortfallPrices,
} from './day-search.ts';
import { SLOTS, type Slot } from './plan-request.ts';
import type { MemberPlanTargets, PlanningFood, PlanningRecipe } from './planning-inputs.ts';
import { freeGrams, weekCost } from './purchases.ts';

/** A recipe at most twice a week; a second use costs a little so variety wins ties. */
export const MAX_USES_PER_WEEK = 2;
const REPEAT_PENALTY = 0.4;
/**
 * Recipes per slot kept for enumeration: the cheapest at today's marginal prices and the densest in protein and in
 * fibre, plus every recipe the LP bound uses. Measured on the bench profiles, wider pools cost several times the
 * time for plans within a few percent of the same cost.
 */
const POOL = { cheapest: 3, dense: 1 };
const SWEEPS = 2;
/** Foods with the most money left in opened packages that the repair tries to do without. */
const WASTE_REPAIRS = 6;
const REPAIR_ROUNDS = 2;

export type Combination = Record<Slot, PlanningRecipe>;

export interface SearchInput {
  members: readonly MemberPlanTargets[];
  recipes: readonly PlanningRecipe[];
  foods: ReadonlyMap<string, PlanningFood>;
  days: number;
  maxPrepMinutesWeekday: number;
  /** Recipes the LP bound's optimum uses (added to every pool). */
  preferred: ReadonlySet<string>;
  /** What making up a shortfall with sides costs (see shortfallPrices in planning-foods.ts). */
  shortfallPrices: ShortfallPrices;
}

export type DayOptions = { ok: true; best: ScoredCombination[] } | { ok: false; slot: Slot };

/**
 * Chooses the week's recipes by enumeration and local search, all on nominal portions: a first pass day by day
 * (food opened on earlier days is free later), sweeps that re-choose each day against all the others (coordinate
 * descent on the week's package cost), then a waste repair that tries to do without each food whose opened
 * packages are mostly wasted. The exact MILP then settles each day's portions and sides.
 */
export function searchWeek(
  input: SearchInput,
): { ok: true; days: Combination[] } | { ok: false; day: number; slot: Slot } {
  const days: (Combination | undefined)[] = Array.from({ length: input.days }, () => undefined);
  for (let index = 0; index < input.days; index++) {
    const options = dayOptions(input, days, index, new Set(), 1);
    if (!options.ok) return { ok: false, day: index + 1, slot: options.slot };
    days[index] = options.best[0]?.recipes;
  }
  let cost = nominalCost(input, days);
  const improve = (index: number, banned: ReadonlySet<string>): boolean => {
    const options = dayOptions(input, days, index, banned, 1);
    const candidate = options.ok ? options.best[0]?.recipes : undefined;
    if (!candidate) return false;
    const previous = days[index];
    days[index] = candidate;
    const next = nominalCost(input, days);
    if (next < cost - 0.005) {
      cost = next;
      return true;
    }
    days[index] = previous;
    return false;
  };
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    let improved = false;
    for (let index = 0; index < input.days; index++) improved = improve(index, new Set()) || improved;
    if (!improved) break;
  }
  for (let round = 0; round < REPAIR_ROUNDS; round++) {
    const before = cost;
    for (const foodId of wastedFoods(input, days).slice(0, WASTE_REPAIRS)) {
      repairWaste(
        input,
        days,
        foodId,
        () => cost,
        (c) => {
          cost = c;
        },
      );
    }
    for (let index = 0; index < input.days; index++) improve(index, new Set());
    if (cost > before - 0.005) break;
  }
  return { ok: true, days: days.filter((day): day is Combination => day !== undefined) };
}

/** Re-chooses every day that uses the food without it; keeps the change only if the week gets cheaper. */
function repairWaste(
  input: SearchInput,
  days: (Combination | undefined)[],
  foodId: string,
  getCost: () => number,
  setCost: (cost: number) => void,
): void {
  const before = [...days];
  const banned = new Set([foodId]);
  for (let index = 0; index < days.length; index++) {
    const day = days[index];
    if (!day || !SLOTS.some((slot) => day[slot].ingredients.some((i) => i.foodId === foodId))) continue;
    const options = dayOptions(input, days, index, banned, 1);
    const candidate = options.ok ? options.best[0]?.recipes : undefined;
    if (!candidate) return void days.splice(0, days.length, ...before);
    days[index] = candidate;
  }
  const cost = nominalCost(input, days);
  if (cost < getCost() - 0.005) setCost(cost);
  else days.splice(0, days.length, ...before);
}

/** What the rest of the week means for one day: free leftovers, recipes worn out, the neighbours' dinners. */
export interface DayContext {
  free: Map<string, number>;
  uses: Map<string, number>;
  eligible: Map<Slot, PlanningRecipe[]>;
}

export function dayContext(
  input: SearchInput,
  days: readonly (Combination | undefined)[],
  index: number,
  banned: ReadonlySet<string>,
): { ok: true; context: DayContext } | { ok: false; slot: Slot } {
  const others = days.map((day, i) => (i === index ? undefined : day));
  const free = freeGrams(nominalGrams(input, others), input.foods);
  const uses = new Map<string, number>();
  for (const day of others)
    for (const slot of SLOTS) if (day) uses.set(day[slot].id, (uses.get(day[slot].id) ?? 0) + 1);
  const worn = new Set([...uses].filter(([, count]) => count >= MAX_USES_PER_WEEK).map(([id]) => id));
  const neighbourDinners = [days[index - 1]?.dinner.id, days[index + 1]?.dinner.id].filter(
    (id): id is string => id !== undefined,
  );
  const eligible = new Map<Slot, PlanningRecipe[]>();
  for (const slot of SLOTS) {
    const exclude = slot === 'dinner' ? new Set([...worn, ...neighbourDinners]) : worn;
    const recipes = slotRecipes(input.recipes, slot, {
      weekday: isWeekday(index),
      maxPrepMinutesWeekday: input.maxPrepMinutesWeekday,
      exclude,
    }).filter((recipe) => !recipe.ingredients.some((ingredient) => banned.has(ingredient.foodId)));
    if (recipes.length === 0) return { ok: false, slot };
    eligible.set(slot, recipes);
  }
  return { ok: true, context: { free, uses, eligible } };
}

/** The best few combinations for one day, given every other day (variety rules and free leftovers). */
export function dayOptions(
  input: SearchInput,
  days: readonly (Combination | undefined)[],
  index: number,
  banned: ReadonlySet<string>,
  keep: number,
): DayOptions {
  const found = dayContext(input, days, index, banned);
  if (!found.ok) return found;
  const { free, uses, eligible } = found.context;
  const pools = new Map<Slot, PlanningRecipe[]>();
  for (const [slot, recipes] of eligible) {
    const pool = candidatePool(recipes, input.foods, free, POOL);
    // Recipes the whole-week LP relaxation uses are cheap and balanced: always worth enumerating.
    for (const recipe of recipes)
      if (input.preferred.has(recipe.id) && !pool.includes(recipe)) pool.push(recipe);
    pools.set(slot, pool);
  }
  const penalties = new Map([...uses].map(([id]) => [id, REPEAT_PENALTY]));
  return {
    ok: true,
    best: bestCombinations(pools, input.members, input.foods, free, penalties, input.shortfallPrices, keep),
  };
}

/** Grams per food of the given days at nominal portions. */
export function nominalGrams(
  input: SearchInput,
  days: readonly (Combination | undefined)[],
): Map<string, number> {
  const grams = new Map<string, number>();
  for (const day of days) {
    if (!day) continue;
    for (const slot of SLOTS) {
      const recipe = day[slot];
      const servings = input.members.reduce((sum, member) => sum + nominalServings(recipe, slot, member), 0);
      for (const ingredient of recipe.ingredients) {
        grams.set(ingredient.foodId, (grams.get(ingredient.foodId) ?? 0) + ingredient.grams * servings);
      }
    }
  }
  return grams;
}

function nominalCost(input: SearchInput, days: readonly (Combination | undefined)[]): number {
  return weekCost(nominalGrams(input, days), input.foods);
}

/** Non-pantry foods by the money left unused in their opened packages, most first. */
function wastedFoods(input: SearchInput, days: readonly (Combination | undefined)[]): string[] {
  const free = freeGrams(nominalGrams(input, days), input.foods);
  return [...free]
    .map(([foodId, grams]) => ({ foodId, waste: grams * (input.foods.get(foodId)?.pricePerGram ?? 0) }))
    .sort((a, b) => b.waste - a.waste || a.foodId.localeCompare(b.foodId))
    .map((entry) => entry.foodId);
}
