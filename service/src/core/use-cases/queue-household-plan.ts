import { householdMessagesFor } from '../conversation/household/household-messages.ts';
import type { HouseholdPlanEffect } from '../conversation/household/household-plan-effect.ts';
import type { Locale, User } from '../domain/user.ts';
import type { JobQueue } from '../ports/job-queue.port.ts';
import { joinedMembers, withJoinedMembers } from './household-plan-members.ts';
import { type PlanForUserDeps, planForUser } from './plan-for-user.ts';

/**
 * A household plan takes longer than a webhook should wait: it is queued (ids only; the job rebuilds the request
 * from the profile) and answered "working on it", and `deliverHouseholdPlan` sends the plan when it is ready.
 * The plan id is made here so the job is idempotent. Without a queue the plan is made inline.
 */
export async function queueHouseholdPlan(
  deps: PlanForUserDeps & { jobs?: JobQueue },
  user: User,
  effect: HouseholdPlanEffect,
  locale: Locale,
): Promise<string[]> {
  if (!deps.jobs) {
    const request = withJoinedMembers(effect.request, await joinedMembers(deps, user.id));
    return [await planForUser(deps, user, request, locale), ...effect.notes];
  }
  const planId = deps.ids.next();
  await deps.jobs.enqueue({ type: 'household_plan', planId, userId: user.id });
  deps.logger.info('household_plan_queued', { userId: user.id, members: effect.request.members.length });
  return [householdMessagesFor(locale).working(), ...effect.notes];
}
