import type { LinearModel } from '../ports/lp-solver.port.ts';
import { assemblePlan } from './plan-assembly.ts';
import { infeasiblePlan, type PlannerDeps, planContext } from './plan-context.ts';
import { infeasibilityReason } from './plan-reasons.ts';
import type { PlanRequest } from './plan-request.ts';
import type { PlanResult } from './plan-result.ts';
import { weekCost } from './purchases.ts';
import { buildWeekBoundModel } from './week-bound.ts';
import { planWeekDays, polishWeek, weekGrams } from './week-planner.ts';

export type { PlannerDeps } from './plan-context.ts';

/** Whole-week polishing rounds when the day-by-day plan is over budget (each up to a couple of seconds). */
const POLISH_ROUNDS = 3;

/**
 * A week of meals for the household: targets per member, hard filters, the whole-week LP bound, the day-by-day
 * search settled by exact MILPs, and a whole-week polish when that is over budget. Infeasible plans come back with
 * a plain reason naming what binds.
 */
export async function planWeek(request: PlanRequest, deps: PlannerDeps): Promise<PlanResult> {
  const started = deps.now();
  const elapsed = () => deps.now() - started;
  const context = planContext(request, deps);
  if (!context.ok) return infeasiblePlan(context.why, context, elapsed());
  const { input, filters, budget } = context;

  const boundModel = buildWeekBoundModel(input);
  const bound = await deps.solver.solve(boundModel, { relax: true });
  if (bound.status === 'infeasible') {
    return infeasiblePlan(await infeasibilityReason(input, deps.solver, filters), context, elapsed());
  }
  const lpBound = bound.status === 'optimal' ? bound.objective : null;
  if (lpBound !== null && lpBound > budget) {
    const minCost = Math.round(lpBound * 100) / 100;
    const why = { kind: 'budget_bound', minCost, budget, days: request.days } as const;
    return infeasiblePlan(why, context, elapsed(), minCost);
  }

  const weekInput = { ...input, preferred: usedRecipes(boundModel, bound.values) };
  const best = await planWeekDays(weekInput);
  if (!best.ok) {
    return infeasiblePlan({ kind: 'day_unsolved', day: best.day }, context, elapsed());
  }
  // Over budget: let HiGHS trade recipes between days over the whole week, widening the choice each round.
  let chosen = best.days;
  for (let round = 1; round <= POLISH_ROUNDS && weekCost(weekGrams(chosen), input.foods) > budget; round++) {
    const polished = await polishWeek(weekInput, chosen, 2 * round);
    if (polished === chosen) break;
    chosen = polished;
  }
  return assemblePlan(
    { days: chosen, members: context.members, budget, lpBound, proven: best.proven, ms: elapsed() },
    input.foods,
    deps.foods,
  );
}

/** Recipe ids whose choice variable is clearly positive in the LP optimum (names are `y:<class>:<slot>:<id>`). */
function usedRecipes(model: LinearModel, values: readonly number[]): Set<string> {
  const used = new Set<string>();
  model.variables.forEach((variable, index) => {
    if (variable.name.startsWith('y:') && (values[index] ?? 0) > 0.05)
      used.add(variable.name.split(':')[3] ?? '');
  });
  return used;
}
