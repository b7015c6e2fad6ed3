import { isWeekday, slotRecipes } from './candidate-pool.ts';
import { buildDayModel, type ChosenMeal, type ChosenSide, type DayPlan } from './day-model.ts';
import { assemblePlan } from './plan-assembly.ts';
import { infeasiblePlan, type PlannerDeps, planContext } from './plan-context.ts';
import type { PlanRequest, Slot } from './plan-request.ts';
import { SLOTS } from './plan-request.ts';
import { isSideMeal, type PlannedDay, type PlanResult, SIDE_PREFIX } from './plan-result.ts';
import { filtersOf } from './plan-why.ts';
import type { PlanningRecipe } from './planning-inputs.ts';
import { freeGrams } from './purchases.ts';
import { SWAP_LIMITS } from './solve-limits.ts';
import { type WeekInput, weekGrams } from './week-planner.ts';
import { MAX_USES_PER_WEEK } from './week-search.ts';

/**
 * Replaces one meal of a plan: every other meal of the week stays exactly as it is (recipes, and on other days
 * portions and sides too), and that day is re-solved exactly with any other recipe for the slot that keeps the week's
 * rules — so portions on the day may shift to keep everyone inside their targets.
 */
export async function swapMeal(
  request: PlanRequest,
  plan: PlanResult,
  target: { day: number; slot: Slot },
  deps: PlannerDeps,
): Promise<PlanResult> {
  const started = deps.now();
  const context = planContext(request, deps);
  if (!context.ok) return infeasiblePlan(context.why, context, deps.now() - started);
  const { input } = context;
  const days = plan.days.map((day) => toDayPlan(day, input));
  const index = target.day - 1;
  const today = days[index];
  if (!today) {
    return infeasiblePlan({ kind: 'day_missing', day: target.day }, context, deps.now() - started);
  }
  const current = today.meals.find((meal) => meal.slot === target.slot)?.recipe.id;
  const resolved = await resolveSlot(days, index, target.slot, input, new Set(current ? [current] : []));
  if (!resolved) {
    return infeasiblePlan(
      { kind: 'no_swap', slot: target.slot, day: target.day, filters: filtersOf(context.filters) },
      context,
      deps.now() - started,
      plan.solver.lpBound,
    );
  }
  return assemblePlan(
    {
      days: days.map((day, i) => (i === index ? resolved.day : day)),
      members: context.members,
      budget: context.budget,
      lpBound: plan.solver.lpBound,
      proven: resolved.proven,
      ms: deps.now() - started,
    },
    input.foods,
    deps.foods,
  );
}

/**
 * Re-solves one day of a week with one slot open to any recipe of `input` that keeps the week's rules (variety,
 * no dinner two days running, weekday prep) except those in `avoid`; every other meal of the day stays, and its
 * portions and sides are settled again exactly. Undefined when no recipe or no solution fits.
 */
export async function resolveSlot(
  days: readonly DayPlan[],
  index: number,
  open: Slot,
  input: WeekInput,
  avoid: ReadonlySet<string>,
): Promise<{ day: DayPlan; proven: boolean } | undefined> {
  const today = days[index];
  if (!today) return undefined;
  const others = days.filter((_, i) => i !== index);
  const uses = new Map<string, number>();
  for (const day of others)
    for (const meal of day.meals) uses.set(meal.recipe.id, (uses.get(meal.recipe.id) ?? 0) + 1);
  const candidates = new Map<Slot, PlanningRecipe[]>();
  const skipped = new Set<Slot>();
  for (const slot of SLOTS) {
    const kept = today.meals.find((meal) => meal.slot === slot);
    if (slot !== open && kept) {
      candidates.set(slot, [kept.recipe]);
      continue;
    }
    if (slot !== open) {
      // Nobody ate this slot that day (a skipped snack): it stays skipped. The model still picks one recipe for
      // it, at zero portions, so any one will do and no variety rule applies.
      skipped.add(slot);
      candidates.set(slot, input.recipes.filter((recipe) => recipe.slots.includes(slot)).slice(0, 1));
      continue;
    }
    const neighbours =
      slot === 'dinner' ? [days[index - 1], days[index + 1]].map((day) => dinnerOf(day)) : [];
    const sameDay = today.meals.filter((meal) => meal.slot !== slot).map((meal) => meal.recipe.id);
    const exclude = new Set([
      ...avoid,
      ...[...uses].filter(([, count]) => count >= MAX_USES_PER_WEEK).map(([id]) => id),
      ...neighbours.filter((id): id is string => id !== undefined),
      ...sameDay,
    ]);
    candidates.set(
      slot,
      slotRecipes(input.recipes, slot, {
        weekday: isWeekday(index),
        maxPrepMinutesWeekday: input.maxPrepMinutesWeekday,
        exclude,
      }),
    );
  }
  if ((candidates.get(open) ?? []).length === 0) return undefined;
  const dayModel = buildDayModel({
    members: input.members,
    candidates,
    sides: input.sides,
    foods: input.foods,
    free: freeGrams(weekGrams(others), input.foods),
    penalties: new Map(),
    packageIntegers: input.members.length <= 2,
    skipped,
  });
  const solution = await input.solver.solve(dayModel.model, {
    ...SWAP_LIMITS,
    mipRelativeGap: 0.01,
  });
  if (solution.status !== 'optimal' && solution.status !== 'feasible') return undefined;
  return { day: dayModel.decode(solution), proven: solution.status === 'optimal' };
}

function dinnerOf(day: DayPlan | undefined): string | undefined {
  return day?.meals.find((meal) => meal.slot === 'dinner')?.recipe.id;
}

/** Reads a reported day back into the planner's terms (recipes, quarter portions per member, sides). */
export function toDayPlan(day: PlannedDay, input: WeekInput): DayPlan {
  const names = input.members.map((member) => member.name);
  const meals: ChosenMeal[] = [];
  const sides: ChosenSide[] = [];
  for (const meal of day.meals) {
    if (isSideMeal(meal)) {
      const food = input.foods.get(meal.recipeId.slice(SIDE_PREFIX.length));
      const member = names.findIndex((name) => (meal.portions[name] ?? 0) > 0);
      const grams = meal.ingredients[0]?.grams ?? 0;
      if (food && member >= 0) sides.push({ member, food, grams });
      continue;
    }
    const recipe = input.recipes.find((candidate) => candidate.id === meal.recipeId);
    if (!recipe) throw new Error(`Recipe ${meal.recipeId} no longer fits this household`);
    meals.push({
      slot: meal.slot,
      recipe,
      quarters: names.map((name) => Math.round((meal.portions[name] ?? 0) * 4)),
    });
  }
  return { meals, sides };
}
