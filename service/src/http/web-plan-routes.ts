import type { Hono } from 'hono';
import { z } from 'zod';
import type { StoredPlan } from '../core/domain/stored-plan.ts';
import type { User } from '../core/domain/user.ts';
import { stillToBuy } from '../core/planning/at-home.ts';
import { SLOTS } from '../core/planning/plan-request.ts';
import { isSideMeal } from '../core/planning/plan-result.ts';
import { addDays, daysBetween, localDate } from '../core/time/local-date.ts';
import { userTimeZone } from '../core/time/time-zones.ts';
import { editPlan } from '../core/use-cases/edit-plan.ts';
import { setAtHome } from '../core/use-cases/grocery-at-home.ts';
import type { ActionResponse, GroceryResponse, PlanResponse } from './api-types.ts';
import type { AppDeps } from './app-deps.ts';
import { HttpError } from './http-error.ts';
import { jsonBody, requireCaller } from './web-session.ts';

const swapSchema = z.object({ day: z.number().int().min(0).max(6), slot: z.enum(SLOTS) }).strict();
const atHomeSchema = z.object({ foodId: z.string().min(1).max(100), atHome: z.boolean() }).strict();
const NO_PLAN = 'No plan yet: ask the coach for one ("plan") in the chat';

/** The week and its grocery list for the signed-in user: always their own current plan, named by nothing else. */
export function registerWebPlanRoutes(app: Hono, deps: AppDeps): void {
  const currentPlan = async (user: User) => {
    const stored = await deps.stores.plans.current(user.id, deps.clock.now());
    if (!stored) throw new HttpError(404, 'no_plan', NO_PLAN);
    return stored;
  };
  const useCases = () => {
    if (!deps.useCases) throw new HttpError(404, 'not_found', 'Not available here');
    return deps.useCases;
  };

  app.get('/api/plan', async (c) => {
    const { user } = await requireCaller(c, deps);
    return c.json(planView(deps, user, await currentPlan(user)));
  });

  app.post('/api/plan/swap', async (c) => {
    const { user } = await requireCaller(c, deps);
    const body = await jsonBody(c, swapSchema);
    const stored = await currentPlan(user);
    if (body.day >= stored.plan.days.length)
      throw new HttpError(400, 'invalid_body', 'day: not in this plan');
    // The chat's swap names a day relative to today; the page names the plan's day, so it is turned into that.
    const today = localDate(deps.clock.now(), userTimeZone(user));
    const offset = body.day - daysBetween(stored.weekStart, today);
    const [message = ''] = await editPlan(
      useCases(),
      user,
      { kind: 'swap_meal', slot: body.slot, day: { kind: 'offset', offset } },
      user.locale,
    );
    const response: ActionResponse<PlanResponse> = {
      message,
      data: planView(deps, user, await currentPlan(user)),
    };
    return c.json(response);
  });

  app.get('/api/grocery', async (c) => {
    const { user } = await requireCaller(c, deps);
    return c.json(groceryView(await currentPlan(user)));
  });

  app.post('/api/grocery/at-home', async (c) => {
    const { user } = await requireCaller(c, deps);
    const body = await jsonBody(c, atHomeSchema);
    const outcome = await setAtHome(useCases(), user, body.foodId, body.atHome, user.locale);
    if (outcome.status === 'no_plan') throw new HttpError(404, 'no_plan', NO_PLAN);
    if (outcome.status === 'unknown_item') throw new HttpError(404, 'not_found', 'No such item on your list');
    const response: ActionResponse<GroceryResponse> = {
      message: outcome.message,
      data: groceryView(outcome.plan),
    };
    return c.json(response);
  });
}

function planView(deps: AppDeps, user: User, stored: StoredPlan): PlanResponse {
  const { plan } = stored;
  const today = daysBetween(stored.weekStart, localDate(deps.clock.now(), userTimeZone(user)));
  // Members who joined from their own phone keep their totals private, as on the /p/ page.
  const ownPhone = new Set(stored.request.members.filter((m) => m.invitationId).map((m) => m.name));
  return {
    weekStart: stored.weekStart,
    today: today >= 0 && today < plan.days.length ? today : null,
    link: `${deps.publicBaseUrl}/p/${stored.token}`,
    cost: { total: plan.cost.total, budget: plan.cost.budget, currency: 'USD' },
    members: plan.members.map((m) => ({
      name: m.name,
      kcalTarget: ownPhone.has(m.name) ? null : m.targets.kcal,
    })),
    days: plan.days.map((day, index) => ({
      day: index,
      date: addDays(stored.weekStart, index),
      meals: day.meals.map((meal) => {
        const side = isSideMeal(meal);
        return {
          slot: meal.slot,
          recipeName: meal.recipeName,
          side,
          portions: plan.members
            .filter((m) => (meal.portions[m.name] ?? 0) > 0)
            .map((m) =>
              side
                ? { member: m.name, grams: meal.ingredients[0]?.grams ?? 0 }
                : { member: m.name, servings: meal.portions[m.name] ?? 0 },
            ),
        };
      }),
      totals: plan.members
        .filter((m) => !ownPhone.has(m.name) && day.totals[m.name])
        .map((m) => {
          const t = day.totals[m.name];
          return { member: m.name, kcal: t?.kcal ?? 0, proteinG: t?.proteinG ?? 0, fiberG: t?.fiberG ?? 0 };
        }),
    })),
  };
}

function groceryView(stored: StoredPlan): GroceryResponse {
  const have = new Set(stored.atHome ?? []);
  const list = stored.plan.groceryList;
  return {
    items: list.map((item) => ({ ...item, atHome: have.has(item.foodId) })),
    toBuyCost: stillToBuy(list, stored.atHome).cost,
    totalCost: stillToBuy(list, []).cost,
  };
}
