import { describe, expect, it } from 'vitest';
import type {
  ActionResponse,
  FoodLogResponse,
  GroceryResponse,
  PlanResponse,
  ProgressResponse,
  SettingsResponse,
} from '../../src/http/api-types.ts';
import {
  AUTHORISATION_TABLE,
  BAD_INPUT,
  PROGRESS_DAYS,
  SMUGGLED_IDENTIFIERS,
} from '../fixtures/web-app-expectations.ts';
import { BASE_URL } from '../support/test-app.ts';
import { webTestApp } from './web-test-client.ts';

const A = '+15550140201';
const B = '+15550140202';

/** A: a plan, eggs logged and an export link. B: ready, nothing else. Both signed in. */
async function twoUsers() {
  const test = webTestApp();
  await test.onboard(A);
  expect(await test.sms(A, 'plan')).toContain('/p/');
  expect(await test.sms(A, 'had 2 eggs')).toMatch(/logged/i);
  await test.onboard(B);
  const cookieA = await test.signIn(A);
  const cookieB = await test.signIn(B);
  const userA = await test.stores.users.findByPhone(A);
  const planA = await test.stores.plans.current(userA?.id ?? '', test.clock.now());
  if (!userA || !planA) throw new Error('user A not set up');
  const fill = (body: Record<string, unknown> | undefined) =>
    body &&
    Object.fromEntries(
      Object.entries(body).map(([key, value]) => [
        key,
        value === '<first item of A>'
          ? planA.plan.groceryList[0]?.foodId
          : value === '<A>'
            ? userA.id
            : value === '<A plan token>'
              ? planA.token
              : value,
      ]),
    );
  return { ...test, cookieA, cookieB, userA, planA, fill };
}

describe('authorisation: every /api route takes the user from the session only', () => {
  it.each(AUTHORISATION_TABLE)('$method $path', async (row) => {
    const t = await twoUsers();
    const body = t.fill(row.body);
    const send = (cookie: string | undefined, headers: Record<string, string> = {}) =>
      t.api(row.path, cookie, { method: row.method, ...(body ? { body } : {}), headers });
    const before = JSON.stringify({
      plan: await t.stores.plans.current(t.userA.id, t.clock.now()),
      log: await t.stores.foodLog.forDay(t.userA.id, '2026-11-26', t.clock.now()),
      user: await t.stores.users.findById(t.userA.id),
    });
    if (row.expected.no_session) expect((await send(undefined)).status).toBe(row.expected.no_session.status);
    if (row.expected.cross_origin)
      expect((await send(t.cookieB, { origin: 'https://evil.example' })).status).toBe(
        row.expected.cross_origin.status,
      );
    const other = await send(t.cookieB);
    const text = await other.text();
    expect(other.status, row.expected.other_user?.note).toBe(row.expected.other_user?.status);
    // Nothing of A's in B's answer: not the plan's recipes, token or user id, not A's eggs.
    expect(text).not.toContain(t.userA.id);
    expect(text).not.toContain(t.planA.token);
    expect(text.toLowerCase()).not.toContain('egg');
    if (row.path === '/api/export') {
      const { url } = JSON.parse(text) as { url: string };
      const file = await (await t.app.request(url)).text();
      expect(file).not.toContain(t.userA.id);
      expect(file).toContain(B);
    }
    const after = JSON.stringify({
      plan: await t.stores.plans.current(t.userA.id, t.clock.now()),
      log: await t.stores.foodLog.forDay(t.userA.id, '2026-11-26', t.clock.now()),
      user: await t.stores.users.findById(t.userA.id),
    });
    expect(after).toBe(before);
  });

  it.each(SMUGGLED_IDENTIFIERS)('$method $path refuses an identifier in the body with 400', async (row) => {
    const t = await twoUsers();
    const response = await t.api(row.path, t.cookieB, { method: row.method, body: t.fill(row.body) });
    expect(response.status).toBe(400);
    expect((await t.stores.users.findById(t.userA.id))?.locale).toBe('en');
  });
});

describe('bad input: 4xx with an error code, never 5xx, nothing written', () => {
  it.each(BAD_INPUT)('$method $path $body → $status', async (row) => {
    const t = await twoUsers();
    const before = JSON.stringify(await t.stores.users.findById(t.userA.id));
    const response = await t.api(row.path, t.cookieA, { method: row.method, raw: row.body });
    expect(response.status).toBe(row.status);
    const body = (await response.json()) as { error: { code: string } };
    expect(body.error.code).toMatch(/^[a-z_]+$/);
    expect(JSON.stringify(await t.stores.users.findById(t.userA.id))).toBe(before);
  });

  it.each(PROGRESS_DAYS)('GET /api/progress?$query → $status', async ({ query, status }) => {
    const t = await twoUsers();
    expect((await t.api(`/api/progress?${query}`, t.cookieA)).status).toBe(status);
  });
});

