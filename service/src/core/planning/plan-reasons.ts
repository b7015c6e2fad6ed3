export { money } from './money.ts';

import type { HardFilters } from '../nutrition/food-filter.ts';
import type { LpSolver } from '../ports/lp-solver.port.ts';
import { CONSTRAINT_FAMILIES } from './member-rows.ts';
import { filtersOf, type PlanWhy } from './plan-why.ts';
import { buildWeekBoundModel, type WeekBoundInput } from './week-bound.ts';

/**
 * Names the constraint that makes a household infeasible: the whole-week LP is re-solved without the weekday prep
 * limit, then with one family of constraints left out at a time; the first whose removal makes it feasible is the
 * one that binds.
 */
export async function infeasibilityReason(
  input: WeekBoundInput,
  solver: LpSolver,
  hardFilters: HardFilters,
): Promise<PlanWhy> {
  const filters = filtersOf(hardFilters);
  const unhurried = await solver.solve(buildWeekBoundModel({ ...input, maxPrepMinutesWeekday: Infinity }), {
    relax: true,
  });
  if (unhurried.status === 'optimal') {
    return { kind: 'prep_time', minutes: input.maxPrepMinutesWeekday, filters };
  }
  for (const family of CONSTRAINT_FAMILIES) {
    const relaxed = await solver.solve(buildWeekBoundModel({ ...input, relaxed: new Set([family]) }), {
      relax: true,
    });
    if (relaxed.status === 'optimal') {
      return { kind: 'nutrient_family', family, filters };
    }
  }
  return { kind: 'no_combination', filters };
}
