import type { LinearModel, LpSolution } from '../ports/lp-solver.port.ts';
import { addDayBlock, addFoodCost, type DayBlock, type DayPlan } from './day-model.ts';
import { accumulate, type Expression, ModelBuilder } from './model-builder.ts';
import type { Slot } from './plan-request.ts';
import type { MemberPlanTargets, PlanningFood, PlanningRecipe } from './planning-inputs.ts';
import { packagesFor } from './purchases.ts';
import { MAX_USES_PER_WEEK } from './week-search.ts';

export interface WeekModelInput {
  members: readonly MemberPlanTargets[];
  /** Candidate recipes per day and slot (weekday prep limits already applied). */
  candidates: readonly ReadonlyMap<Slot, readonly PlanningRecipe[]>[];
  sides: readonly PlanningFood[];
  foods: ReadonlyMap<string, PlanningFood>;
}

export interface WeekModel {
  model: LinearModel;
  decode(solution: LpSolution): DayPlan[];
  /** A known week as a starting solution (all its recipes must be among the candidates). */
  encode(days: readonly DayPlan[]): number[];
}

/**
 * The whole week as one exact MILP over a small candidate set: every day's block (choices, quarter portions,
 * sides, nutrient and meal-share rows) sharing one grocery bill of whole packages, with the variety rules across
 * days. Monolithic over all recipes it is far too slow; over the few recipes the search and the LP favour, and
 * started from the search's week, HiGHS can trade recipes between days to buy fewer packages.
 */
export function buildWeekModel(input: WeekModelInput): WeekModel {
  const model = new ModelBuilder();
  const foodUse = new Map<string, Expression>();
  const blocks: DayBlock[] = input.candidates.map((candidates, day) =>
    addDayBlock(
      model,
      `d${day}:`,
      { members: input.members, candidates, sides: input.sides, penalties: new Map() },
      foodUse,
      0,
    ),
  );
  const uses = new Map<string, Expression>();
  blocks.forEach((block) => {
    for (const choice of block.choices) accumulate(uses, choice.recipeId, choice.y, 1);
  });
  for (const [id, expression] of uses)
    if (expression.size > MAX_USES_PER_WEEK) model.row(`variety:${id}`, expression, 0, MAX_USES_PER_WEEK);
  blocks.forEach((block, day) => {
    const next = blocks[day + 1];
    if (!next) return;
    for (const choice of block.choices.filter((c) => c.slot === 'dinner')) {
      const tomorrow = next.choices.find((c) => c.slot === 'dinner' && c.recipeId === choice.recipeId);
      if (tomorrow) {
        model.row(
          `consecutive:${day}:${choice.recipeId}`,
          new Map([
            [choice.y, 1],
            [tomorrow.y, 1],
          ]),
          0,
          1,
        );
      }
    }
  });
  const purchases = addFoodCost(model, foodUse, {
    foods: input.foods,
    free: new Map(),
    packageIntegers: true,
  });
  const built = model.build();
  return {
    model: built,
    decode: (solution) => blocks.map((block) => block.decode(solution)),
    encode(days) {
      const values = new Array<number>(built.variables.length).fill(0);
      blocks.forEach((block, day) => {
        const planned = days[day];
        if (planned) block.encode(planned, values);
      });
      const grams = new Map<string, number>();
      for (const day of days) {
        for (const meal of day.meals) {
          const servings = meal.quarters.reduce((sum, q) => sum + q, 0) / 4;
          for (const ingredient of meal.recipe.ingredients) {
            grams.set(ingredient.foodId, (grams.get(ingredient.foodId) ?? 0) + ingredient.grams * servings);
          }
        }
        for (const side of day.sides)
          grams.set(side.food.food.id, (grams.get(side.food.food.id) ?? 0) + side.grams);
      }
      for (const [foodId, purchase] of purchases) {
        const used = grams.get(foodId) ?? 0;
        const food = input.foods.get(foodId);
        values[purchase.index] = purchase.packageGrams && food ? packagesFor(food, used) : used;
      }
      return values;
    },
  };
}