describe('the routes do what the chat does', () => {
  it('plan: seven days, each member with a portion, cost against budget', async () => {
    const t = await twoUsers();
    const plan = (await (await t.api('/api/plan', t.cookieA)).json()) as PlanResponse;
    expect(plan.days).toHaveLength(7);
    expect(plan.weekStart).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(plan.cost.budget).toBe(80);
    expect(plan.link).toBe(`${BASE_URL}/p/${t.planA.token}`);
    for (const day of plan.days) {
      expect(day.meals.filter((meal) => !meal.side).map((meal) => meal.slot)).toEqual(
        expect.arrayContaining(['breakfast', 'lunch', 'dinner']),
      );
      for (const meal of day.meals) expect(meal.portions.length).toBeGreaterThan(0);
    }
  });

  it('swap: the stored plan is the one answered', async () => {
    const t = await twoUsers();
    const response = await t.api('/api/plan/swap', t.cookieA, {
      method: 'POST',
      body: { day: 2, slot: 'dinner' },
    });
    expect(response.status).toBe(200);
    const { message, data } = (await response.json()) as ActionResponse<PlanResponse>;
    expect(message.length).toBeGreaterThan(0);
    const stored = await t.stores.plans.current(t.userA.id, t.clock.now());
    const dinner = stored?.plan.days[2]?.meals.find((meal) => meal.slot === 'dinner');
    expect(data.days[2]?.meals.find((meal) => meal.slot === 'dinner' && !meal.side)?.recipeName).toBe(
      dinner?.recipeName,
    );
  });

  it('grocery: ticking an item takes its cost off; unticking puts it back', async () => {
    const t = await twoUsers();
    const list = (await (await t.api('/api/grocery', t.cookieA)).json()) as GroceryResponse;
    const item = list.items.find((entry) => !entry.pantry && entry.cost > 0);
    if (!item) throw new Error('no priced item');
    expect(list.toBuyCost).toBe(list.totalCost);
    const ticked = await t.api('/api/grocery/at-home', t.cookieA, {
      method: 'POST',
      body: { foodId: item.foodId, atHome: true },
    });
    const after = ((await ticked.json()) as ActionResponse<GroceryResponse>).data;
    expect(after.items.find((entry) => entry.foodId === item.foodId)?.atHome).toBe(true);
    expect(after.toBuyCost).toBeLessThan(list.totalCost);
    const unticked = await t.api('/api/grocery/at-home', t.cookieA, {
      method: 'POST',
      body: { foodId: item.foodId, atHome: false },
    });
    const back = ((await unticked.json()) as ActionResponse<GroceryResponse>).data;
    expect(back.items.find((entry) => entry.foodId === item.foodId)?.atHome).toBe(false);
    expect(back.toBuyCost).toBe(list.totalCost);
  });

  it('quick-add uses the SMS parser and shows the day against targets', async () => {
    const t = await twoUsers();
    const response = await t.api('/api/log', t.cookieA, { method: 'POST', body: { text: 'a banana' } });
    const { message, data } = (await response.json()) as ActionResponse<FoodLogResponse>;
    expect(message).toMatch(/logged/i);
    expect(data.entries.map((entry) => entry.name.toLowerCase()).join(' ')).toMatch(/egg.*banana/);
    expect(data.totals.kcal).toBeGreaterThan(200);
    expect(data.targets?.kcal).toBeGreaterThan(1200);
  });

  it('progress: 7 and 30 days, today has the eggs', async () => {
    const t = await twoUsers();
    const week = (await (await t.api('/api/progress?days=7', t.cookieA)).json()) as ProgressResponse;
    expect(week.days).toHaveLength(7);
    expect(week.days.at(-1)?.date).toBe('2026-11-26');
    expect(week.days.at(-1)?.kcal).toBeGreaterThan(100);
    expect(week.days[0]?.kcal).toBe(0);
    expect(week.targets?.kcal).toBeGreaterThan(1200);
    const month = (await (await t.api('/api/progress?days=30', t.cookieA)).json()) as ProgressResponse;
    expect(month.days).toHaveLength(30);
  });

  it('settings: language, time zone, diet, budget and weekly delivery', async () => {
    const t = await twoUsers();
    const response = await t.api('/api/settings', t.cookieA, {
      method: 'PATCH',
      body: {
        locale: 'es',
        timeZone: 'Europe/Madrid',
        budget: { amount: 90, period: 'week' },
        weeklyDelivery: { active: true, weekday: 'monday' },
      },
    });
    expect(response.status).toBe(200);
    const { data } = (await response.json()) as ActionResponse<SettingsResponse>;
    expect(data).toMatchObject({
      locale: 'es',
      timeZone: 'Europe/Madrid',
      budget: { amount: 90, period: 'week' },
      weeklyDelivery: { active: true, weekday: 'monday' },
    });
    expect(await t.sms(A, 'my profile')).toMatch(/\$90/);
  });

  it('export: a one-time link to the signed-in user’s own file', async () => {
    const t = await twoUsers();
    const response = await t.api('/api/export', t.cookieA, { method: 'POST', body: {} });
    const { url } = (await response.json()) as { url: string };
    expect(url).toMatch(new RegExp(`^${BASE_URL}/export/[A-Za-z0-9_-]+$`));
    const file = (await (await t.app.request(url)).json()) as { user: { id: string } };
    expect(file.user.id).toBe(t.userA.id);
    expect((await t.app.request(url)).status).toBe(410);
  });

  it('delete: anything but DELETE ALL deletes nothing; DELETE ALL erases and signs out', async () => {
    const t = await twoUsers();
    const wrong = await t.api('/api/account/delete', t.cookieA, {
      method: 'POST',
      body: { confirm: 'delete' },
    });
    expect(wrong.status).toBe(400);
    expect(await t.stores.users.findById(t.userA.id)).toBeDefined();
    const right = await t.api('/api/account/delete', t.cookieA, {
      method: 'POST',
      body: { confirm: 'delete all' },
    });
    expect(right.status).toBe(200);
    expect(await t.stores.users.findById(t.userA.id)).toBeUndefined();
    expect(await t.stores.plans.current(t.userA.id, t.clock.now())).toBeUndefined();
    expect((await t.api('/api/plan', t.cookieA)).status).toBe(401);
    expect(await t.stores.users.findByPhone(B)).toBeDefined();
    // Spanish confirmation works too, as in chat.
    const es = await t.api('/api/account/delete', t.cookieB, {
      method: 'POST',
      body: { confirm: 'BORRAR TODO' },
    });
    expect(es.status).toBe(200);
  });
});
