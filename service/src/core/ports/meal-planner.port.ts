import type { ExclusionResult } from '../planning/exclude-from-plan.ts';
import type { PlanRequest, Slot } from '../planning/plan-request.ts';
import type { PlanResult } from '../planning/plan-result.ts';

export type { ExclusionResult } from '../planning/exclude-from-plan.ts';

/** The meal planner as the conversation reaches it (the HiGHS planner locally and on AWS). */
export interface MealPlanner {
  planWeek(request: PlanRequest): Promise<PlanResult>;
  /** Another recipe for one slot of one day (day 1 is the plan's first), with every other meal of the week kept. */
  swapMeal(request: PlanRequest, plan: PlanResult, target: { day: number; slot: Slot }): Promise<PlanResult>;
  /** Adds dislikes to the request and replaces only the meals they now rule out ("no fish this week"). */
  excludeFoods(request: PlanRequest, plan: PlanResult, dislikes: readonly string[]): Promise<ExclusionResult>;
}
