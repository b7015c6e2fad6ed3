import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/core/planning/plan-check.ts';
import { type PlanRequest, planRequestSchema } from '../../src/core/planning/plan-request.ts';
import type { PlanResult } from '../../src/core/planning/plan-result.ts';
import { planner } from './planner-support.ts';

const request: PlanRequest = planRequestSchema.parse(
  JSON.parse(readFileSync(path.join(import.meta.dirname, '../fixtures/profiles/single-adult.json'), 'utf8')),
);
const recipeMeals = (plan: PlanResult, day: number) =>
  (plan.days[day - 1]?.meals ?? []).filter((meal) => !meal.recipeId.startsWith('side:'));

describe('swapMeal (real planner)', () => {
  let plan: PlanResult;
  beforeAll(async () => {
    plan = await planner.planWeek(request);
    expect(plan.status).not.toBe('infeasible');
  }, 60_000);

  it('replaces one dinner and keeps every other meal of the week as it was', async () => {
    const before = recipeMeals(plan, 3).find((meal) => meal.slot === 'dinner');
    const swapped = await planner.swapMeal(request, plan, { day: 3, slot: 'dinner' });
    expect(swapped.status, swapped.reason).not.toBe('infeasible');
    const after = recipeMeals(swapped, 3).find((meal) => meal.slot === 'dinner');
    expect(after?.recipeId).toBeDefined();
    expect(after?.recipeId).not.toBe(before?.recipeId);
    for (const day of [1, 2, 4, 5, 6, 7]) expect(swapped.days[day - 1]).toEqual(plan.days[day - 1]);
    const slots = (p: PlanResult) =>
      recipeMeals(p, 3)
        .filter((meal) => meal.slot !== 'dinner')
        .map((meal) => `${meal.slot}:${meal.recipeId}`);
    expect(slots(swapped)).toEqual(slots(plan));
    expect(checkPlan(request, swapped, planner).violations).toEqual([]);
  }, 60_000);

  it('says plainly when the day is not in the plan', async () => {
    const swapped = await planner.swapMeal(request, plan, { day: 9, slot: 'lunch' });
    expect(swapped.status).toBe('infeasible');
    expect(swapped.reason).toBe('Day 9 is not in this plan.');
  });
});
