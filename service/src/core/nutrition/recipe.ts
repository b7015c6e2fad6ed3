import { z } from 'zod';
import { foodIdSchema } from './food.ts';

/** The meal slots of a planned day. */
export const MEAL_SLOTS = ['breakfast', 'lunch', 'dinner', 'snack'] as const;
export type MealSlot = (typeof MEAL_SLOTS)[number];

/** A household's diet as the planner filters by it; omnivore accepts every recipe. */
export const RECIPE_DIETS = ['omnivore', 'pescatarian', 'vegetarian', 'vegan'] as const;
export type RecipeDiet = (typeof RECIPE_DIETS)[number];

/** Cuisine of origin (broad families, so a user can ask for "something Indian" or "more variety"). */
export const CUISINES = [
  'american',
  'british',
  'caribbean',
  'chinese',
  'east_african',
  'french',
  'german',
  'greek',
  'indian',
  'indonesian',
  'italian',
  'japanese',
  'korean',
  'latin_american',
  'mediterranean',
  'mexican',
  'middle_eastern',
  'north_african',
  'spanish',
  'swiss',
  'thai',
  'turkish',
  'vietnamese',
  'west_african',
] as const;
export type Cuisine = (typeof CUISINES)[number];

/**
 * Recipe tags. `vegetarian`, `vegan` and `gluten_free` must agree with what the ingredients compute to (a data
 * test checks both directions); `quick` means at most QUICK_MINUTES; `batch` keeps and reheats well (cook once,
 * eat twice); `no_cook` needs no heat.
 */
export const RECIPE_TAGS = [
  'vegetarian',
  'vegan',
  'gluten_free',
  'quick',
  'kid_friendly',
  'batch',
  'no_cook',
] as const;
export type RecipeTag = (typeof RECIPE_TAGS)[number];

/** Upper bound in minutes for the `quick` tag. */
export const QUICK_MINUTES = 20;

/** kebab-case, stable: plans and logs refer to recipes by this id forever. */
export const recipeIdSchema = z
  .string()
  .min(3)
  .max(80)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'recipe id must be kebab-case');
export type RecipeId = z.infer<typeof recipeIdSchema>;

export const recipeIngredientSchema = z.strictObject({
  foodId: foodIdSchema,
  /** Grams for ONE serving, in the food's as-bought form (rice dry, chicken raw, `-drained` foods drained). */
  grams: z.number().positive().max(1_000),
});
export type RecipeIngredient = z.infer<typeof recipeIngredientSchema>;

function hasDuplicates(values: readonly string[]): boolean {
  return new Set(values).size !== values.length;
}

/** A recipe as typed in recipes.json. Nutrition, allergens and diets are never typed: they are computed. */
export const recipeSchema = z
  .strictObject({
    id: recipeIdSchema,
    name: z.string().min(3).max(100),
    cuisine: z.enum(CUISINES),
    slots: z.array(z.enum(MEAL_SLOTS)).min(1),
    /** Total minutes, hands-on plus cooking (not soaking or marinating time, which the steps mention). */
    prepMinutes: z.number().int().min(1).max(480),
    ingredients: z.array(recipeIngredientSchema).min(1).max(20),
    steps: z.array(z.string().min(10).max(300)).min(1).max(10),
    tags: z.array(z.enum(RECIPE_TAGS)),
  })
  .superRefine((recipe, ctx) => {
    if (hasDuplicates(recipe.slots)) {
      ctx.addIssue({ code: 'custom', path: ['slots'], message: 'duplicate slot' });
    }
    if (hasDuplicates(recipe.tags)) {
      ctx.addIssue({ code: 'custom', path: ['tags'], message: 'duplicate tag' });
    }
    if (hasDuplicates(recipe.ingredients.map((i) => i.foodId))) {
      ctx.addIssue({ code: 'custom', path: ['ingredients'], message: 'a food is listed twice' });
    }
    if (recipe.tags.includes('quick') && recipe.prepMinutes > QUICK_MINUTES) {
      ctx.addIssue({
        code: 'custom',
        path: ['tags'],
        message: `quick recipes take at most ${QUICK_MINUTES} min`,
      });
    }
  });
export type Recipe = z.infer<typeof recipeSchema>;

export const recipeFileSchema = z.strictObject({
  description: z.string(),
  recipes: z.array(recipeSchema).min(1),
});
export type RecipeFile = z.infer<typeof recipeFileSchema>;
