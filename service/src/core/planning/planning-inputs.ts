import type { Food } from '../nutrition/food.ts';
import type { HardFilters } from '../nutrition/food-filter.ts';
import type { NutrientVector } from './nutrients.ts';
import type { Slot } from './plan-request.ts';

/** A recipe as the planner sees it: grams per serving and the nutrients they give (computed from foods). */
export interface PlanningRecipe {
  id: string;
  name: string;
  slots: readonly Slot[];
  prepMinutes: number;
  ingredients: readonly { foodId: string; grams: number }[];
  perServing: NutrientVector;
}

/** Where recipes come from: the recipe database, hard filters applied before any optimisation. */
export interface RecipeSource {
  eligible(filters: HardFilters): readonly PlanningRecipe[];
}

/** A food the planner may buy: nutrients per gram and price per gram, plus how it is sold. */
export interface PlanningFood {
  food: Food;
  perGram: NutrientVector;
  pricePerGram: number;
  pricePerPackage: number;
  packageGrams: number;
  /** Spices, oils, condiments, baking: kept across weeks, costed by grams used. */
  pantry: boolean;
}

/** One member's daily constraints, as fractions of the day's actual energy where the AMDR says so. */
export interface MemberPlanTargets {
  name: string;
  kcal: number;
  proteinMinG: number;
  proteinMaxPct: number;
  fatMinPct: number;
  fatMaxPct: number;
  carbsMinPct: number;
  carbsMaxPct: number;
  sodiumMaxMg: number;
  /** Grams of fibre per kcal (14 g per 1,000 kcal). */
  fiberPerKcal: number;
  /** For the plan output. */
  reported: NutrientVector;
}
