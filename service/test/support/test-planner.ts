import { composePlanner, type Planner } from '../../src/composition/planner.ts';
import type { MealPlanner } from '../../src/core/ports/meal-planner.port.ts';

let planner: Planner | undefined;

/** The real planner (HiGHS and the real data), built once per test file on first use. */
export const testPlanner: MealPlanner = {
  planWeek: (request) => {
    planner ??= composePlanner();
    return planner.planWeek(request);
  },
  swapMeal: (request, plan, target) => {
    planner ??= composePlanner();
    return planner.swapMeal(request, plan, target);
  },
  excludeFoods: (request, plan, dislikes) => {
    planner ??= composePlanner();
    return planner.excludeFoods(request, plan, dislikes);
  },
};

/** Deterministic plan-link tokens in the link format (22+ base64url characters). */
export function sequentialTokens() {
  let n = 0;
  return { next: () => `token${String(++n).padStart(17, '0')}` };
}
