import { messagesFor } from '../conversation/messages/index.ts';
import type { FoodLogEntry } from '../domain/food-log-entry.ts';
import type { Locale, User } from '../domain/user.ts';
import { PLAN_NUTRIENTS } from '../planning/nutrients.ts';
import type { Clock } from '../ports/clock.port.ts';
import type { Stores } from '../ports/stores.ts';
import { addDays, localDate } from '../time/local-date.ts';
import { userTimeZone } from '../time/time-zones.ts';
import { userTargets } from './user-targets.ts';

/** "summary" for today, "week" for the last 7 days (a day on average over the days with a log), against targets. */
export async function summariseLog(
  deps: { stores: Stores; clock: Clock },
  user: User,
  range: 'day' | 'week',
  locale: Locale,
): Promise<string[]> {
  const m = messagesFor(locale);
  const now = deps.clock.now();
  const today = localDate(now, userTimeZone(user));
  const from = addDays(today, -6);
  const entries =
    range === 'day'
      ? await deps.stores.foodLog.forDay(user.id, today, now)
      : await deps.stores.foodLog.forDays(user.id, from, today, now);
  if (entries.length === 0) return [m.nothingLogged(range)];
  const days = new Set(entries.map((entry) => entry.date)).size;
  const totals = sum(entries, range === 'day' ? 1 : days);
  const targets = userTargets(user);
  const target: Partial<Record<(typeof PLAN_NUTRIENTS)[number], number>> = targets
    ? {
        kcal: targets.kcal,
        proteinG: targets.proteinG,
        fiberG: targets.fiberG,
        sodiumMg: targets.sodiumMaxMg,
      }
    : {};
  const parts = PLAN_NUTRIENTS.map((key) => m.nutrientPart(key, totals[key], target[key])).join(', ');
  return [m.summary(range === 'day' ? m.dayLabel(0) : m.summaryWeekLabel(days), parts)];
}

function sum(
  entries: readonly FoodLogEntry[],
  divideBy: number,
): Record<(typeof PLAN_NUTRIENTS)[number], number> {
  const totals = { kcal: 0, proteinG: 0, fatG: 0, carbsG: 0, fiberG: 0, sodiumMg: 0 };
  for (const entry of entries) for (const key of PLAN_NUTRIENTS) totals[key] += entry.nutrients[key];
  for (const key of PLAN_NUTRIENTS) totals[key] = Math.round(totals[key] / divideBy);
  return totals;
}
