import { addTerm, type Expression, type ModelBuilder } from './model-builder.ts';
import type { PlanNutrient } from './nutrients.ts';
import { SLOTS, type Slot } from './plan-request.ts';
import type { MemberPlanTargets } from './planning-inputs.ts';

/** Energy window around each member's target (the project's plan quality bar: ±5 %). */
export const ENERGY_TOLERANCE = 0.05;
/**
 * The models use a slightly narrower window and stricter limits than the bar, so rounding the solution for
 * reporting (whole grams of a side, two-decimal ingredient grams) can never push a day outside the bar.
 */
export const MODEL_MARGIN = 0.004;

export type MemberExpressions = Record<PlanNutrient, Expression>;
export type SlotExpressions = Record<Slot, Expression>;

/**
 * Realistic days: each meal gives a usual share of the member's energy (sides count as snack), so nobody is served
 * three breakfasts and half a dinner because it is cheaper.
 */
export const MEAL_SHARES: Record<Slot, { min: number; max: number }> = {
  breakfast: { min: 0.15, max: 0.35 },
  lunch: { min: 0.2, max: 0.4 },
  dinner: { min: 0.25, max: 0.45 },
  snack: { min: 0, max: 0.25 },
};

export function emptySlotExpressions(): SlotExpressions {
  return { breakfast: new Map(), lunch: new Map(), dinner: new Map(), snack: new Map() };
}

/** Each slot's energy within its usual share of the member's day: `min·kcal ≤ slotKcal ≤ max·kcal`. */
export function addMealShareRows(
  model: ModelBuilder,
  label: string,
  slots: SlotExpressions,
  kcal: Expression,
): void {
  for (const slot of SLOTS) {
    const { min, max } = MEAL_SHARES[slot];
    for (const [bound, lower, upper] of [
      [min, 0, Infinity],
      [max, -Infinity, 0],
    ] as const) {
      if (bound <= 0) continue;
      const row = new Map(slots[slot]);
      for (const [index, coefficient] of kcal) addTerm(row, index, -bound * coefficient);
      model.row(`${label}:${slot}_share_${lower === 0 ? 'min' : 'max'}`, row, lower, upper);
    }
  }
}

export function emptyExpressions(): MemberExpressions {
  return {
    kcal: new Map(),
    proteinG: new Map(),
    fatG: new Map(),
    carbsG: new Map(),
    fiberG: new Map(),
    sodiumMg: new Map(),
  };
}

/** Families of constraints, so infeasibility can be traced to the one that binds. */
export const CONSTRAINT_FAMILIES = ['protein', 'fat_carbs', 'sodium', 'fiber', 'meal_shares'] as const;
export type ConstraintFamily = (typeof CONSTRAINT_FAMILIES)[number];

export interface MemberRowOptions {
  /** Families left out (diagnosis only: every plan is built with all of them). */
  relaxed?: ReadonlySet<ConstraintFamily>;
  /** Fibre is constrained per day (the day models) or left to a weekly row (the whole-week bound). */
  dailyFiber: boolean;
  /** Objective weight per kcal away from the target (0: no deviation variables). */
  deviationCostPerKcal: number;
}

/**
 * One member-day: energy within the window, protein at least the target and at most the AMDR share, fat and
 * carbohydrate inside the AMDR as shares of the day's actual energy (linear: 9·fat − 0.20·kcal ≥ 0), sodium under
 * the limit, fibre per 1,000 kcal.
 */
export function addMemberDayRows(
  model: ModelBuilder,
  label: string,
  member: MemberPlanTargets,
  e: MemberExpressions,
  options: MemberRowOptions,
): void {
  const tolerance = ENERGY_TOLERANCE - MODEL_MARGIN;
  model.row(`${label}:kcal`, e.kcal, member.kcal * (1 - tolerance), member.kcal * (1 + tolerance));
  const keep = (family: ConstraintFamily) => !options.relaxed?.has(family);
  if (keep('protein'))
    model.row(`${label}:protein`, e.proteinG, member.proteinMinG * (1 + MODEL_MARGIN), Infinity);
  share(model, `${label}:protein_max`, e.proteinG, 4, e.kcal, -Infinity, member.proteinMaxPct - MODEL_MARGIN);
  if (keep('fat_carbs')) {
    share(
      model,
      `${label}:fat`,
      e.fatG,
      9,
      e.kcal,
      member.fatMinPct + MODEL_MARGIN,
      member.fatMaxPct - MODEL_MARGIN,
    );
    share(
      model,
      `${label}:carbs`,
      e.carbsG,
      4,
      e.kcal,
      member.carbsMinPct + MODEL_MARGIN,
      member.carbsMaxPct - MODEL_MARGIN,
    );
  }
  if (keep('sodium'))
    model.row(`${label}:sodium`, e.sodiumMg, -Infinity, member.sodiumMaxMg * (1 - MODEL_MARGIN));
  if (options.dailyFiber && keep('fiber')) {
    const fiber = new Map(e.fiberG);
    for (const [index, coefficient] of e.kcal)
      addTerm(fiber, index, -member.fiberPerKcal * (1 + MODEL_MARGIN) * coefficient);
    model.row(`${label}:fiber`, fiber, 0, Infinity);
  }
  if (options.deviationCostPerKcal > 0) {
    const over = model.variable(`${label}:kcal_over`, 0, Infinity, options.deviationCostPerKcal);
    const under = model.variable(`${label}:kcal_under`, 0, Infinity, options.deviationCostPerKcal);
    const balance = new Map(e.kcal);
    addTerm(balance, over, -1);
    addTerm(balance, under, 1);
    model.row(`${label}:kcal_deviation`, balance, member.kcal, member.kcal);
  }
}

/** `minShare ≤ kcalPerGram·grams / kcal ≤ maxShare`, written as two linear rows. */
function share(
  model: ModelBuilder,
  name: string,
  grams: Expression,
  kcalPerGram: number,
  kcal: Expression,
  minShare: number,
  maxShare: number,
): void {
  const build = (bound: number) => {
    const expression = new Map<number, number>();
    for (const [index, coefficient] of grams) addTerm(expression, index, kcalPerGram * coefficient);
    for (const [index, coefficient] of kcal) addTerm(expression, index, -bound * coefficient);
    return expression;
  };
  if (Number.isFinite(minShare)) model.row(`${name}_min`, build(minShare), 0, Infinity);
  if (Number.isFinite(maxShare)) model.row(`${name}_max`, build(maxShare), -Infinity, 0);
}
