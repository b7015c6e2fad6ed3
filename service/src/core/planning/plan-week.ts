import type { FoodDatabase } from '../nutrition/food-database.ts';
import type { HardFilters } from '../nutrition/food-filter.ts';
import type { LinearModel, LpSolver } from '../ports/lp-solver.port.ts';
import { buildGroceryList, groceryTotal } from './grocery-list.ts';
import { memberTargets } from './member-targets.ts';
import { gramsByFood, toPlannedDays } from './plan-output.ts';
import { describeFilters, infeasibilityReason, money } from './plan-reasons.ts';
import { type PlanRequest, SLOTS } from './plan-request.ts';
import type { PlanResult } from './plan-result.ts';
import { allowedSides, planningFoods, shortfallPrices, sideFoods } from './planning-foods.ts';
import type { PlanningFood, RecipeSource } from './planning-inputs.ts';
import { weekCost } from './purchases.ts';
import { buildWeekBoundModel } from './week-bound.ts';
import { planWeekDays, polishWeek, type WeekInput, weekGrams } from './week-planner.ts';

export interface PlannerDeps {
  foods: FoodDatabase;
  recipes: RecipeSource;
  solver: LpSolver;
  /** Milliseconds, for `solver.ms`. */
  now: () => number;
}

/** Each day's MILP over a few combinations stops here with its best day and gap (the every-recipe fallback has its own). */
const DAY_TIME_LIMIT_SECONDS = 0.3;

/**
 * A week of meals for the household: targets per member, hard filters, the whole-week LP bound, then the
 * day-by-day MILP search, repaired for budget when needed. Infeasible plans come back with a plain reason.
 */
export async function planWeek(request: PlanRequest, deps: PlannerDeps): Promise<PlanResult> {
  const started = deps.now();
  const targets = memberTargets(request);
  const budget = Math.round(((request.budget.amount * request.days) / 7) * 100) / 100;
  const empty = (reason: string, members: PlanResult['members'] = []): PlanResult => ({
    status: 'infeasible',
    reason,
    members,
    days: [],
    groceryList: [],
    cost: { total: 0, currency: 'USD', budget },
    solver: { ms: Math.round(deps.now() - started), gap: null, lpBound: null },
    notes: [],
  });
  if (!targets.ok) return empty(targets.reason);
  const members = targets.members;
  const membersOut = members.map((member) => ({ name: member.name, targets: member.reported }));

  const filters: HardFilters = {
    diet: request.diet,
    allergies: request.allergies,
    dislikes: request.dislikes,
  };
  const foods = planningFoods(deps.foods);
  const recipes = deps.recipes.eligible(filters);
  for (const slot of SLOTS) {
    if (!recipes.some((recipe) => recipe.slots.includes(slot))) {
      return empty(`No ${slot} recipe fits ${describeFilters(filters)}.`, membersOut);
    }
  }
  const input: WeekInput = {
    members,
    recipes,
    sides: sideFoods(foods, filters),
    sideCandidates: new Set(allowedSides(foods, filters).map((side) => side.food.id)),
    shortfallPrices: shortfallPrices(allowedSides(foods, filters)),
    preferred: new Set(),
    foods,
    days: request.days,
    maxPrepMinutesWeekday: request.maxPrepMinutesWeekday,
    solver: deps.solver,
    timeLimitSeconds: DAY_TIME_LIMIT_SECONDS,
  };

  const boundModel = buildWeekBoundModel(input);
  const bound = await deps.solver.solve(boundModel, { relax: true });
  if (bound.status === 'infeasible') {
    return empty(await infeasibilityReason(input, deps.solver, describeFilters(filters)), membersOut);
  }
  const lpBound = bound.status === 'optimal' ? bound.objective : null;
  if (lpBound !== null && lpBound > budget) {
    return {
      ...empty(
        `A plan that meets everyone's needs costs at least ${money(lpBound)} for ${request.days} days; your budget is ${money(budget)}.`,
        membersOut,
      ),
      solver: { ms: Math.round(deps.now() - started), gap: null, lpBound: round2(lpBound) },
    };
  }

  const best = await planWeekDays({ ...input, preferred: usedRecipes(boundModel, bound.values) });
  if (!best.ok) {
    return empty(`I couldn't fit a day's meals to everyone's targets (day ${best.day}).`, membersOut);
  }
  const memberNames = members.map((member) => member.name);
  const weekInput = { ...input, preferred: usedRecipes(boundModel, bound.values) };
  // Over budget: let HiGHS trade recipes between days over the whole week, widening the choice each round.
  let chosen = best.days;
  for (let round = 1; round <= POLISH_ROUNDS && weekCost(weekGrams(chosen), foods) > budget; round++) {
    const polished = await polishWeek(weekInput, chosen, 2 * round);
    if (polished === chosen) break;
    chosen = polished;
  }
  const days = toPlannedDays(chosen, memberNames, foods);
  const groceryList = buildGroceryList(gramsByFood(days), deps.foods);
  const total = groceryTotal(groceryList);
  const withinBudget = total <= budget + 1e-9;
  const gap = lpBound !== null && lpBound > 0 ? round4(total / lpBound - 1) : null;
  return {
    // `optimal` only when the plan is proven within the solver tolerance of the LP bound; a decomposed search that
    // is not is `feasible`, with its gap.
    status: !withinBudget
      ? 'infeasible'
      : best.proven && gap !== null && gap <= OPTIMAL_GAP
        ? 'optimal'
        : 'feasible',
    reason: withinBudget
      ? `Plan costs ${money(total)} of your ${money(budget)} budget.`
      : `The cheapest plan that meets everyone's needs costs ${money(total)}; your budget is ${money(budget)}.`,
    members: membersOut,
    days: withinBudget ? days : [],
    groceryList: withinBudget ? groceryList : [],
    cost: { total: withinBudget ? total : round2(total), currency: 'USD', budget },
    solver: { ms: Math.round(deps.now() - started), gap, lpBound: lpBound === null ? null : round2(lpBound) },
    notes: withinBudget ? PLAN_NOTES : [],
  };
}

/** Whole-week polishing rounds when the day-by-day plan is over budget (each up to a couple of seconds). */
const POLISH_ROUNDS = 3;

const PLAN_NOTES = [
  'Prices are estimates; pantry staples (spices, oils, condiments) are costed by the amount used.',
  'Check labels for "may contain" warnings: a plan is never guaranteed allergen-free.',
];
/** Relative distance to the LP bound under which a plan counts as proven optimal (the MILP gap tolerance). */
const OPTIMAL_GAP = 0.005;

/** Recipe ids whose choice variable is clearly positive in the LP optimum (names are `y:<class>:<slot>:<id>`). */
function usedRecipes(model: LinearModel, values: readonly number[]): Set<string> {
  const used = new Set<string>();
  model.variables.forEach((variable, index) => {
    if (variable.name.startsWith('y:') && (values[index] ?? 0) > 0.05)
      used.add(variable.name.split(':')[3] ?? '');
  });
  return used;
}

const round2 = (value: number) => Math.round(value * 100) / 100;
const round4 = (value: number) => Math.round(value * 10_000) / 10_000;
