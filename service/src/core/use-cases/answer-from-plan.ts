import { messagesFor } from '../conversation/messages/index.ts';
import type { PlanQuery } from '../conversation/plan-queries.ts';
import type { Locale, User } from '../domain/user.ts';
import { money } from '../planning/plan-reasons.ts';
import { SLOTS } from '../planning/plan-request.ts';
import { isSideMeal } from '../planning/plan-result.ts';
import type { Clock } from '../ports/clock.port.ts';
import type { Stores } from '../ports/stores.ts';

const DAY_MS = 86_400_000;

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
    const aisles = new Map<string, string[]>();
    for (const item of plan.groceryList) {
      // Short by design: package counts here, package sizes and prices on the plan page.
      const entry = item.pantry ? item.name : `${item.packages}x ${item.name}`;
      aisles.set(item.aisle, [...(aisles.get(item.aisle) ?? []), entry]);
    }
    // One sentence per aisle, so a text cut to three segments keeps whole aisles first, then as many items as fit.
    const lines = [...aisles]
      .map(([aisle, items]) => `${capitalise(m.aisleName(aisle))}: ${items.join(', ')}.`)
      .join(' ');
    return [m.shoppingList(money(plan.cost.total), link, lines)];
  }
  // Day 1 is the date the plan was made (UTC dates for now; the user's time zone comes with issue 5).
  const index =
    Math.floor((Date.parse(now.toISOString().slice(0, 10)) - Date.parse(stored.weekStart)) / DAY_MS) +
    query.offset;
  const day = plan.days[index];
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
