import type { PlanRequest } from '../planning/plan-request.ts';
import type { PlanResult } from '../planning/plan-result.ts';

/** The meal planner as the conversation reaches it (the HiGHS planner locally and on AWS). */
export interface MealPlanner {
  planWeek(request: PlanRequest): Promise<PlanResult>;
}
