import { isPantryStaple } from './grocery-list.ts';
import { FLOAT_SLACK, type PlanCheckData, type Report } from './plan-check-types.ts';
import type { PlanRequest } from './plan-request.ts';
import type { GroceryItem, PlannedDay, PlanResult } from './plan-result.ts';

/** Grocery grams are reported whole, so a correct figure is within half a gram of the summed ingredients. */
const GROCERY_GRAMS_TOLERANCE = 0.5;
/** Pantry staples report the fraction of a package used, rounded up to 0.01. */
const PANTRY_PACKAGE_STEP = 0.01;
const HALF_CENT = 0.005;

/**
 * The grocery list against the ingredients: one line per food used, its grams the week's sum, whole packages that
 * cover it with none to spare (pantry staples: the fraction used), and the cost those packages (or grams) give.
 */
export function checkGrocery(
  days: readonly PlannedDay[],
  items: readonly GroceryItem[],
  data: PlanCheckData,
  report: Report,
): void {
  const needed = new Map<string, number>();
  for (const day of days) {
    for (const meal of day.meals) {
      for (const { foodId, grams } of meal.ingredients) needed.set(foodId, (needed.get(foodId) ?? 0) + grams);
    }
  }
  const listed = new Map<string, GroceryItem>();
  for (const item of items) {
    if (listed.has(item.foodId)) report({ code: 'grocery', detail: `${item.foodId} is listed twice` });
    listed.set(item.foodId, item);
    if (!needed.has(item.foodId))
      report({ code: 'grocery', detail: `${item.foodId} is bought but never used` });
  }
  for (const [foodId, grams] of needed) {
    const item = listed.get(foodId);
    if (grams <= FLOAT_SLACK) continue;
    if (item === undefined) {
      report({ code: 'grocery', detail: `${foodId} (${Math.round(grams)} g) is missing from the list` });
      continue;
    }
    for (const problem of itemProblems(item, grams, data))
      report({ code: 'grocery', detail: `${foodId}: ${problem}` });
  }
}

function itemProblems(item: GroceryItem, grams: number, data: PlanCheckData): string[] {
  const food = data.foods.get(item.foodId);
  if (food === undefined) return ['unknown food'];
  const problems: string[] = [];
  if (Math.abs(item.grams - grams) > GROCERY_GRAMS_TOLERANCE + FLOAT_SLACK) {
    problems.push(`${item.grams} g listed, ingredients need ${round2(grams)} g`);
  }
  const pantry = isPantryStaple(food.group);
  if (item.pantry !== pantry) problems.push(`pantry flag ${item.pantry}, food group ${food.group}`);
  const packageGrams = food.package.grams;
  const perPackage = data.foods.price(food.id).perPackage;
  let expectedCost: number;
  if (pantry) {
    // Costed by the grams used; the package figure is informational, the fraction used rounded up to 0.01.
    const used = grams / packageGrams;
    if (item.packages < used - FLOAT_SLACK || item.packages > used + PANTRY_PACKAGE_STEP + FLOAT_SLACK) {
      problems.push(`${item.packages} packages for ${round2(used)} of a package`);
    }
    expectedCost = grams * data.foods.pricePerGram(food.id);
  } else {
    // Whole packages that cover the grams, and not one more than that.
    const covers = item.packages * packageGrams >= grams - FLOAT_SLACK;
    const spare = (item.packages - 1) * packageGrams >= grams - FLOAT_SLACK;
    if (!Number.isInteger(item.packages) || !covers || spare) {
      problems.push(`${item.packages} packages of ${packageGrams} g for ${round2(grams)} g`);
    }
    expectedCost = Math.ceil(grams / packageGrams - FLOAT_SLACK) * perPackage;
  }
  if (Math.abs(item.cost - expectedCost) > HALF_CENT + FLOAT_SLACK) {
    problems.push(`cost ${item.cost}, expected ${round2(expectedCost)}`);
  }
  return problems;
}

/** The bill: cost.total is the list's sum to the cent, and within the weekly budget prorated to the plan's days. */
export function checkBudget(request: PlanRequest, plan: PlanResult, report: Report): void {
  const listCents = plan.groceryList.reduce((sum, item) => sum + Math.round(item.cost * 100), 0);
  if (Math.round(plan.cost.total * 100) !== listCents) {
    report({
      code: 'budget',
      detail: `cost.total ${plan.cost.total}; the grocery list sums to ${listCents / 100}`,
    });
  }
  // Money is counted in cents, so the prorated budget is too (as the planner rounds it).
  const budget = round2((request.budget.amount * request.days) / 7);
  if (Math.abs(plan.cost.budget - budget) > HALF_CENT) {
    report({
      code: 'budget',
      detail: `cost.budget ${plan.cost.budget}; ${request.days} days of the week is ${budget}`,
    });
  }
  if (plan.cost.total > budget + FLOAT_SLACK) {
    report({
      code: 'budget',
      detail: `costs ${plan.cost.total}; budget for ${request.days} days is ${budget}`,
    });
  }
}

const round2 = (value: number) => Math.round(value * 100) / 100;
