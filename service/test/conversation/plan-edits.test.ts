import { describe, expect, it } from 'vitest';
import { createMemoryStores } from '../../src/adapters/memory/index.ts';
import type { StoredPlan } from '../../src/core/domain/stored-plan.ts';
import { loadFoodDatabase } from '../../src/core/nutrition/food-database.ts';
import { loadRecipeDatabase } from '../../src/core/nutrition/recipe-database.ts';
import { isSideMeal, type PlanResult } from '../../src/core/planning/plan-result.ts';
import { silentLogger } from '../../src/core/ports/logger.port.ts';
import type { MealPlanner } from '../../src/core/ports/meal-planner.port.ts';
import { handleInboundMessage } from '../../src/core/use-cases/handle-inbound-message.ts';
import { planPage } from '../../src/http/plan-page.ts';
import { TRANSCRIPT_START } from '../fixtures/transcripts/index.ts';
import { ManualClock, sequentialIds } from '../support/test-app.ts';
import { sequentialTokens, testPlanner } from '../support/test-planner.ts';

const PHONE = '+15550010091';
const DAY_MS = 86_400_000;
const foods = loadFoodDatabase();

/** A ready single adult (the onboarding of the plan transcripts) talking to the use case on memory stores. */
async function coach(planner: MealPlanner = testPlanner) {
  const stores = createMemoryStores();
  const clock = new ManualClock(new Date(TRANSCRIPT_START));
  const deps = {
    stores,
    clock,
    ids: sequentialIds(),
    tokens: sequentialTokens(),
    planner,
    logger: silentLogger,
    conversation: {
      brand: { name: 'AI Nutritionist', contact: 'help@example.org' },
      privacyUrl: 'https://coach.example.test/privacy',
      providerConfirmsOptOut: false,
    },
    publicBaseUrl: 'https://coach.example.test',
    messageRetentionDays: 90,
  };
  const send = async (text: string) =>
    (
      await handleInboundMessage(deps, { channel: 'sms', sender: { phone: PHONE }, text, hasMedia: false })
    ).replies.join('\n');
  for (const text of [
    'hi',
    'yes',
    'maintain',
    'no allergies, I eat everything',
    'just me, $90 a week',
    '34 female 165cm 62kg moderate',
  ])
    await send(text);
  const current = async (): Promise<StoredPlan> => {
    const user = await stores.users.findByPhone(PHONE);
    const plan = user && (await stores.plans.current(user.id, clock.now()));
    if (!plan) throw new Error('no current plan');
    return plan;
  };
  return { send, current, clock };
}

const recipeAt = (plan: PlanResult, day: number, slot: string) =>
  plan.days[day]?.meals.find((meal) => meal.slot === slot && !isSideMeal(meal))?.recipeId;

/** Recipes the planner's own dislike rule lets through for "lentils" (the words people use are matched singular). */
const lentilFree = new Set(
  loadRecipeDatabase(foods)
    .eligible({ diet: 'omnivore', allergies: [], dislikes: ['lentils'] })
    .map((recipe) => recipe.id),
);

