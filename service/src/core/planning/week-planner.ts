import type { LpSolver } from '../ports/lp-solver.port.ts';
import { buildDayModel, type ChosenMeal, type ChosenSide } from './day-model.ts';
import { SLOTS, type Slot } from './plan-request.ts';
import type { MemberPlanTargets, PlanningFood, PlanningRecipe } from './planning-inputs.ts';
import { freeGrams, weekCost } from './purchases.ts';
import {
  type Combination,
  dayContext,
  dayOptions,
  MAX_USES_PER_WEEK,
  nominalGrams,
  type SearchInput,
  searchWeek,
} from './week-search.ts';

const REPEAT_PENALTY = 0.4;
/** Combinations per day whose recipes the exact MILP may choose among; more if those cannot be made to fit. */
const SETTLE_COMBINATIONS = [0, 3, 12];

export interface WeekInput extends SearchInput {
  members: readonly MemberPlanTargets[];
  recipes: readonly PlanningRecipe[];
  sides: readonly PlanningFood[];
  /** Every food that may be a side for this household (sideOk and passing the hard filters). */
  sideCandidates: ReadonlySet<string>;
  foods: ReadonlyMap<string, PlanningFood>;
  days: number;
  maxPrepMinutesWeekday: number;
  solver: LpSolver;
  timeLimitSeconds: number;
}

export interface PlannedWeekDay {
  meals: ChosenMeal[];
  sides: ChosenSide[];
}

export type WeekOutcome =
  | { ok: true; days: PlannedWeekDay[]; cost: number; gap: number; proven: boolean }
  | { ok: false; day: number; slot?: Slot; reason: 'no_recipes' | 'no_solution' };

/**
 * The week in two stages: a fast search chooses the recipes (week-search.ts), then each day is settled by an exact
 * MILP (HiGHS) over the recipes of that day's best combinations: quarter-serving portions per member, sides in
 * grams, every member inside the energy window, AMDR, protein, sodium and fibre limits, whole packages beyond
 * what the rest of the week leaves free.
 */
export async function planWeekDays(input: WeekInput): Promise<WeekOutcome> {
  const search = searchWeek(input);
  if (!search.ok) return { ok: false, day: search.day, slot: search.slot, reason: 'no_recipes' };
  const combinations: (Combination | undefined)[] = [...search.days];
  const days: PlannedWeekDay[] = [];
  let gap = 0;
  let proven = true;
  for (let index = 0; index < input.days; index++) {
    // What the rest of the week buys: settled days exactly (sides included), later days at nominal portions.
    const later = combinations.map((day, i) => (i > index ? day : undefined));
    const others = addGrams(weekGrams(days), nominalGrams(input, later));
    const settled = await settleDay(input, combinations, index, freeGrams(others, input.foods));
    if (!settled) return { ok: false, day: index + 1, reason: 'no_solution' };
    days.push(settled.day);
    gap = Math.max(gap, settled.gap);
    proven &&= settled.proven;
  }
  return { ok: true, days, cost: weekCost(weekGrams(days), input.foods), gap, proven };
}

async function settleDay(
  input: WeekInput,
  combinations: (Combination | undefined)[],
  index: number,
  free: ReadonlyMap<string, number>,
): Promise<{ day: PlannedWeekDay; gap: number; proven: boolean } | undefined> {
  const found = dayContext(input, combinations, index, new Set());
  if (!found.ok) return undefined;
  const { uses, eligible } = found.context;
  const chosen = combinations[index];
  // First the chosen recipes alone (portions and sides only), then with the best alternatives, and as a last
  // resort every eligible recipe: slower, but it finds a day whenever one exists.
  const attempts: Map<Slot, PlanningRecipe[]>[] = [];
  for (const keep of SETTLE_COMBINATIONS) {
    const options =
      keep === 0
        ? []
        : ((dayOptions(input, combinations, index, new Set(), keep) as { best?: { recipes: Combination }[] })
            .best ?? []);
    const candidates = new Map<Slot, PlanningRecipe[]>();
    for (const slot of SLOTS) {
      const unique = new Map<string, PlanningRecipe>();
      const own = chosen?.[slot];
      if (own && eligible.get(slot)?.includes(own)) unique.set(own.id, own);
      for (const option of options) unique.set(option.recipes[slot].id, option.recipes[slot]);
      candidates.set(slot, [...unique.values()]);
    }
    attempts.push(candidates);
  }
  attempts.push(eligible);
  for (const candidates of attempts) {
    if (SLOTS.some((slot) => (candidates.get(slot) ?? []).length === 0)) continue;
    const dayModel = buildDayModel({
      members: input.members,
      candidates,
      sides: sidesFor(input, free),
      foods: input.foods,
      free,
      penalties: new Map([...uses].map(([id]) => [id, REPEAT_PENALTY])),
      packageIntegers: input.members.length <= 2,
    });
    const solution = await input.solver.solve(dayModel.model, {
      timeLimitSeconds: input.timeLimitSeconds,
      mipRelativeGap: 0.005,
    });
    if (solution.status !== 'optimal' && solution.status !== 'feasible') continue;
    const day = dayModel.decode(solution);
    combinations[index] = Object.fromEntries(
      day.meals.map((meal) => [meal.slot, meal.recipe]),
    ) as Combination;
    return { day, gap: solution.mipGap, proven: solution.status === 'optimal' };
  }
  return undefined;
}

/** The day's side candidates: the usual cheap and nutrient-dense ones, plus side foods already bought this week. */
function sidesFor(input: WeekInput, free: ReadonlyMap<string, number>): PlanningFood[] {
  const sides = new Map(input.sides.map((side) => [side.food.id, side]));
  for (const foodId of free.keys()) {
    const food = input.foods.get(foodId);
    if (food && input.sideCandidates.has(foodId)) sides.set(foodId, food);
  }
  return [...sides.values()];
}

function addGrams(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): Map<string, number> {
  const sum = new Map(a);
  for (const [foodId, grams] of b) sum.set(foodId, (sum.get(foodId) ?? 0) + grams);
  return sum;
}

/** Grams of each food the settled days use (portions × recipe grams, plus sides). */
export function weekGrams(days: readonly PlannedWeekDay[]): Map<string, number> {
  const grams = new Map<string, number>();
  const add = (foodId: string, amount: number) => grams.set(foodId, (grams.get(foodId) ?? 0) + amount);
  for (const day of days) {
    for (const meal of day.meals) {
      const servings = meal.quarters.reduce((sum, q) => sum + q, 0) / 4;
      for (const ingredient of meal.recipe.ingredients) add(ingredient.foodId, ingredient.grams * servings);
    }
    for (const side of day.sides) add(side.food.food.id, side.grams);
  }
  return grams;
}
