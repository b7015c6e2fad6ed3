import { beforeAll, describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/core/planning/plan-check.ts';
import { type PlanRequest, planRequestSchema } from '../../src/core/planning/plan-request.ts';
import { isSideMeal, type PlanResult } from '../../src/core/planning/plan-result.ts';
import { planner } from './planner-support.ts';

/** Pescatarian and off legumes, so the cheapest week leans on tuna: a week with fish in it to take out. */
const request: PlanRequest = planRequestSchema.parse({
  members: [
    {
      name: 'Ana',
      sex: 'female',
      age: 34,
      heightCm: 165,
      weightKg: 62,
      activity: 'moderate',
      goal: 'maintain',
    },
  ],
  diet: 'pescatarian',
  allergies: [],
  dislikes: ['lentil', 'chickpea', 'bean', 'pea', 'dhal', 'dal'],
  budget: { amount: 160, currency: 'USD', period: 'week' },
});

const fishFree = new Set(
  planner.recipes
    .eligible({ diet: 'pescatarian', allergies: [], dislikes: [...request.dislikes, 'fish'] })
    .map((recipe) => recipe.id),
);
const recipeMeals = (plan: PlanResult, day: number) =>
  (plan.days[day]?.meals ?? []).filter((meal) => !isSideMeal(meal));

describe('excludeFromPlan (real planner)', () => {
  let plan: PlanResult;
  beforeAll(async () => {
    plan = await planner.planWeek(request);
    expect(plan.status, plan.reason).not.toBe('infeasible');
  }, 60_000);

  it('replaces only the meals with fish, keeps every day without fish as it was, and passes the checker', async () => {
    const fishy = plan.days.map((_, day) =>
      recipeMeals(plan, day).filter((meal) => !fishFree.has(meal.recipeId)),
    );
    const count = fishy.reduce((sum, meals) => sum + meals.length, 0);
    // This week has fish in it; otherwise the test would prove nothing.
    expect(count).toBeGreaterThan(0);

    const result = await planner.excludeFoods(request, plan, ['fish']);
    expect(result.plan.status, result.plan.reason).not.toBe('infeasible');
    expect(result.replaced).toBe(count);
    expect(result.request.dislikes).toEqual([...request.dislikes, 'fish']);
    for (const [day, meals] of fishy.entries()) {
      for (const meal of recipeMeals(result.plan, day))
        expect(fishFree.has(meal.recipeId), meal.recipeName).toBe(true);
      if (meals.length === 0) {
        expect(result.plan.days[day]).toEqual(plan.days[day]);
        continue;
      }
      // On a day with fish the main meals without it stay (a snack may be settled again with the day).
      const replacedSlots = new Set(meals.map((meal) => meal.slot));
      for (const meal of recipeMeals(plan, day))
        if (!replacedSlots.has(meal.slot) && meal.slot !== 'snack')
          expect(recipeMeals(result.plan, day).find((m) => m.slot === meal.slot)?.recipeId).toBe(
            meal.recipeId,
          );
    }
    expect(checkPlan(result.request, result.plan, planner).violations).toEqual([]);
  }, 60_000);

  it('changes nothing when the week has none of the food, but still adds the dislike', async () => {
    const result = await planner.excludeFoods(request, plan, ['pork']);
    expect(result.replaced).toBe(0);
    expect(result.sidesOnly).toBe(0);
    expect(result.plan).toEqual(plan);
    expect(result.request.dislikes).toContain('pork');
  });
});
