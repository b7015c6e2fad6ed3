import { groupByAisle } from '../../core/planning/grocery-list.ts';
import type {
  GroceryItem,
  NutrientTotals,
  PlannedDay,
  PlannedMeal,
  PlanResult,
} from '../../core/planning/plan-result.ts';
import { formatNumber, formatTable, formatUsd } from './text-table.ts';

const AISLE_TITLES: Record<string, string> = {
  produce: 'Produce',
  bakery: 'Bakery',
  meat_seafood: 'Meat & seafood',
  dairy: 'Dairy & eggs',
  frozen: 'Frozen',
  canned: 'Canned goods',
  pantry: 'Pantry',
  spices_condiments: 'Spices & condiments',
  beverages: 'Beverages',
};

const SIDE_PREFIX = 'side:';

function portionsText(meal: PlannedMeal): string {
  const eaters = Object.entries(meal.portions).filter(([, portion]) => portion > 0);
  if (meal.recipeId.startsWith(SIDE_PREFIX)) {
    // A side is one member's food sized in grams: grams say more than "1 serving".
    const grams = meal.ingredients.reduce((sum, ingredient) => sum + ingredient.grams, 0);
    return eaters.map(([name]) => `${name} ${formatNumber(grams)} g`).join(', ');
  }
  return eaters.map(([name, portion]) => `${name} ×${formatNumber(portion, 2)}`).join(', ');
}

function versus(actual: number, target: number, unit: string, digits = 0): string {
  return `${formatNumber(actual, digits)}/${formatNumber(target, digits)}${unit}`;
}

function totalsText(totals: NutrientTotals, targets: NutrientTotals | undefined): string {
  if (targets === undefined) {
    return `${formatNumber(totals.kcal)} kcal · protein ${formatNumber(totals.proteinG)} g`;
  }
  const energyPct = targets.kcal > 0 ? ` (${Math.round((100 * totals.kcal) / targets.kcal)}%)` : '';
  return [
    `${versus(totals.kcal, targets.kcal, ' kcal')}${energyPct}`,
    `protein ${versus(totals.proteinG, targets.proteinG, ' g')}`,
    `fat ${versus(totals.fatG, targets.fatG, ' g')}`,
    `carbs ${versus(totals.carbsG, targets.carbsG, ' g')}`,
    `fiber ${versus(totals.fiberG, targets.fiberG, ' g')}`,
    `sodium ${versus(totals.sodiumMg, targets.sodiumMg, ' mg')}`,
  ].join(' · ');
}

function dayLines(day: PlannedDay, targetsByMember: ReadonlyMap<string, NutrientTotals>): string[] {
  const meals = formatTable(day.meals.map((meal) => [meal.slot, meal.recipeName, portionsText(meal)])).map(
    (line) => `  ${line}`,
  );
  const totals = formatTable(
    Object.entries(day.totals).map(([name, totals]) => [name, totalsText(totals, targetsByMember.get(name))]),
  ).map((line) => `    ${line}`);
  return [`Day ${day.day}`, ...meals, '  Totals vs targets', ...totals];
}

function packagesText(item: GroceryItem): string {
  return item.pantry
    ? `${formatNumber(item.packages, 2)} of ${item.packageLabel} (pantry)`
    : `${formatNumber(item.packages)} × ${item.packageLabel}`;
}

function groceryLines(items: readonly GroceryItem[]): string[] {
  const groups = groupByAisle(items);
  // One table for the whole list so that columns line up across aisles.
  const rows = groups.flatMap((group) =>
    group.items.map((item) => [
      item.name,
      `${formatNumber(item.grams)} g`,
      packagesText(item),
      formatUsd(item.cost),
    ]),
  );
  const table = formatTable(rows, ['left', 'right', 'left', 'right']);
  const lines = ['Grocery list'];
  let row = 0;
  for (const group of groups) {
    lines.push(`  ${AISLE_TITLES[group.aisle] ?? group.aisle.replaceAll('_', ' ')}`);
    for (const line of table.slice(row, row + group.items.length)) lines.push(`    ${line}`);
    row += group.items.length;
  }
  return lines;
}

function costLine(plan: PlanResult): string {
  const { total, budget, currency } = plan.cost;
  if (plan.days.length === 0) return `Budget ${formatUsd(budget)} ${currency} per week`;
  const verdict =
    total <= budget ? `${formatUsd(budget - total)} under` : `${formatUsd(total - budget)} over`;
  return `Total ${formatUsd(total)} ${currency} · budget ${formatUsd(budget)} (${verdict})`;
}

function solverLine(plan: PlanResult): string {
  const { ms, gap, lpBound } = plan.solver;
  const line = `Solver: ${plan.status} in ${formatNumber(ms)} ms`;
  if (lpBound === null) return line;
  // gap = cost / LP bound − 1: how far the bill is above what a plan with fractional choices could cost.
  const above = gap === null ? '' : `, cost ${formatNumber(gap * 100, 1)}% above it`;
  return `${line} · LP bound ${formatUsd(lpBound)}${above}`;
}

/** A week's plan for people to read: meals per day, totals against targets, the shopping list and the bill. */
export function renderPlanText(plan: PlanResult): string {
  const targets = new Map(plan.members.map((member) => [member.name, member.targets]));
  const lines = [`Meal plan: ${plan.status}${plan.reason ? ` (${plan.reason})` : ''}`];
  if (plan.members.length > 0) {
    lines.push('', 'Daily targets');
    const rows = plan.members.map((m) => [
      m.name,
      `${formatNumber(m.targets.kcal)} kcal · protein ${formatNumber(m.targets.proteinG)} g · fat ${formatNumber(m.targets.fatG)} g · carbs ${formatNumber(m.targets.carbsG)} g · fiber ${formatNumber(m.targets.fiberG)} g · sodium ≤ ${formatNumber(m.targets.sodiumMg)} mg`,
    ]);
    lines.push(...formatTable(rows).map((line) => `  ${line}`));
  }
  for (const day of plan.days) lines.push('', ...dayLines(day, targets));
  if (plan.groceryList.length > 0) lines.push('', ...groceryLines(plan.groceryList));
  lines.push('', costLine(plan), solverLine(plan));
  if (plan.notes.length > 0) lines.push('', 'Notes', ...plan.notes.map((note) => `  - ${note}`));
  return `${lines.join('\n')}\n`;
}
