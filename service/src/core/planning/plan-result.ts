import type { Slot } from './plan-request.ts';
import type { PlanWhy } from './plan-why.ts';

/** The nutrients a plan reports per member and day. */
export interface NutrientTotals {
  kcal: number;
  proteinG: number;
  fatG: number;
  carbsG: number;
  fiberG: number;
  sodiumMg: number;
}

export interface MemberTargetsOut {
  name: string;
  targets: NutrientTotals;
}

export interface PlannedIngredient {
  foodId: string;
  name: string;
  /** For the whole household: grams per serving × the sum of portions (side entries: that member's grams). */
  grams: number;
}

export interface PlannedMeal {
  slot: Slot;
  /** A shared recipe, or `side:<foodId>` for a member's own side sized in grams. */
  recipeId: string;
  recipeName: string;
  /** Servings per member (quarter steps for recipes); a member eats portions[m] / sum(portions) of the ingredients. */
  portions: Record<string, number>;
  ingredients: PlannedIngredient[];
  prepMinutes: number;
}

/** A member's own side is a meal whose recipe id is `side:<foodId>`. */
export const SIDE_PREFIX = 'side:';

export function isSideMeal(meal: Pick<PlannedMeal, 'recipeId'>): boolean {
  return meal.recipeId.startsWith(SIDE_PREFIX);
}

export function sideMealId(foodId: string): string {
  return `${SIDE_PREFIX}${foodId}`;
}

export interface PlannedDay {
  day: number;
  meals: PlannedMeal[];
  /** Per member; equals what the ingredients give. */
  totals: Record<string, NutrientTotals>;
}

export interface GroceryItem {
  foodId: string;
  name: string;
  aisle: string;
  grams: number;
  packages: number;
  packageLabel: string;
  cost: number;
  /** Pantry staples (spices, oils, condiments) are costed by the grams used, not whole packages. */
  pantry: boolean;
}

export type PlanStatus = 'optimal' | 'feasible' | 'infeasible';

export interface PlanResult {
  status: PlanStatus;
  /** Plain English: why it is infeasible, or what limited the plan (the CLI and logs show it). */
  reason: string;
  /** The same as data, for each language to word (absent on plans stored before it existed). */
  why?: PlanWhy;
  members: MemberTargetsOut[];
  days: PlannedDay[];
  groceryList: GroceryItem[];
  cost: { total: number; currency: 'USD'; budget: number };
  solver: { ms: number; gap: number | null; lpBound: number | null };
  notes: string[];
}
