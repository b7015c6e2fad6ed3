import { messagesFor } from '../conversation/messages/index.ts';
import { planReasonText } from '../conversation/messages/plan-why-text.ts';
import { PLAN_LINK_TTL_DAYS } from '../domain/stored-plan.ts';
import type { Locale, User } from '../domain/user.ts';
import { money } from '../planning/plan-reasons.ts';
import type { PlanRequest } from '../planning/plan-request.ts';
import { isSideMeal } from '../planning/plan-result.ts';
import type { Clock, IdGenerator } from '../ports/clock.port.ts';
import type { Logger } from '../ports/logger.port.ts';
import type { MealPlanner } from '../ports/meal-planner.port.ts';
import type { Stores } from '../ports/stores.ts';
import { localDate } from '../time/local-date.ts';
import { userTimeZone } from '../time/time-zones.ts';

export interface PlanForUserDeps {
  stores: Stores;
  planner: MealPlanner;
  clock: Clock;
  ids: IdGenerator;
  /** ≥ 128 random bits per token (see PlanStore): links never carry anything about the user. */
  tokens: IdGenerator;
  logger: Logger;
  publicBaseUrl: string;
}

/**
 * Plans the user's week, keeps it behind a `/p/<token>` link for 14 days and answers with the week's cost, today's
 * meals and the link. Every number in the reply comes from the planner's result.
 */
export async function planForUser(
  deps: PlanForUserDeps,
  user: User,
  request: PlanRequest,
  locale: Locale,
  /** A queued plan is saved under its job's id, so a second run of the job finds it (see deliver-household-plan). */
  planId: string = deps.ids.next(),
): Promise<string> {
  const m = messagesFor(locale);
  const plan = await deps.planner.planWeek(request);
  deps.logger.info('plan_made', { userId: user.id, status: plan.status, ms: plan.solver.ms });
  if (plan.status === 'infeasible') return m.planFailed(planReasonText(plan, locale));
  const now = deps.clock.now();
  const token = deps.tokens.next();
  await deps.stores.plans.save({
    id: planId,
    userId: user.id,
    token,
    // Day 1 is the user's own today, in their time zone.
    weekStart: localDate(now, userTimeZone(user)),
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + PLAN_LINK_TTL_DAYS * 86_400_000).toISOString(),
    request,
    plan,
  });
  const today = (plan.days[0]?.meals ?? [])
    .filter((meal) => !isSideMeal(meal))
    .map((meal) => meal.recipeName)
    .join(', ');
  return m.planReady(
    money(plan.cost.total),
    money(plan.cost.budget),
    today,
    `${deps.publicBaseUrl}/p/${token}`,
  );
}
