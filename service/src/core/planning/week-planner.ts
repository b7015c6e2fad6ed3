import type { LpSolver } from '../ports/lp-solver.port.ts';
import { isWeekday, marginalCost, slotRecipes } from './candidate-pool.ts';
import { buildDayModel, type DayPlan } from './day-model.ts';
import { SLOTS, type Slot } from './plan-request.ts';
import type { MemberPlanTargets, PlanningFood, PlanningRecipe } from './planning-inputs.ts';
import { freeGrams, weekCost } from './purchases.ts';
import { FULL_POOL_LIMITS, POLISH_LIMITS, type SolveLimits } from './solve-limits.ts';
import { buildWeekModel } from './week-model.ts';
import {
  type Combination,
  dayContext,
  dayOptions,
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
  /** Limits of each day's solve over a few combinations (the every-recipe fallback has its own). */
  dayLimits: SolveLimits;
}

export type { DayPlan as PlannedWeekDay } from './day-model.ts';

export type WeekOutcome =
  | { ok: true; days: DayPlan[]; cost: number; gap: number; proven: boolean }
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
  const days: DayPlan[] = [];
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

/** How many extra cheap recipes per slot the whole-week polish may bring in. */
const POLISH_EXTRA = 2;

/**
 * Re-solves the week as one MILP over a small candidate set — every recipe the plan already uses in that slot, the
 * recipes the LP bound favours, and the cheapest few — started from the plan itself, so HiGHS can only return the
 * same week or a cheaper one. Used when the day-by-day plan is over budget.
 */
export async function polishWeek(
  input: WeekInput,
  days: readonly DayPlan[],
  extra = POLISH_EXTRA,
): Promise<DayPlan[]> {
  const candidates = days.map((_, index) => {
    const bySlot = new Map<Slot, PlanningRecipe[]>();
    for (const slot of SLOTS) {
      const allowed = slotRecipes(input.recipes, slot, {
        weekday: isWeekday(index),
        maxPrepMinutesWeekday: input.maxPrepMinutesWeekday,
        exclude: new Set(),
      });
      const used = new Set(
        days.flatMap((day) => day.meals.filter((meal) => meal.slot === slot).map((meal) => meal.recipe.id)),
      );
      const cheapest = [...allowed]
        .sort(
          (a, b) =>
            marginalCost(a, input.foods, new Map()) / a.perServing.kcal -
            marginalCost(b, input.foods, new Map()) / b.perServing.kcal,
        )
        .slice(0, extra)
        .map((recipe) => recipe.id);
      const keep = new Set([...used, ...cheapest, ...input.preferred]);
      bySlot.set(
        slot,
        allowed.filter((recipe) => keep.has(recipe.id)),
      );
    }
    return bySlot;
  });
  const week = buildWeekModel({ members: input.members, candidates, sides: input.sides, foods: input.foods });
  const solution = await input.solver.solve(week.model, {
    ...POLISH_LIMITS,
    mipRelativeGap: 0.01,
    initial: week.encode(days),
  });
  if (solution.status !== 'optimal' && solution.status !== 'feasible') return [...days];
  const polished = week.decode(solution);
  return weekCost(weekGrams(polished), input.foods) < weekCost(weekGrams(days), input.foods) - 0.005
    ? polished
    : [...days];
}

async function settleDay(
  input: WeekInput,
  combinations: (Combination | undefined)[],
  index: number,
  free: ReadonlyMap<string, number>,
): Promise<{ day: DayPlan; gap: number; proven: boolean } | undefined> {
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
  for (const [attempt, candidates] of attempts.entries()) {
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
    const last = attempt === attempts.length - 1;
    const solution = await input.solver.solve(dayModel.model, {
      // Every eligible recipe makes a large model: take its best feasible day within its own limits.
      ...(last ? FULL_POOL_LIMITS : input.dayLimits),
      mipRelativeGap: 0.02,
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
export function weekGrams(days: readonly DayPlan[]): Map<string, number> {
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
