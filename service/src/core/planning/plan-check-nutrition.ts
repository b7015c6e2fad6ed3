import type { Food } from '../nutrition/food.ts';
import type { FoodDatabase } from '../nutrition/food-database.ts';
import { computeTargets } from '../nutrition/targets/index.ts';
import { FIBER_G_PER_1000_KCAL, KCAL_PER_G } from '../nutrition/targets/reference-values.ts';
import { FLOAT_SLACK, type PlanCheckData, portionSum, type Report } from './plan-check-types.ts';
import type { PlanRequest } from './plan-request.ts';
import type { NutrientTotals, PlannedDay, PlanResult } from './plan-result.ts';

/** The project's plan quality bar (NUTRITION-AND-COMPLIANCE.md): each day within ±5 % of the energy target. */
const ENERGY_WINDOW = 0.05;
const NUTRIENTS = ['kcal', 'proteinG', 'fatG', 'carbsG', 'fiberG', 'sodiumMg'] as const;
/** Totals are reported to 1 kcal, 0.1 g and 1 mg; a correct total is within these of the exact sum. */
const TOTALS_TOLERANCE: NutrientTotals = {
  kcal: 0.5,
  proteinG: 0.1,
  fatG: 0.1,
  carbsG: 0.1,
  fiberG: 0.1,
  sodiumMg: 1,
};

/** One member's daily limits, from the targets calculator (shares are of the day's actual energy). */
export interface MemberLimits {
  name: string;
  kcal: number;
  proteinMinG: number;
  proteinMaxShare: number;
  fatShare: { min: number; max: number };
  carbsShare: { min: number; max: number };
  sodiumMaxMg: number;
}

/**
 * Limits per member, computed afresh (member 0 holds the account). A refused member gets a `targets` violation
 * (no plan should exist for them) and no limits, and any mismatch with the plan's reported targets is reported.
 */
export function memberLimits(
  request: PlanRequest,
  plan: PlanResult,
  report: Report,
): (MemberLimits | undefined)[] {
  return request.members.map((member, index) => {
    const result = computeTargets(member, { isAccountHolder: index === 0 });
    if (!result.ok) {
      report({
        code: 'targets',
        member: member.name,
        detail: `a plan was made but targets refuse: ${result.reason}`,
      });
      return undefined;
    }
    const { targets, basis } = result;
    const reported = plan.members.find((out) => out.name === member.name)?.targets;
    if (reported === undefined || reported.kcal !== targets.kcal || reported.proteinG !== targets.proteinG) {
      report({
        code: 'targets',
        member: member.name,
        detail: `reported targets ${reported?.kcal} kcal / ${reported?.proteinG} g protein; expected ${targets.kcal} / ${targets.proteinG}`,
      });
    }
    const pct = (range: { min: number; max: number }) => ({ min: range.min / 100, max: range.max / 100 });
    return {
      name: member.name,
      kcal: targets.kcal,
      proteinMinG: targets.proteinG,
      proteinMaxShare: basis.amdrPct.protein.max / 100,
      fatShare: pct(basis.amdrPct.fat),
      carbsShare: pct(basis.amdrPct.carbs),
      sodiumMaxMg: targets.sodiumMaxMg,
    };
  });
}

/** What a member eats in a day, from the reported ingredients and their share `portion / Σ portions`. */
export function memberDayIntake(day: PlannedDay, member: string, foods: FoodDatabase): NutrientTotals {
  const sum: NutrientTotals = { kcal: 0, proteinG: 0, fatG: 0, carbsG: 0, fiberG: 0, sodiumMg: 0 };
  for (const meal of day.meals) {
    const portion = meal.portions[member] ?? 0;
    const servings = portionSum(meal);
    if (!(portion > 0) || !(servings > 0)) continue;
    for (const ingredient of meal.ingredients) {
      const food: Food | undefined = foods.get(ingredient.foodId);
      if (food === undefined) continue; // reported by the meal checks
      const grams = (ingredient.grams * portion) / servings;
      for (const key of NUTRIENTS) sum[key] += (food.per100g[key] * grams) / 100;
    }
  }
  return sum;
}

/**
 * Reported totals against the recomputed ones, then each member-day against the bar: energy window, protein floor
 * and AMDR cap, fat and carbohydrate shares, sodium; fibre per 1,000 kcal over the whole plan. Returns how many
 * member-days landed in the energy window.
 */
