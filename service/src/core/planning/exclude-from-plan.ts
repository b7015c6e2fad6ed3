import { foodFits } from '../nutrition/food-filter.ts';
import type { DayPlan } from './day-model.ts';
import { assemblePlan } from './plan-assembly.ts';
import { infeasiblePlan, type PlannerDeps, planContext } from './plan-context.ts';
import type { PlanRequest, Slot } from './plan-request.ts';
import type { PlanResult } from './plan-result.ts';
import { filtersOf, type PlanWhy } from './plan-why.ts';
import { resolveSlot, toDayPlan } from './swap-meal.ts';

export interface ExclusionResult {
  /** The re-solved week (`infeasible`, with the reason, when some meal has no replacement). */
  plan: PlanResult;
  /** The request with the new dislikes, which later swaps must be made from. */
  request: PlanRequest;
  /** Recipe meals replaced because they held a disliked food. */
  replaced: number;
  /** Days re-settled only because a side (not a recipe) held a disliked food. */
  sidesOnly: number;
}

/**
 * Keeps foods out of an existing week ("no fish this week"): the dislikes join the request's hard filters, and
 * only the meals those filters now rule out are replaced, one at a time as swaps, so every other recipe stays. A
 * day whose only disliked food is a side is settled again with the same recipes and the allowed sides.
 */
export async function excludeFromPlan(
  request: PlanRequest,
  plan: PlanResult,
  dislikes: readonly string[],
  deps: PlannerDeps,
): Promise<ExclusionResult> {
  const started = deps.now();
  const next: PlanRequest = {
    ...request,
    dislikes: [...new Set([...request.dislikes, ...dislikes])],
  };
  const before = planContext(request, deps);
  const after = planContext(next, deps);
  const failed = (why: PlanWhy): ExclusionResult => ({
    plan: infeasiblePlan(why, after, deps.now() - started, plan.solver.lpBound),
    request: next,
    replaced: 0,
    sidesOnly: 0,
  });
  if (!before.ok) return failed(before.why);
  if (!after.ok) return failed(after.why);
  const noSwap = (slot: Slot, index: number): ExclusionResult =>
    failed({ kind: 'no_swap', slot, day: index + 1, filters: filtersOf(after.filters) });

  const allowedRecipes = new Set(after.input.recipes.map((recipe) => recipe.id));
  const days: DayPlan[] = plan.days.map((day) => toDayPlan(day, before.input));
  let replaced = 0;
  let sidesOnly = 0;
  let proven = true;
  for (const [index, day] of days.entries()) {
    const ruledOut: Slot[] = day.meals
      .filter((meal) => !allowedRecipes.has(meal.recipe.id))
      .map((meal) => meal.slot);
    for (const slot of ruledOut) {
      const resolved = await resolveSlot(days, index, slot, after.input, new Set());
      if (!resolved) return noSwap(slot, index);
      days[index] = resolved.day;
      proven &&= resolved.proven;
      replaced++;
    }
    const current = days[index];
    // The hard filters themselves, not the side list: an oil drizzle is a side the list does not offer.
    if (ruledOut.length > 0 || !current?.sides.some((side) => !foodFits(side.food.food, after.filters)))
      continue;
    // Re-solving a kept slot with every other recipe avoided settles the day again with the same recipes.
    const slot = current.meals[0]?.slot;
    if (!slot) continue;
    const keep = current.meals.find((meal) => meal.slot === slot)?.recipe.id;
    const avoid = new Set(after.input.recipes.map((recipe) => recipe.id).filter((id) => id !== keep));
    const resolved = await resolveSlot(days, index, slot, after.input, avoid);
    if (!resolved) return noSwap(slot, index);
    days[index] = resolved.day;
    proven &&= resolved.proven;
    sidesOnly++;
  }
  if (replaced === 0 && sidesOnly === 0) return { plan, request: next, replaced, sidesOnly };
  return {
    plan: assemblePlan(
      {
        days,
        members: after.members,
        budget: after.budget,
        lpBound: plan.solver.lpBound,
        proven,
        ms: deps.now() - started,
      },
      after.input.foods,
      deps.foods,
    ),
    request: next,
    replaced,
    sidesOnly,
  };
}
