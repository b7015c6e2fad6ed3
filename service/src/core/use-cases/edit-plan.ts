import { messagesFor } from '../conversation/messages/index.ts';
import { planDayIndex, planDayWeekday } from '../conversation/plan-day.ts';
import type { PlanEdit } from '../conversation/plan-edit-intent.ts';
import type { StoredPlan } from '../domain/stored-plan.ts';
import type { Locale, User } from '../domain/user.ts';
import { groceryMatches, stillToBuy } from '../planning/at-home.ts';
import { money } from '../planning/money.ts';
import { isSideMeal } from '../planning/plan-result.ts';
import type { Clock } from '../ports/clock.port.ts';
import type { Logger } from '../ports/logger.port.ts';
import type { MealPlanner } from '../ports/meal-planner.port.ts';
import type { Stores } from '../ports/stores.ts';
import { userTimeZone } from '../time/time-zones.ts';

export interface EditPlanDeps {
  stores: Stores;
  planner: MealPlanner;
  clock: Clock;
  logger: Logger;
  publicBaseUrl: string;
}

type Messages = ReturnType<typeof messagesFor>;

/**
 * Edits the user's current plan in place (same id and token, so the `/p/<token>` link shows the new week): a swap
 * of one meal, a food kept out for the week, or groceries already at home. Every number in a reply comes from the
 * planner's result or the stored grocery list; a plan is only written when the planner found one.
 */
export async function editPlan(
  deps: EditPlanDeps,
  user: User,
  edit: PlanEdit,
  locale: Locale,
): Promise<string[]> {
  const m = messagesFor(locale);
  const stored = await deps.stores.plans.current(user.id, deps.clock.now());
  if (!stored) return [m.noPlan()];
  if (edit.kind === 'swap_meal') return [await swap(deps, stored, edit, m, userTimeZone(user))];
  if (edit.kind === 'exclude_food') return [await exclude(deps, stored, edit, m)];
  return [await markAtHome(deps, stored, edit.items, m)];
}

const linkOf = (deps: EditPlanDeps, stored: StoredPlan) => `${deps.publicBaseUrl}/p/${stored.token}`;

async function swap(
  deps: EditPlanDeps,
  stored: StoredPlan,
  edit: Extract<PlanEdit, { kind: 'swap_meal' }>,
  m: Messages,
  timeZone: string,
): Promise<string> {
  const now = deps.clock.now();
  const index = planDayIndex(stored.weekStart, now, edit.day, stored.plan.days.length, timeZone);
  if (index === undefined) return m.planEdit.dayNotInPlan();
  const weekday = planDayWeekday(stored.weekStart, index);
  const plan = await deps.planner.swapMeal(stored.request, stored.plan, { day: index + 1, slot: edit.slot });
  deps.logger.info('plan_swapped', { userId: stored.userId, status: plan.status, ms: plan.solver.ms });
  const meal = plan.days[index]?.meals.find((item) => item.slot === edit.slot && !isSideMeal(item));
  if (plan.status === 'infeasible' || !meal) return m.planEdit.noOtherMeal(edit.slot, weekday);
  await deps.stores.plans.update({ ...stored, plan });
  const name = plan.members[0]?.name ?? '';
  return m.planEdit.swapped(
    edit.slot,
    weekday,
    meal.recipeName,
    m.servings(meal.portions[name] ?? 0),
    money(plan.cost.total),
    money(plan.cost.budget),
    linkOf(deps, stored),
  );
}

async function exclude(
  deps: EditPlanDeps,
  stored: StoredPlan,
  edit: Extract<PlanEdit, { kind: 'exclude_food' }>,
  m: Messages,
): Promise<string> {
  if (edit.dislikes.length === 0) return m.planEdit.unknownFood(edit.food);
  const result = await deps.planner.excludeFoods(stored.request, stored.plan, edit.dislikes);
  deps.logger.info('plan_food_excluded', {
    userId: stored.userId,
    status: result.plan.status,
    replaced: result.replaced,
    ms: result.plan.solver.ms,
  });
  if (result.plan.status === 'infeasible') return m.planEdit.excludeFailed(edit.food);
  // The dislike is kept on the stored request even when nothing changed, so later swaps honour it too.
  await deps.stores.plans.update({ ...stored, request: result.request, plan: result.plan });
  const changed = result.replaced + result.sidesOnly;
  const cost = money(result.plan.cost.total);
  const budget = money(result.plan.cost.budget);
  return changed === 0
    ? m.planEdit.nothingToExclude(edit.food, cost, budget)
    : m.planEdit.excluded(edit.food, changed, cost, budget, linkOf(deps, stored));
}

async function markAtHome(
  deps: EditPlanDeps,
  stored: StoredPlan,
  items: readonly string[],
  m: Messages,
): Promise<string> {
  const atHome = new Set(stored.atHome ?? []);
  const found: string[] = [];
  const missing: string[] = [];
  for (const item of items) {
    const ids = groceryMatches(stored.plan.groceryList, item);
    if (ids.length === 0) missing.push(item);
    else found.push(item);
    for (const id of ids) atHome.add(id);
  }
  const replies: string[] = [];
  if (found.length > 0) {
    const marked = [...atHome];
    await deps.stores.plans.update({ ...stored, atHome: marked });
    const left = stillToBuy(stored.plan.groceryList, marked).cost;
    replies.push(m.planEdit.offList(found, money(left), linkOf(deps, stored)));
  }
  if (missing.length > 0) replies.push(m.planEdit.notOnList(missing));
  return replies.join(' ');
}
