import type { PlanRequest } from '../../planning/plan-request.ts';

/**
 * A plan for a household of more than one: the use case queues it and answers "working on it" followed by `notes`
 * (household changed, members estimated or left out); the plan is delivered through the messenger when ready.
 * `request` is used only where no queue is wired (then the plan is made inline).
 */
export interface HouseholdPlanEffect {
  kind: 'plan_household';
  request: PlanRequest;
  notes: string[];
}
