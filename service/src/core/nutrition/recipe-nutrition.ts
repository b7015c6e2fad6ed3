import { ALLERGENS, type Allergen } from './allergens.ts';
import { FOOD_DIETS, type FoodDiet, NUTRIENT_KEYS, type NutrientKey } from './food.ts';
import type { FoodDatabase } from './food-database.ts';
import type { Recipe } from './recipe.ts';

/** Nutrients of one serving, summed from the foods' per-100 g values (unrounded: the optimizer needs exact sums). */
export type RecipeNutrients = Record<NutrientKey, number>;

/** Everything about a recipe that is computed from its foods, never typed by hand. */
export interface RecipeFacts {
  readonly recipeId: string;
  readonly perServing: Readonly<RecipeNutrients>;
  /** Union of the foods' allergen tags, in ALLERGENS order. */
  readonly allergens: readonly Allergen[];
  /** Diets every food fits (intersection), in FOOD_DIETS order; omnivore is implied and never listed. */
  readonly diets: readonly FoodDiet[];
  /** No food tagged `gluten` or `wheat` (so it also passes a `wheat` allergy). */
  readonly glutenFree: boolean;
  /** US$ for the ingredients of one serving (grams × price per gram); package rounding is the optimizer's job. */
  readonly costPerServing: number;
  /** Nutrients some food leaves unknown in its source row: for these the total is a lower bound. */
  readonly lowerBound: readonly NutrientKey[];
}

/** Share of energy from each macronutrient, by the general Atwater factors (4/4/9 kcal per g). */
export interface EnergyShares {
  readonly atwaterKcal: number;
  readonly proteinPct: number;
  readonly carbsPct: number;
  readonly fatPct: number;
}

/** Atwater factors, kcal per gram (reference: NUTRITION-AND-COMPLIANCE.md, "Atwater factors"). */
export const ATWATER = { proteinG: 4, carbsG: 4, fatG: 9 } as const;

export function energyShares(n: Pick<RecipeNutrients, 'proteinG' | 'carbsG' | 'fatG'>): EnergyShares {
  const protein = n.proteinG * ATWATER.proteinG;
  const carbs = n.carbsG * ATWATER.carbsG;
  const fat = n.fatG * ATWATER.fatG;
  const total = protein + carbs + fat;
  const pct = (part: number) => (total > 0 ? (100 * part) / total : 0);
  return { atwaterKcal: total, proteinPct: pct(protein), carbsPct: pct(carbs), fatPct: pct(fat) };
}

/** Amount of a nutrient per 1,000 kcal (how dense sodium or fibre is, independent of portion size). */
export function per1000Kcal(n: RecipeNutrients, key: NutrientKey): number {
  return n.kcal > 0 ? (1000 * n[key]) / n.kcal : 0;
}

function emptyNutrients(): RecipeNutrients {
  return Object.fromEntries(NUTRIENT_KEYS.map((k) => [k, 0])) as RecipeNutrients;
}

/** Compute a recipe's per-serving facts from the food database (throws `unknown_food` for a missing food). */
export function computeRecipeFacts(recipe: Recipe, foods: FoodDatabase): RecipeFacts {
  const perServing = emptyNutrients();
  const allergens = new Set<Allergen>();
  const lowerBound = new Set<NutrientKey>();
  let diets: readonly FoodDiet[] = FOOD_DIETS;
  let cost = 0;
  for (const { foodId, grams } of recipe.ingredients) {
    const food = foods.require(foodId);
    for (const key of NUTRIENT_KEYS) perServing[key] += (food.per100g[key] * grams) / 100;
    for (const a of food.allergens) allergens.add(a);
    for (const key of food.missing ?? []) lowerBound.add(key);
    diets = diets.filter((d) => food.diets.includes(d));
    cost += grams * foods.pricePerGram(foodId);
  }
  return {
    recipeId: recipe.id,
    perServing,
    allergens: ALLERGENS.filter((a) => allergens.has(a)),
    diets,
    glutenFree: !allergens.has('gluten') && !allergens.has('wheat'),
    costPerServing: cost,
    lowerBound: NUTRIENT_KEYS.filter((k) => lowerBound.has(k)),
  };
}
