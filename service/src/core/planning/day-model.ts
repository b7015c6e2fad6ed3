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
  /** Slots nobody eats today (a skipped snack a swap must not bring back): their portions are held at zero. */
  skipped?: ReadonlySet<Slot>;
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

/** One planned day: the shared meals with each member's quarter servings, and each member's sides. */
export interface DayPlan {
  meals: ChosenMeal[];
  sides: ChosenSide[];
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
  const foodUse = new Map<string, Expression>();
  const block = addDayBlock(model, '', input, foodUse, DEVIATION_COST_PER_KCAL);
  addFoodCost(model, foodUse, input);
  return { model: model.build(), decode: block.decode };
}

export interface DayBlock {
  decode(solution: LpSolution): { meals: ChosenMeal[]; sides: ChosenSide[] };
  /** Writes a known day (e.g. the search's) into a value vector, for a warm start. */
  encode(day: { meals: readonly ChosenMeal[]; sides: readonly ChosenSide[] }, values: number[]): void;
  /** Choice variables by recipe id, and by slot. */
  choices: { slot: Slot; recipeId: string; y: number }[];
}

/**
 * One day's variables and rows inside a larger model: recipe choices, quarter portions, sides, each member's
 * nutrient and meal-share rows. Food use goes into `foodUse`, costed by the caller (one day, or the whole week).
 */
export function addDayBlock(
  model: ModelBuilder,
  prefix: string,
  input: Pick<DayModelInput, 'members' | 'candidates' | 'sides' | 'penalties' | 'skipped'>,
  foodUse: Map<string, Expression>,
  deviationCostPerKcal: number,
): DayBlock {
  const perMember: MemberExpressions[] = input.members.map(() => emptyExpressions());
  const slotKcal = input.members.map(() => emptySlotExpressions());
  const chosen: { slot: Slot; recipe: PlanningRecipe; y: number; q: number[] }[] = [];
  const bySlotRecipe = new Map<string, number[]>();

  for (const slot of SLOTS) {
    const pick = new Map<number, number>();
    for (const recipe of input.candidates.get(slot) ?? []) {
      const y = model.variable(
        `${prefix}y:${slot}:${recipe.id}`,
        0,
        1,
        input.penalties.get(recipe.id) ?? 0,
        true,
      );
      pick.set(y, 1);
      bySlotRecipe.set(recipe.id, [...(bySlotRecipe.get(recipe.id) ?? []), y]);
      const q = input.members.map((_, m) => {
        const most = input.skipped?.has(slot) ? 0 : MAX_QUARTERS;
        const quarters = model.variable(`${prefix}q:${m}:${slot}:${recipe.id}`, 0, most, 0, true);
        const link = (bound: number) =>
          new Map([
            [quarters, 1],
            [y, -bound],
          ]);
        model.row(`${prefix}link_max:${m}:${slot}:${recipe.id}`, link(MAX_QUARTERS), -Infinity, 0);
        if (MIN_QUARTERS[slot] > 0) {
          model.row(`${prefix}link_min:${m}:${slot}:${recipe.id}`, link(MIN_QUARTERS[slot]), 0, Infinity);
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
    model.row(`${prefix}one:${slot}`, pick, 1, 1);
  }
  // A dish listed for several slots is still eaten once a day.
  for (const [id, ys] of bySlotRecipe) {
    if (ys.length > 1) model.row(`${prefix}once:${id}`, new Map(ys.map((y) => [y, 1])), 0, 1);
  }

  const sideVars: { member: number; food: PlanningFood; g: number }[] = [];
  input.members.forEach((_, m) => {
    for (const side of input.sides) {
      const g = model.variable(`${prefix}side:${m}:${side.food.id}`, 0, maxSideGrams(side));
      for (const key of PLAN_NUTRIENTS) addTerm(perMember[m]?.[key] ?? new Map(), g, side.perGram[key]);
      addTerm(slotKcal[m]?.snack ?? new Map(), g, side.perGram.kcal);
      accumulate(foodUse, side.food.id, g, 1);
      sideVars.push({ member: m, food: side, g });
    }
  });

  input.members.forEach((member, m) => {
    const expressions = perMember[m];
    if (!expressions) return;
    addMemberDayRows(model, `${prefix}m${m}`, member, expressions, {
      dailyFiber: true,
      deviationCostPerKcal,
    });
    addMealShareRows(model, `${prefix}m${m}`, slotKcal[m] ?? emptySlotExpressions(), expressions.kcal);
  });

  return {
    choices: chosen.map((entry) => ({ slot: entry.slot, recipeId: entry.recipe.id, y: entry.y })),
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
    encode(day, values) {
      for (const entry of chosen) {
        const meal = day.meals.find((m) => m.slot === entry.slot && m.recipe.id === entry.recipe.id);
        values[entry.y] = meal ? 1 : 0;
        entry.q.forEach((q, m) => {
          values[q] = meal?.quarters[m] ?? 0;
        });
      }
      for (const entry of sideVars) {
        values[entry.g] =
          day.sides.find((side) => side.member === entry.member && side.food.food.id === entry.food.food.id)
            ?.grams ?? 0;
      }
    },
  };
}

/** The purchase variable of each food: grams bought by the gram, or whole packages. */
export type PurchaseVariables = Map<string, { index: number; packageGrams?: number }>;

/** Each food's grams come from free leftovers or from newly bought whole packages (pantry staples by the gram). */
export function addFoodCost(
  model: ModelBuilder,
  foodUse: Map<string, Expression>,
  input: Pick<DayModelInput, 'foods' | 'free' | 'packageIntegers'>,
): PurchaseVariables {
  const purchases: PurchaseVariables = new Map();
  for (const [foodId, expression] of foodUse) {
    const food = input.foods.get(foodId);
    if (!food) throw new Error(`Unknown food ${foodId} in the day model`);
    const balance = new Map(expression);
    const free = input.free.get(foodId) ?? 0;
    if (free > 0) addTerm(balance, model.variable(`free:${foodId}`, 0, free), -1);
    if (food.pantry || !input.packageIntegers) {
      const bought = model.variable(`buy:${foodId}`, 0, Infinity, food.pricePerGram);
      addTerm(balance, bought, -1);
      model.row(`food:${foodId}`, balance, 0, 0);
      purchases.set(foodId, { index: bought });
    } else {
      const packages = model.variable(`packages:${foodId}`, 0, Infinity, food.pricePerPackage, true);
      addTerm(balance, packages, -food.packageGrams);
      model.row(`food:${foodId}`, balance, -Infinity, 0);
      purchases.set(foodId, { index: packages, packageGrams: food.packageGrams });
    }
  }
  return purchases;
}
