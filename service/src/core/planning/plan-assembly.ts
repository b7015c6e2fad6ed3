import { planWhyEnglish } from '../conversation/messages/plan-why-text.ts';
import type { FoodDatabase } from '../nutrition/food-database.ts';
import type { DayPlan } from './day-model.ts';
import { buildGroceryList, groceryTotal } from './grocery-list.ts';
import { gramsByFood, toPlannedDays } from './plan-output.ts';
import type { PlanResult } from './plan-result.ts';
import type { PlanWhy } from './plan-why.ts';
import type { PlanningFood } from './planning-inputs.ts';

const PLAN_NOTES = [
  'Prices are estimates; pantry staples (spices, oils, condiments) are costed by the amount used.',
  'Check labels for "may contain" warnings: a plan is never guaranteed allergen-free.',
];
/** Relative distance to the LP bound under which a plan counts as proven optimal (the MILP gap tolerance). */
const OPTIMAL_GAP = 0.005;

export interface Assembly {
  days: readonly DayPlan[];
  members: PlanResult['members'];
  budget: number;
  lpBound: number | null;
  /** Every day's MILP proved optimal (the plan is `optimal` only if it also meets the LP bound). */
  proven: boolean;
  ms: number;
}

/** The PlanResult for chosen days: household ingredients, member totals, grocery list, cost against budget. */
export function assemblePlan(
  assembly: Assembly,
  foods: ReadonlyMap<string, PlanningFood>,
  foodDatabase: FoodDatabase,
): PlanResult {
  const days = toPlannedDays(
    assembly.days,
    assembly.members.map((member) => member.name),
    foods,
  );
  const groceryList = buildGroceryList(gramsByFood(days), foodDatabase);
  const total = groceryTotal(groceryList);
  const { budget, lpBound } = assembly;
  const withinBudget = total <= budget + 1e-9;
  const why: PlanWhy = { kind: withinBudget ? 'within_budget' : 'over_budget', cost: total, budget };
  const gap = lpBound !== null && lpBound > 0 ? Math.round((total / lpBound - 1) * 10_000) / 10_000 : null;
  return {
    // `optimal` only when proven within the solver tolerance of the LP bound; otherwise `feasible`, with its gap.
    status: !withinBudget
      ? 'infeasible'
      : assembly.proven && gap !== null && gap <= OPTIMAL_GAP
        ? 'optimal'
        : 'feasible',
    reason: planWhyEnglish(why),
    why,
    members: assembly.members,
    days: withinBudget ? days : [],
    groceryList: withinBudget ? groceryList : [],
    cost: { total, currency: 'USD', budget },
    solver: {
      ms: Math.round(assembly.ms),
      gap,
      lpBound: lpBound === null ? null : Math.round(lpBound * 100) / 100,
    },
    notes: withinBudget ? PLAN_NOTES : [],
  };
}
