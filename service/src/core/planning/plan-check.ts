import { checkBudget, checkGrocery } from './plan-check-grocery.ts';
import { checkMeals, checkVarietyAndPrep } from './plan-check-meals.ts';
import { checkNutrition, memberLimits } from './plan-check-nutrition.ts';
import type { PlanCheck, PlanCheckData, PlanViolation, Report } from './plan-check-types.ts';
import { type PlanRequest, SLOTS } from './plan-request.ts';
import type { PlannedDay, PlanResult } from './plan-result.ts';
import { isSideMeal } from './plan-result.ts';

export type { PlanCheck, PlanCheckData, PlanViolation, ViolationCode } from './plan-check-types.ts';

/** Words that betray a template or a crash rather than a sentence written for a person. */
const NOT_PLAIN = /undefined|null|NaN|Infinity|\[object|Error\b|\{|\}/;

/**
 * An independent audit of a plan against its request: every figure is recomputed from the food and recipe
 * databases and the targets calculator, never read from the plan (its totals, costs and targets are what is being
 * checked). A plan that says infeasible must give a plain reason and no meals.
 */
export function checkPlan(request: PlanRequest, plan: PlanResult, data: PlanCheckData): PlanCheck {
  const violations: PlanViolation[] = [];
  const report: Report = (violation) => violations.push(violation);
  if (plan.status === 'infeasible') {
    checkInfeasible(plan, report);
    return { violations, memberDays: 0, memberDaysInEnergyWindow: 0 };
  }
  if (plan.status !== 'optimal' && plan.status !== 'feasible') {
    report({ code: 'structure', detail: `unknown status "${String(plan.status)}"` });
  }
  checkStructure(request, plan, report);
  const limits = memberLimits(request, plan, report);
  checkMeals(request, plan.days, data, report);
  checkVarietyAndPrep(request, plan.days, data, report);
  const inWindow = checkNutrition(plan.days, limits, data, report);
  checkGrocery(plan.days, plan.groceryList, data, report);
  checkBudget(request, plan, report);
  return {
    violations,
    memberDays: request.members.length * plan.days.length,
    memberDaysInEnergyWindow: inWindow,
  };
}

function checkInfeasible(plan: PlanResult, report: Report): void {
  const reason = plan.reason.trim();
  if (reason === '' || reason.includes('\n') || !/[.!?]$/.test(reason) || NOT_PLAIN.test(reason)) {
    report({ code: 'infeasible', detail: `reason is not a plain sentence: ${JSON.stringify(plan.reason)}` });
  }
  if (plan.days.length > 0) report({ code: 'infeasible', detail: `${plan.days.length} days planned` });
  if (plan.groceryList.length > 0)
    report({ code: 'infeasible', detail: `${plan.groceryList.length} groceries listed` });
}

/** The plan's shape: the members asked for, one entry per day numbered 1…n, and a full set of recipe meals a day. */
function checkStructure(request: PlanRequest, plan: PlanResult, report: Report): void {
  const asked = request.members.map((member) => member.name);
  const given = plan.members.map((member) => member.name);
  if (asked.join('\u0000') !== given.join('\u0000')) {
    report({ code: 'structure', detail: `members ${given.join(', ')}; asked for ${asked.join(', ')}` });
  }
  if (plan.days.length !== request.days) {
    report({ code: 'structure', detail: `${plan.days.length} days planned; ${request.days} asked for` });
  }
  if (plan.cost.currency !== 'USD') report({ code: 'structure', detail: `currency ${plan.cost.currency}` });
  for (const [index, day] of plan.days.entries()) {
    if (day.day !== index + 1) report({ code: 'structure', day: index + 1, detail: `numbered ${day.day}` });
    checkDaySlots(day, index + 1, report);
  }
}

function checkDaySlots(day: PlannedDay, dayNumber: number, report: Report): void {
  for (const meal of day.meals) {
    if (!(SLOTS as readonly string[]).includes(meal.slot)) {
      report({
        code: 'structure',
        day: dayNumber,
        detail: `${meal.recipeId} in unknown slot "${meal.slot}"`,
      });
    }
  }
  for (const slot of SLOTS) {
    const count = day.meals.filter((meal) => meal.slot === slot && !isSideMeal(meal)).length;
    const allowed = slot === 'snack' ? count <= 1 : count === 1;
    if (!allowed) {
      const wanted = slot === 'snack' ? 'at most one' : 'exactly one';
      report({ code: 'structure', day: dayNumber, detail: `${count} ${slot} recipes; ${wanted} expected` });
    }
  }
}
