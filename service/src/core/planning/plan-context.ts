import { planWhyEnglish } from '../conversation/messages/plan-why-text.ts';
import type { FoodDatabase } from '../nutrition/food-database.ts';
import type { HardFilters } from '../nutrition/food-filter.ts';
import type { LpSolver } from '../ports/lp-solver.port.ts';
import { memberTargets } from './member-targets.ts';
import type { PlanRequest } from './plan-request.ts';
import { SLOTS } from './plan-request.ts';
import type { PlanResult } from './plan-result.ts';
import { filtersOf, type PlanWhy } from './plan-why.ts';
import { allowedSides, planningFoods, shortfallPrices, sideFoods } from './planning-foods.ts';
import type { RecipeSource } from './planning-inputs.ts';
import { DAY_LIMITS } from './solve-limits.ts';
import type { WeekInput } from './week-planner.ts';

export interface PlannerDeps {
  foods: FoodDatabase;
  recipes: RecipeSource;
  solver: LpSolver;
  /** Milliseconds, for `solver.ms`. */
  now: () => number;
}

export type PlanContext =
  | { ok: true; input: WeekInput; filters: HardFilters; members: PlanResult['members']; budget: number }
  | { ok: false; why: PlanWhy; members: PlanResult['members']; budget: number };

/** What planning and swapping share: member targets, hard filters applied, foods, sides and the prorated budget. */
export function planContext(request: PlanRequest, deps: PlannerDeps): PlanContext {
  const budget = Math.round(((request.budget.amount * request.days) / 7) * 100) / 100;
  const targets = memberTargets(request);
  if (!targets.ok) return { ok: false, why: targets.why, members: [], budget };
  const members = targets.members.map((member) => ({ name: member.name, targets: member.reported }));
  const filters: HardFilters = {
    diet: request.diet,
    allergies: request.allergies,
    dislikes: request.dislikes,
  };
  const foods = planningFoods(deps.foods);
  const recipes = deps.recipes.eligible(filters);
  for (const slot of SLOTS) {
    if (!recipes.some((recipe) => recipe.slots.includes(slot))) {
      return {
        ok: false,
        why: { kind: 'no_recipe_for_slot', slot, filters: filtersOf(filters) },
        members,
        budget,
      };
    }
  }
  const sides = allowedSides(foods, filters);
  return {
    ok: true,
    filters,
    members,
    budget,
    input: {
      members: targets.members,
      recipes,
      sides: sideFoods(foods, filters),
      sideCandidates: new Set(sides.map((side) => side.food.id)),
      shortfallPrices: shortfallPrices(sides),
      preferred: new Set(),
      foods,
      days: request.days,
      maxPrepMinutesWeekday: request.maxPrepMinutesWeekday,
      solver: deps.solver,
      dayLimits: DAY_LIMITS,
    },
  };
}

/** A plan that could not be made, with why as data and in plain English. */
export function infeasiblePlan(
  why: PlanWhy,
  context: Pick<PlanContext, 'members' | 'budget'>,
  ms: number,
  lpBound: number | null = null,
): PlanResult {
  return {
    status: 'infeasible',
    reason: planWhyEnglish(why),
    why,
    members: context.members,
    days: [],
    groceryList: [],
    cost: { total: 0, currency: 'USD', budget: context.budget },
    solver: { ms: Math.round(ms), gap: null, lpBound },
    notes: [],
  };
}
