/**
 * The baseline of `npm run bench:planner`: a planner that picks as Mealie and Tandoor do. For each day and slot, a
 * uniformly random recipe among those passing the hard filters (diet, allergies, dislikes) and the weekday prep
 * limit; each member's portion sized to that slot's usual share of their energy target, in quarter servings
 * (nominalServings, as the real planner sizes portions while enumerating). No sides, no variety rule, no budget
 * search. The result is built with the planner's own output helpers so checkPlan judges it the same way.
 */

import { recipeSource } from '../src/composition/planner.ts';
import { planWhyEnglish } from '../src/core/conversation/messages/plan-why-text.ts';
import type { FoodDatabase } from '../src/core/nutrition/food-database.ts';
import type { RecipeDatabase } from '../src/core/nutrition/recipe-database.ts';
import { slotRecipes } from '../src/core/planning/candidate-pool.ts';
import type { ChosenMeal } from '../src/core/planning/day-model.ts';
import { nominalServings } from '../src/core/planning/day-search.ts';
import { buildGroceryList, groceryTotal } from '../src/core/planning/grocery-list.ts';
import { memberTargets } from '../src/core/planning/member-targets.ts';
import { gramsByFood, toPlannedDays } from '../src/core/planning/plan-output.ts';
import { type PlanRequest, SLOTS } from '../src/core/planning/plan-request.ts';
import type { PlanResult } from '../src/core/planning/plan-result.ts';
import { planningFoods } from '../src/core/planning/planning-foods.ts';
import type { PlannedWeekDay } from '../src/core/planning/week-planner.ts';

/** Days 1–5 are weekdays, as in the planner and the checker. */
const WEEKDAYS = 5;

export interface RandomPlan {
  /**
   * Status `feasible` whenever meals were drawn (even over budget), so checkPlan audits every meal; `infeasible`
   * only when a slot has no eligible recipe at all or the targets refuse a member.
   */
  plan: PlanResult;
  /** `feasible` when the grocery bill is within the prorated budget, `over-budget` otherwise. */
  label: 'feasible' | 'over-budget' | 'infeasible';
}

/** mulberry32: a small, fast, seedable PRNG (uniform in [0, 1)). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function randomPlan(
  request: PlanRequest,
  data: { foods: FoodDatabase; recipes: RecipeDatabase },
  seed: number,
): RandomPlan {
  const started = performance.now();
  const random = seededRandom(seed);
  const budget = Math.round(((request.budget.amount * request.days) / 7) * 100) / 100;
  const infeasible = (reason: string, members: PlanResult['members'] = []): RandomPlan => ({
    label: 'infeasible',
    plan: {
      status: 'infeasible',
      reason,
      members,
      days: [],
      groceryList: [],
      cost: { total: 0, currency: 'USD', budget },
      solver: { ms: Math.round(performance.now() - started), gap: null, lpBound: null },
      notes: [],
    },
  });

  const targets = memberTargets(request);
  if (!targets.ok) return infeasible(planWhyEnglish(targets.why));
  const members = targets.members;
  const membersOut = members.map((member) => ({ name: member.name, targets: member.reported }));
  const recipes = recipeSource(data.recipes).eligible({
    diet: request.diet,
    allergies: request.allergies,
    dislikes: request.dislikes,
  });

  const week: PlannedWeekDay[] = [];
  for (let index = 0; index < request.days; index++) {
    const meals: ChosenMeal[] = [];
    for (const slot of SLOTS) {
      const pool = slotRecipes(recipes, slot, {
        weekday: index < WEEKDAYS,
        maxPrepMinutesWeekday: request.maxPrepMinutesWeekday,
        exclude: new Set(),
      });
      const recipe = pool[Math.floor(random() * pool.length)];
      if (recipe === undefined) return infeasible(`No ${slot} recipe passes the filters.`, membersOut);
      meals.push({
        slot,
        recipe,
        quarters: members.map((member) => Math.round(nominalServings(recipe, slot, member) * 4)),
      });
    }
    week.push({ meals, sides: [] });
  }

  const days = toPlannedDays(
    week,
    members.map((member) => member.name),
    planningFoods(data.foods),
  );
  const groceryList = buildGroceryList(gramsByFood(days), data.foods);
  const total = groceryTotal(groceryList);
  const withinBudget = total <= budget + 1e-9;
  return {
    label: withinBudget ? 'feasible' : 'over-budget',
    plan: {
      status: 'feasible',
      reason: `Random plan costs $${total.toFixed(2)} of a $${budget.toFixed(2)} budget.`,
      members: membersOut,
      days,
      groceryList,
      cost: { total, currency: 'USD', budget },
      solver: { ms: Math.round(performance.now() - started), gap: null, lpBound: null },
      notes: [],
    },
  };
}
