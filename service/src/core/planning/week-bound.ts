import type { LinearModel } from '../ports/lp-solver.port.ts';
import { slotRecipes, WEEKDAYS } from './candidate-pool.ts';
import { MAX_QUARTERS } from './day-model.ts';
import {
  addMealShareRows,
  addMemberDayRows,
  type ConstraintFamily,
  emptyExpressions,
  emptySlotExpressions,
  type MemberExpressions,
} from './member-rows.ts';
import { accumulate, addTerm, type Expression, ModelBuilder } from './model-builder.ts';
import { PLAN_NUTRIENTS } from './nutrients.ts';
import { SLOTS } from './plan-request.ts';
import { maxSideGrams } from './planning-foods.ts';
import type { MemberPlanTargets, PlanningFood, PlanningRecipe } from './planning-inputs.ts';
import { MAX_USES_PER_WEEK } from './week-search.ts';

const MIN_MAIN_QUARTERS = 2;

export interface WeekBoundInput {
  members: readonly MemberPlanTargets[];
  recipes: readonly PlanningRecipe[];
  sides: readonly PlanningFood[];
  foods: ReadonlyMap<string, PlanningFood>;
  days: number;
  maxPrepMinutesWeekday: number;
  /** Constraint families left out, to find which one makes a household infeasible. */
  relaxed?: ReadonlySet<ConstraintFamily>;
}

/**
 * The whole week over every eligible recipe and allowed side — the model the search approximates — as an LP:
 * recipe choices and portions continuous, packages bought by the gram, fibre as a weekly average. Its optimum is a
 * lower bound on the cost of any plan meeting everyone's needs (Stigler's diet problem); plan cost and
 * `solver.gap` are reported against it.
 *
 * It is solved in symmetric form: weekdays share one set of variables and weekend days another (an optimal LP
 * solution can be averaged over days that face identical constraints without changing its cost), weighted by how
 * many days each class has. The no-same-dinner-twice-running rule enters through its weekly consequence (a dinner
 * at most (days + 1) / 2 times), so this is a relaxation of the day-by-day LP and still a valid lower bound.
 */
export function buildWeekBoundModel(input: WeekBoundInput): LinearModel {
  const model = new ModelBuilder();
  const weekdays = Math.min(input.days, WEEKDAYS);
  const classes = [
    { weekday: true, count: weekdays },
    { weekday: false, count: input.days - weekdays },
  ].filter((dayClass) => dayClass.count > 0);
  const foodUse = new Map<string, Expression>();
  const uses = new Map<string, Expression>();
  const dinners = new Map<string, Expression>();
  const weekly = input.members.map(() => ({
    fiber: new Map<number, number>(),
    kcal: new Map<number, number>(),
  }));

  for (const [c, { weekday, count }] of classes.entries()) {
    const perMember: MemberExpressions[] = input.members.map(() => emptyExpressions());
    const slotKcal = input.members.map(() => emptySlotExpressions());
    const sameDay = new Map<string, Expression>();
    for (const slot of SLOTS) {
      const pick: Expression = new Map();
      const recipes = slotRecipes(input.recipes, slot, {
        weekday,
        maxPrepMinutesWeekday: input.maxPrepMinutesWeekday,
        exclude: new Set(),
      });
      for (const recipe of recipes) {
        const y = model.variable(`y:${c}:${slot}:${recipe.id}`, 0, 1);
        addTerm(pick, y, 1);
        accumulate(uses, recipe.id, y, count);
        accumulate(sameDay, recipe.id, y, 1);
        if (slot === 'dinner') accumulate(dinners, recipe.id, y, count);
        input.members.forEach((_, m) => {
          const q = model.variable(`q:${c}:${m}:${slot}:${recipe.id}`, 0, MAX_QUARTERS);
          model.row(
            `max:${c}:${m}:${slot}:${recipe.id}`,
            new Map([
              [q, 1],
              [y, -MAX_QUARTERS],
            ]),
            -Infinity,
            0,
          );
          if (slot !== 'snack') {
            model.row(
              `min:${c}:${m}:${slot}:${recipe.id}`,
              new Map([
                [q, 1],
                [y, -MIN_MAIN_QUARTERS],
              ]),
              0,
              Infinity,
            );
          }
          for (const key of PLAN_NUTRIENTS)
            addTerm(perMember[m]?.[key] ?? new Map(), q, recipe.perServing[key] / 4);
          addTerm(slotKcal[m]?.[slot] ?? new Map(), q, recipe.perServing.kcal / 4);
          for (const ingredient of recipe.ingredients) {
            accumulate(foodUse, ingredient.foodId, q, (count * ingredient.grams) / 4);
          }
        });
      }
      model.row(`one:${c}:${slot}`, pick, 1, 1);
    }
    for (const [id, expression] of sameDay)
      if (expression.size > 1) model.row(`once:${c}:${id}`, expression, 0, 1);
    input.members.forEach((member, m) => {
      const expressions = perMember[m];
      const slots = slotKcal[m];
      const totals = weekly[m];
      if (!expressions || !slots || !totals) return;
      for (const side of input.sides) {
        const g = model.variable(`side:${c}:${m}:${side.food.id}`, 0, maxSideGrams(side));
        for (const key of PLAN_NUTRIENTS) addTerm(expressions[key], g, side.perGram[key]);
        addTerm(slots.snack, g, side.perGram.kcal);
        accumulate(foodUse, side.food.id, g, count);
      }
      addMemberDayRows(model, `c${c}m${m}`, member, expressions, {
        dailyFiber: false,
        deviationCostPerKcal: 0,
      });
      addMealShareRows(model, `c${c}m${m}`, slots, expressions.kcal);
      for (const [index, coefficient] of expressions.fiberG)
        addTerm(totals.fiber, index, count * coefficient);
      for (const [index, coefficient] of expressions.kcal) addTerm(totals.kcal, index, count * coefficient);
    });
  }

  input.members.forEach((member, m) => {
    const totals = weekly[m];
    if (!totals || input.relaxed?.has('fiber')) return;
    const fiber = new Map(totals.fiber);
    for (const [index, coefficient] of totals.kcal) addTerm(fiber, index, -member.fiberPerKcal * coefficient);
    model.row(`fiber_week:${m}`, fiber, 0, Infinity);
  });
  for (const [id, expression] of uses) model.row(`variety:${id}`, expression, 0, MAX_USES_PER_WEEK);
  for (const [id, expression] of dinners) model.row(`dinner_runs:${id}`, expression, 0, (input.days + 1) / 2);
  for (const [foodId, expression] of foodUse) {
    const food = input.foods.get(foodId);
    if (!food) throw new Error(`Unknown food ${foodId} in the week bound`);
    for (const [index, grams] of expression) model.addCost(index, grams * food.pricePerGram);
  }
  return model.build();
}
