import { messagesFor } from '../conversation/messages/index.ts';
import { planDayIndex } from '../conversation/plan-day.ts';
import type { PlanQuery } from '../conversation/plan-queries.ts';
import type { Locale, User } from '../domain/user.ts';
import { stillToBuy } from '../planning/at-home.ts';
import { money } from '../planning/plan-reasons.ts';
import { SLOTS } from '../planning/plan-request.ts';
import { isSideMeal } from '../planning/plan-result.ts';
import type { Clock } from '../ports/clock.port.ts';
import type { Stores } from '../ports/stores.ts';
import { userTimeZone } from '../time/time-zones.ts';

export interface AnswerFromPlanDeps {
  stores: Stores;
  clock: Clock;
  publicBaseUrl: string;
}

/** "today", "tomorrow", "what's for dinner" and "list", answered from the user's current plan. */
export async function answerFromPlan(
  deps: AnswerFromPlanDeps,
  user: User,
  query: Extract<PlanQuery, { kind: 'show_day' | 'shopping_list' }>,
  locale: Locale,
): Promise<string[]> {
  const m = messagesFor(locale);
  const now = deps.clock.now();
  const stored = await deps.stores.plans.current(user.id, now);
  if (!stored) return [m.noPlan()];
  const { plan } = stored;
  const link = `${deps.publicBaseUrl}/p/${stored.token}`;
  if (query.kind === 'shopping_list') {
    // Items the user said they have ("have rice") are left off, and the cost is what is still to buy.
    const left = stillToBuy(plan.groceryList, stored.atHome);
    const aisles = new Map<string, string[]>();
    for (const item of left.items) {
      // Short by design: package counts here, package sizes and prices on the plan page.
      const entry = item.pantry ? item.name : `${item.packages}x ${item.name}`;
      aisles.set(item.aisle, [...(aisles.get(item.aisle) ?? []), entry]);
    }
    // One sentence per aisle, so a text cut to three segments keeps whole aisles first, then as many items as fit.
    const lines = [...aisles]
      .map(([aisle, items]) => `${capitalise(m.aisleName(aisle))}: ${items.join(', ')}.`)
      .join(' ');
    const atHome = plan.groceryList.length - left.items.length;
    return [
      atHome > 0
        ? m.planEdit.shoppingListLeft(money(left.cost), link, lines, atHome)
        : m.shoppingList(money(plan.cost.total), link, lines),
    ];
  }
  // Day 1 is the user's local date the plan was made; today is their local date now.
  const index = planDayIndex(
    stored.weekStart,
    now,
    { kind: 'offset', offset: query.offset },
    plan.days.length,
    userTimeZone(user),
  );
  const day = index === undefined ? undefined : plan.days[index];
  if (!day) return [m.planEnded()];
  const name = plan.members[0]?.name ?? '';
  const meals = day.meals
    .filter((meal) => !isSideMeal(meal) && (!query.slot || meal.slot === query.slot))
    .sort((a, b) => SLOTS.indexOf(a.slot) - SLOTS.indexOf(b.slot))
    .map((meal) => `${m.slotName(meal.slot)}: ${meal.recipeName} (${m.servings(meal.portions[name] ?? 0)}).`);
  // One text per meal: recipe names are long, and a whole day in one text would be cut short over SMS.
  const [first = '', ...rest] = meals;
  return [`${m.dayLabel(query.offset)}. ${first}`, ...rest];
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
