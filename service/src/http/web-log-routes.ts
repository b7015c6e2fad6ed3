import type { Hono } from 'hono';
import { z } from 'zod';
import type { FoodLogEntry } from '../core/domain/food-log-entry.ts';
import type { User } from '../core/domain/user.ts';
import { addDays, localDate } from '../core/time/local-date.ts';
import { userTimeZone } from '../core/time/time-zones.ts';
import { logFood } from '../core/use-cases/log-food.ts';
import { userTargets } from '../core/use-cases/user-targets.ts';
import type { ActionResponse, FoodLogResponse, Nutrients, ProgressResponse } from './api-types.ts';
import type { AppDeps } from './app-deps.ts';
import { HttpError } from './http-error.ts';
import { jsonBody, requireCaller } from './web-session.ts';

const quickAddSchema = z
  .object({ text: z.string().trim().min(1, 'text must not be empty').max(1000) })
  .strict();
const progressQuery = z.enum(['7', '30']).default('7');

const round = (value: number) => Math.round(value * 10) / 10;

/** Today's log, the quick-add box (the SMS parser, through the same use case) and the 7/30-day progress. */
export function registerWebLogRoutes(app: Hono, deps: AppDeps): void {
  app.get('/api/log/today', async (c) => {
    const { user } = await requireCaller(c, deps);
    return c.json(await todayView(deps, user));
  });

  app.post('/api/log', async (c) => {
    const { user } = await requireCaller(c, deps);
    const body = await jsonBody(c, quickAddSchema);
    if (!deps.useCases) throw new HttpError(404, 'not_found', 'Not available here');
    const replies = await logFood(deps.useCases, user, body.text, user.locale);
    const response: ActionResponse<FoodLogResponse> = {
      message: replies.join('\n'),
      data: await todayView(deps, user),
    };
    return c.json(response);
  });

  app.get('/api/progress', async (c) => {
    const { user } = await requireCaller(c, deps);
    const days = progressQuery.safeParse(c.req.query('days'));
    if (!days.success) throw new HttpError(400, 'invalid_query', 'days: 7 or 30');
    const count = Number(days.data);
    const now = deps.clock.now();
    const to = localDate(now, userTimeZone(user));
    const from = addDays(to, -(count - 1));
    const entries = await deps.stores.foodLog.forDays(user.id, from, to, now);
    const targets = userTargets(user);
    const response: ProgressResponse = {
      days: Array.from({ length: count }, (_, i) => {
        const date = addDays(from, i);
        return { date, ...sum(entries.filter((entry) => entry.date === date)) };
      }),
      targets: targets
        ? {
            kcal: targets.kcal,
            proteinG: targets.proteinG,
            fatG: targets.fatG,
            carbsG: targets.carbsG,
            fiberG: targets.fiberG,
          }
        : null,
      weightKg: user.profile.body?.weightKg ?? null,
      goalWeightKg: user.profile.goalWeightKg ?? null,
    };
    return c.json(response);
  });
}

async function todayView(deps: AppDeps, user: User): Promise<FoodLogResponse> {
  const now = deps.clock.now();
  const date = localDate(now, userTimeZone(user));
  const entries = await deps.stores.foodLog.forDay(user.id, date, now);
  const targets = userTargets(user);
  return {
    date,
    entries: entries.map((entry) => ({
      id: entry.id,
      name: entry.name,
      grams: Math.round(entry.grams),
      kcal: Math.round(entry.nutrients.kcal),
      proteinG: round(entry.nutrients.proteinG),
      at: entry.at,
    })),
    totals: sum(entries),
    targets: targets ? { kcal: targets.kcal, proteinG: targets.proteinG, fiberG: targets.fiberG } : null,
  };
}

function sum(entries: readonly FoodLogEntry[]): Nutrients {
  const total = (key: keyof Nutrients) =>
    round(entries.reduce((acc, entry) => acc + entry.nutrients[key], 0));
  return {
    kcal: Math.round(entries.reduce((acc, entry) => acc + entry.nutrients.kcal, 0)),
    proteinG: total('proteinG'),
    fatG: total('fatG'),
    carbsG: total('carbsG'),
    fiberG: total('fiberG'),
  };
}