export function checkNutrition(
  days: readonly PlannedDay[],
  limits: readonly (MemberLimits | undefined)[],
  data: PlanCheckData,
  report: Report,
): number {
  let inWindow = 0;
  for (const member of limits) {
    if (member === undefined) continue;
    let weekKcal = 0;
    let weekFiber = 0;
    for (const [index, day] of days.entries()) {
      const dayNumber = index + 1;
      const intake = memberDayIntake(day, member.name, data.foods);
      checkTotals(day.totals[member.name], intake, dayNumber, member.name, report);
      weekKcal += intake.kcal;
      weekFiber += intake.fiberG;
      const violations = memberDayViolations(member, intake);
      if (!violations.some((violation) => violation.code === 'energy')) inWindow += 1;
      for (const violation of violations) report({ ...violation, day: dayNumber, member: member.name });
    }
    const fiberMin = (FIBER_G_PER_1000_KCAL * weekKcal) / 1000;
    if (days.length > 0 && weekFiber < fiberMin - FLOAT_SLACK) {
      report({
        code: 'fiber',
        member: member.name,
        detail: `${round1(weekFiber)} g fibre for ${Math.round(weekKcal)} kcal; at least ${round1(fiberMin)} g`,
      });
    }
  }
  return inWindow;
}

function checkTotals(
  reported: NutrientTotals | undefined,
  intake: NutrientTotals,
  day: number,
  member: string,
  report: Report,
): void {
  if (reported === undefined) {
    report({ code: 'totals', day, member, detail: 'no totals reported' });
    return;
  }
  for (const key of NUTRIENTS) {
    if (!(Math.abs(reported[key] - intake[key]) <= TOTALS_TOLERANCE[key] + FLOAT_SLACK)) {
      report({
        code: 'totals',
        day,
        member,
        detail: `${key} reported ${reported[key]}, ingredients give ${round1(intake[key])}`,
      });
    }
  }
}

function memberDayViolations(
  member: MemberLimits,
  intake: NutrientTotals,
): { code: 'energy' | 'protein' | 'fat' | 'carbs' | 'sodium'; detail: string }[] {
  const found: { code: 'energy' | 'protein' | 'fat' | 'carbs' | 'sodium'; detail: string }[] = [];
  const { kcal } = intake;
  if (!(Math.abs(kcal - member.kcal) <= ENERGY_WINDOW * member.kcal + FLOAT_SLACK)) {
    found.push({ code: 'energy', detail: `${Math.round(kcal)} kcal, target ${member.kcal} ±5 %` });
  }
  if (intake.proteinG < member.proteinMinG - FLOAT_SLACK) {
    found.push({
      code: 'protein',
      detail: `${round1(intake.proteinG)} g protein, target ${member.proteinMinG} g`,
    });
  }
  if (kcal <= 0) return found; // shares of nothing: the energy violation says it all
  const share = (grams: number, kcalPerGram: number) => (grams * kcalPerGram) / kcal;
  const protein = share(intake.proteinG, KCAL_PER_G.protein);
  if (protein > member.proteinMaxShare + FLOAT_SLACK) {
    found.push({
      code: 'protein',
      detail: `protein ${pct(protein)} of energy, max ${pct(member.proteinMaxShare)}`,
    });
  }
  const fat = share(intake.fatG, KCAL_PER_G.fat);
  if (outside(fat, member.fatShare)) {
    found.push({ code: 'fat', detail: `fat ${pct(fat)} of energy, AMDR ${range(member.fatShare)}` });
  }
  const carbs = share(intake.carbsG, KCAL_PER_G.carbs);
  if (outside(carbs, member.carbsShare)) {
    found.push({
      code: 'carbs',
      detail: `carbohydrate ${pct(carbs)} of energy, AMDR ${range(member.carbsShare)}`,
    });
  }
  if (intake.sodiumMg > member.sodiumMaxMg + FLOAT_SLACK) {
    found.push({
      code: 'sodium',
      detail: `${Math.round(intake.sodiumMg)} mg sodium, max ${member.sodiumMaxMg} mg`,
    });
  }
  return found;
}

const outside = (value: number, bounds: { min: number; max: number }) =>
  value < bounds.min - FLOAT_SLACK || value > bounds.max + FLOAT_SLACK;
const pct = (share: number) => `${(share * 100).toFixed(1)} %`;
const range = (bounds: { min: number; max: number }) => `${bounds.min * 100}–${bounds.max * 100} %`;
const round1 = (value: number) => Math.round(value * 10) / 10;
