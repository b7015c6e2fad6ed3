import type { LinearModel, LpSolution } from '../ports/lp-solver.port.ts';
import {
  addMealShareRows,
  addMemberDayRows,
  emptyExpressions,
  emptySlotExpressions,
  type MemberExpressions,
} from './member-rows.ts';
import { accumulate, addTerm, type Expression, ModelBuilder } from './model-builder.ts';
import { PLAN_NUTRIENTS } from './nutrients.ts';
import { SLOTS, type Slot } from './plan-request.ts';
import { maxSideGrams } from './planning-foods.ts';
import type { MemberPlanTargets, PlanningFood, PlanningRecipe } from './planning-inputs.ts';

/** Portions are whole quarter servings, up to three servings of one dish. */
export const MAX_QUARTERS = 12;
/** Everyone eats at least half a serving of each main meal; a snack may be skipped by a member. */
const MIN_QUARTERS: Record<Slot, number> = { breakfast: 2, lunch: 2, dinner: 2, snack: 0 };
/** Objective: dollars, plus this much per kcal away from a member's target (100 kcal off ≈ 10 cents). */
const DEVIATION_COST_PER_KCAL = 0.001;

export interface DayModelInput {
  members: readonly MemberPlanTargets[];
  candidates: ReadonlyMap<Slot, readonly PlanningRecipe[]>;
  sides: readonly PlanningFood[];
  foods: ReadonlyMap<string, PlanningFood>;
  /** Grams in packages the rest of the week already buys and does not use: free today. */
  free: ReadonlyMap<string, number>;
  /**
   * Whole packages as integers (exact marginal cost) or newly bought grams priced per gram (a relaxation that
   * solves far faster; the week's true package cost is evaluated outside the model).
   */
  packageIntegers: boolean;
  /** Extra objective cost when a recipe is chosen (repetition). */
  penalties: ReadonlyMap<string, number>;
}

export interface ChosenMeal {
  slot: Slot;
  recipe: PlanningRecipe;
  /** Quarter servings per member, in member order. */
  quarters: number[];
}

export interface ChosenSide {
  member: number;
  food: PlanningFood;
  grams: number;
}

export interface DayModel {
  model: LinearModel;
  decode(solution: LpSolution): { meals: ChosenMeal[]; sides: ChosenSide[] };
}

/**
 * One day as a MILP: a binary choice of recipe per slot shared by the household, integer quarter-serving portions
 * per member, continuous side grams per member, and the day's exact marginal cost: grams left in packages the rest
 * of the week opens are free, anything more costs whole packages (pantry staples by the gram).
 */
export function buildDayModel(input: DayModelInput): DayModel {
  const model = new ModelBuilder();
  const perMember: MemberExpressions[] = input.members.map(() => emptyExpressions());
  const slotKcal = input.members.map(() => emptySlotExpressions());
  const foodUse = new Map<string, Expression>();
  const chosen: { slot: Slot; recipe: PlanningRecipe; y: number; q: number[] }[] = [];
  const bySlotRecipe = new Map<string, number[]>();

  for (const slot of SLOTS) {
    const pick = new Map<number, number>();
    for (const recipe of input.candidates.get(slot) ?? []) {
      const y = model.variable(`y:${slot}:${recipe.id}`, 0, 1, input.penalties.get(recipe.id) ?? 0, true);
      pick.set(y, 1);
      const list = bySlotRecipe.get(recipe.id) ?? [];
      list.push(y);
      bySlotRecipe.set(recipe.id, list);
      const q = input.members.map((_, m) => {
        const quarters = model.variable(`q:${m}:${slot}:${recipe.id}`, 0, MAX_QUARTERS, 0, true);
        model.row(
          `link_max:${m}:${slot}:${recipe.id}`,
          new Map([
            [quarters, 1],
            [y, -MAX_QUARTERS],
          ]),
          -Infinity,
          0,
        );
        if (MIN_QUARTERS[slot] > 0) {
          model.row(
            `link_min:${m}:${slot}:${recipe.id}`,
            new Map([
              [quarters, 1],
              [y, -MIN_QUARTERS[slot]],
            ]),
            0,
            Infinity,
          );
        }
        for (const key of PLAN_NUTRIENTS)
          addTerm(perMember[m]?.[key] ?? new Map(), quarters, recipe.perServing[key] / 4);
        addTerm(slotKcal[m]?.[slot] ?? new Map(), quarters, recipe.perServing.kcal / 4);
        for (const ingredient of recipe.ingredients)
          accumulate(foodUse, ingredient.foodId, quarters, ingredient.grams / 4);
        return quarters;
      });
      chosen.push({ slot, recipe, y, q });
    }
    model.row(`one:${slot}`, pick, 1, 1);
  }
  // A dish listed for several slots is still eaten once a day.
  for (const [id, ys] of bySlotRecipe) {
    if (ys.length > 1) model.row(`once:${id}`, new Map(ys.map((y) => [y, 1])), 0, 1);
  }

  const sideVars: { member: number; food: PlanningFood; g: number }[] = [];
  input.members.forEach((_, m) => {
    for (const side of input.sides) {
      const g = model.variable(`side:${m}:${side.food.id}`, 0, maxSideGrams(side));
      for (const key of PLAN_NUTRIENTS) addTerm(perMember[m]?.[key] ?? new Map(), g, side.perGram[key]);
      addTerm(slotKcal[m]?.snack ?? new Map(), g, side.perGram.kcal);
      accumulate(foodUse, side.food.id, g, 1);
      sideVars.push({ member: m, food: side, g });
    }
  });

  addFoodCost(model, foodUse, input);

  input.members.forEach((member, m) => {
    const expressions = perMember[m];
    if (expressions) {
      addMemberDayRows(model, `m${m}`, member, expressions, {
        dailyFiber: true,
        deviationCostPerKcal: DEVIATION_COST_PER_KCAL,
      });
      addMealShareRows(model, `m${m}`, slotKcal[m] ?? emptySlotExpressions(), expressions.kcal);
    }
  });

  return {
    model: model.build(),
    decode(solution) {
      const value = (index: number) => solution.values[index] ?? 0;
      const meals = chosen
        .filter((entry) => value(entry.y) > 0.5)
        .map((entry) => ({
          slot: entry.slot,
          recipe: entry.recipe,
          quarters: entry.q.map((q) => Math.round(value(q))),
        }));
      const sides = sideVars
        .map((entry) => ({ member: entry.member, food: entry.food, grams: Math.round(value(entry.g)) }))
        .filter((entry) => entry.grams >= 1);
      return { meals, sides };
    },
  };
}

/** Each food's grams come from free leftovers or from newly bought whole packages (pantry staples by the gram). */
function addFoodCost(model: ModelBuilder, foodUse: Map<string, Expression>, input: DayModelInput): void {
  for (const [foodId, expression] of foodUse) {
    const food = input.foods.get(foodId);
    if (!food) throw new Error(`Unknown food ${foodId} in the day model`);
    const balance = new Map(expression);
    const free = input.free.get(foodId) ?? 0;
    if (free > 0) addTerm(balance, model.variable(`free:${foodId}`, 0, free), -1);
    if (food.pantry || !input.packageIntegers) {
      addTerm(balance, model.variable(`buy:${foodId}`, 0, Infinity, food.pricePerGram), -1);
    } else {
      const packages = model.variable(`packages:${foodId}`, 0, Infinity, food.pricePerPackage, true);
      addTerm(balance, packages, -food.packageGrams);
      model.row(`food:${foodId}`, balance, -Infinity, 0);
      continue;
    }
    model.row(`food:${foodId}`, balance, 0, 0);
  }
}
