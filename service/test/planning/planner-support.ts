import { composePlanner } from '../../src/composition/planner.ts';
import { checkPlan, type PlanCheck } from '../../src/core/planning/plan-check.ts';
import {
  type PlanRequest,
  type PlanRequestInput,
  planRequestSchema,
} from '../../src/core/planning/plan-request.ts';
import type { PlanResult } from '../../src/core/planning/plan-result.ts';

/** The real planner (product data + HiGHS), built once per test file. */
export const planner = composePlanner();

export interface CheckedPlan {
  request: PlanRequest;
  plan: PlanResult;
  check: PlanCheck;
  ms: number;
}

/** Plans a profile with the real planner and audits the result with the independent checker. */
export async function planAndCheck(input: PlanRequestInput): Promise<CheckedPlan> {
  const request = planRequestSchema.parse(input);
  const started = performance.now();
  const plan = await planner.planWeek(request);
  const ms = Math.round(performance.now() - started);
  return { request, plan, check: checkPlan(request, plan, planner), ms };
}

/** One line a failing assertion can show: status, cost, reason and the first violations. */
export function summary({ plan, check, ms }: CheckedPlan): string {
  const violations = check.violations
    .slice(0, 8)
    .map((v) => `${v.code}${v.day ? ` d${v.day}` : ''}${v.member ? ` ${v.member}` : ''}: ${v.detail}`);
  return [
    `${plan.status} in ${ms} ms, cost ${plan.cost.total} of ${plan.cost.budget}: ${plan.reason}`,
    ...violations,
    check.violations.length > 8 ? `… ${check.violations.length - 8} more` : '',
  ]
    .filter((line) => line !== '')
    .join('\n  ');
}

export const isPlanned = (plan: PlanResult) => plan.status === 'optimal' || plan.status === 'feasible';
