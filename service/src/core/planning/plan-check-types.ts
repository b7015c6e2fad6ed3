import type { FoodDatabase } from '../nutrition/food-database.ts';
import type { RecipeDatabase } from '../nutrition/recipe-database.ts';
import type { PlannedMeal } from './plan-result.ts';

/** What kind of rule a plan breaks; one code per rule family so tests and the bench can count them. */
export type ViolationCode =
  | 'allergen'
  | 'diet'
  | 'dislike'
  | 'ingredients'
  | 'portions'
  | 'side'
  | 'totals'
  | 'energy'
  | 'protein'
  | 'fat'
  | 'carbs'
  | 'sodium'
  | 'fiber'
  | 'variety'
  | 'prep'
  | 'grocery'
  | 'budget'
  | 'structure'
  | 'targets'
  | 'infeasible';

export interface PlanViolation {
  code: ViolationCode;
  /** 1-based day of the plan, when the rule is about one day. */
  day?: number;
  /** Member name, when the rule is about one member. */
  member?: string;
  detail: string;
}

export interface PlanCheck {
  violations: PlanViolation[];
  /** Members × planned days (0 for an infeasible plan). */
  memberDays: number;
  /** Member-days whose energy, recomputed from the ingredients, is within ±5 % of the member's target. */
  memberDaysInEnergyWindow: number;
}

/** The databases every figure is recomputed from. */
export interface PlanCheckData {
  foods: FoodDatabase;
  recipes: RecipeDatabase;
}

export type Report = (violation: PlanViolation) => void;

/** Comparisons on recomputed floats get a hair of slack (65.1 × 1000 = 65099.99…). */
export const FLOAT_SLACK = 1e-6;

export function portionSum(meal: PlannedMeal): number {
  return Object.values(meal.portions).reduce((sum, portion) => sum + portion, 0);
}