describe('plan edits in chat (real planner)', () => {
  it('swaps one meal in place: same link, the new meal on its page, every other meal kept', async () => {
    const { send, current } = await coach();
    await send('plan');
    const before = await current();
    const reply = await send('swap tuesday lunch');
    const after = await current();
    expect(reply).toContain('Swapped Tuesday');
    expect(after.id).toBe(before.id);
    expect(after.token).toBe(before.token);
    expect(reply).toContain(`/p/${before.token}`);
    // Plans start on Thursday: Tuesday is index 5.
    expect(recipeAt(after.plan, 5, 'lunch')).not.toBe(recipeAt(before.plan, 5, 'lunch'));
    for (const [index, day] of before.plan.days.entries())
      if (index !== 5) expect(after.plan.days[index]).toEqual(day);
    const lunch = after.plan.days[5]?.meals.find((meal) => meal.slot === 'lunch' && !isSideMeal(meal));
    expect(reply).toContain(lunch?.recipeName);
    expect(reply).toContain(`$${after.plan.cost.total.toFixed(2).replace(/\.00$/, '')}`);
    expect(planPage('AI Nutritionist', after)).toContain(lunch?.recipeName);
  }, 120_000);

  it('says a day is outside the plan and leaves the plan as it was', async () => {
    const { send, current, clock } = await coach();
    await send('plan');
    clock.advance(6 * DAY_MS);
    const before = await current();
    expect(await send('swap dinner tomorrow')).toContain("isn't in your current plan");
    expect(await send('swap friday lunch')).toContain("isn't in your current plan");
    expect(await current()).toEqual(before);
    expect(await send('swap dinner')).toContain('Swapped Wednesday');
  }, 120_000);

  it('keeps a food out for the week: only meals with it change, later swaps keep it out', async () => {
    const { send, current } = await coach();
    await send('plan');
    const before = await current();
    const ruledOut = (recipeId: string) => !lentilFree.has(recipeId);
    const changedDays = new Set(
      before.plan.days.flatMap((day, index) =>
        day.meals.some((meal) => !isSideMeal(meal) && ruledOut(meal.recipeId)) ? [index] : [],
      ),
    );
    const count = before.plan.days
      .flatMap((day) => day.meals)
      .filter((meal) => !isSideMeal(meal) && ruledOut(meal.recipeId)).length;
    // This profile's cheapest week is built on lentils; otherwise this test would prove nothing.
    expect(count).toBeGreaterThan(0);
    const reply = await send('no lentils this week');
    const after = await current();
    expect(reply).toContain(`changed ${count} meal`);
    expect(reply).toContain(`$${after.plan.cost.total.toFixed(2).replace(/\.00$/, '')}`);
    expect(after.request.dislikes).toContain('lentils');
    expect(after.token).toBe(before.token);
    const noLentils = (plan: PlanResult) => {
      for (const day of plan.days)
        for (const meal of day.meals)
          if (!isSideMeal(meal)) expect(ruledOut(meal.recipeId), meal.recipeName).toBe(false);
    };
    noLentils(after.plan);
    for (const [index, day] of before.plan.days.entries())
      if (!changedDays.has(index)) expect(after.plan.days[index]).toEqual(day);

    for (const text of ['swap dinner', 'swap tuesday lunch', 'another breakfast tomorrow']) {
      expect(await send(text)).toContain('Swapped');
      noLentils((await current()).plan);
    }
    expect(await send('no lentils this week')).toContain('has no lentils');
    expect(await send('no fish this week')).toMatch(/fish/);
    expect((await current()).request.dislikes).toEqual(expect.arrayContaining(['lentils', 'fish']));
  }, 180_000);

  it('takes what the user has off the list, the page and the cost; a new plan starts with nothing marked', async () => {
    const { send, current } = await coach();
    await send('plan');
    const before = await current();
    const item = before.plan.groceryList.find((entry) => !entry.pantry);
    if (!item) throw new Error('no grocery item');
    const food = foods.require(item.foodId);
    const word = food.synonyms[0] ?? food.name;
    const reply = await send(`already have ${word}`);
    const after = await current();
    expect(after.atHome).toContain(item.foodId);
    const left = Math.round((before.plan.cost.total - item.cost) * 100) / 100;
    const shown = `$${left.toFixed(2).replace(/\.00$/, '')}`;
    expect(reply).toContain(word);
    expect(reply).toContain(shown);
    const list = await send('list');
    expect(list).toContain(`${shown} still to buy`);
    expect(list).not.toContain(`x ${item.name},`);
    const page = planPage('AI Nutritionist', after);
    expect(page).toContain('Still to buy');
    expect(page).toContain(`Already at home: ${item.name}`);
    expect(page).not.toContain(`<tr><td>${item.name}</td>`);

    expect(await send('have unicorn dust')).toContain('unicorn dust is not on your shopping list');
    await send('plan');
    const fresh = await current();
    expect(fresh.id).not.toBe(after.id);
    expect(fresh.atHome).toBeUndefined();
    expect(await send('list')).toContain('total');
  }, 120_000);

  it('leaves the plan unchanged when the planner finds no other meal, or the food is unknown', async () => {
    const unchanged: MealPlanner = {
      ...testPlanner,
      swapMeal: async (_request, plan) => ({ ...plan, status: 'infeasible', days: [], groceryList: [] }),
      excludeFoods: async (request, plan, dislikes) => ({
        plan: { ...plan, status: 'infeasible', days: [], groceryList: [] },
        request: { ...request, dislikes: [...request.dislikes, ...dislikes] },
        replaced: 0,
        sidesOnly: 0,
      }),
    };
    const { send, current } = await coach(unchanged);
    await send('plan');
    const before = await current();
    expect(await send('swap dinner')).toContain('No other dinner fits Thursday');
    expect(await send('no fish this week')).toContain("couldn't replace every meal with fish");
    expect(await send('no unicorn this week')).toContain('I don\'t know "unicorn" as a food');
    expect(await current()).toEqual(before);
  }, 120_000);
});
