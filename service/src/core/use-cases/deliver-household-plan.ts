import { householdMessagesFor } from '../conversation/household/household-messages.ts';
import { messagesFor } from '../conversation/messages/index.ts';
import { planRequestFromProfile } from '../conversation/plan-intent.ts';
import type { StoredPlan } from '../domain/stored-plan.ts';
import type { Locale } from '../domain/user.ts';
import { money } from '../planning/money.ts';
import { isSideMeal } from '../planning/plan-result.ts';
import { StoreError } from '../ports/store-error.ts';
import { type DeliverMessageDeps, deliverMessage } from './deliver-message.ts';
import { consentSubject } from './handle-inbound-message.ts';
import { joinedMembers, withJoinedMembers } from './household-plan-members.ts';
import { type PlanForUserDeps, planForUser } from './plan-for-user.ts';

export type DeliverHouseholdPlanDeps = PlanForUserDeps & DeliverMessageDeps;

/**
 * The queued household plan: made from the profile as it is now, saved under `planId`, and sent through the
 * messenger. Idempotent: a second run finds the plan saved under its id and sends nothing new (the messenger drops
 * a repeated key); a run that loses a race to save the same id stops. Opted-out users are neither planned nor sent.
 */
export async function deliverHouseholdPlan(
  deps: DeliverHouseholdPlanDeps,
  job: { planId: string; userId: string },
): Promise<void> {
  const user = await deps.stores.users.findById(job.userId);
  if (!user) {
    deps.logger.info('household_plan_skipped', { reason: 'no_user' });
    return;
  }
  const messaging = await deps.stores.consent.latest(consentSubject(user), 'messaging');
  if (messaging?.granted === false) {
    deps.logger.info('household_plan_skipped', { userId: user.id, reason: 'opted_out' });
    return;
  }
  const key = `plan:${job.planId}`;
  const current = await deps.stores.plans.current(user.id, deps.clock.now());
  if (current?.id === job.planId) {
    await deliverMessage(deps, user, readyText(deps, current, user.locale), key);
    return;
  }
  const m = messagesFor(user.locale);
  const readiness = planRequestFromProfile(user.profile, m.you(), householdMessagesFor(user.locale));
  if (!readiness.ok) {
    // The profile changed since the plan was asked for; the user's next "plan" asks for what is missing.
    deps.logger.info('household_plan_skipped', { userId: user.id, reason: readiness.missing });
    return;
  }
  let text: string;
  try {
    // Members who joined by phone come from their own profiles as they are now (issue 5).
    const request = withJoinedMembers(readiness.request, await joinedMembers(deps, user.id));
    text = await planForUser(deps, user, request, user.locale, job.planId);
  } catch (error) {
    if (error instanceof StoreError && error.code === 'conflict') {
      deps.logger.info('household_plan_skipped', { userId: user.id, reason: 'already_saved' });
      return;
    }
    throw error;
  }
  await deliverMessage(deps, user, text, key);
}

/** The same words as a fresh plan's, from a plan an earlier run saved. */
function readyText(deps: { publicBaseUrl: string }, stored: StoredPlan, locale: Locale): string {
  const { plan } = stored;
  const today = (plan.days[0]?.meals ?? [])
    .filter((meal) => !isSideMeal(meal))
    .map((meal) => meal.recipeName)
    .join(', ');
  return messagesFor(locale).planReady(
    money(plan.cost.total),
    money(plan.cost.budget),
    today,
    `${deps.publicBaseUrl}/p/${stored.token}`,
  );
}
