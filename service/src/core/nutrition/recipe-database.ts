import recipesData from '../../../data/recipes.json' with { type: 'json' };
import { type FoodDatabase, loadFoodDatabase } from './food-database.ts';
import { type Recipe, recipeFileSchema } from './recipe.ts';
import {
  dislikeHaystack,
  excludedAllergenTags,
  isEligible,
  type RecipeFilter,
} from './recipe-eligibility.ts';
import { computeRecipeFacts, type RecipeFacts } from './recipe-nutrition.ts';

export type { RecipeFilter } from './recipe-eligibility.ts';

export type RecipeDatabaseErrorCode = 'unknown_recipe' | 'invalid_recipe_data';

/** A fault in the recipe database: an id nobody knows, or a data file that fails validation. */
export class RecipeDatabaseError extends Error {
  override readonly name = 'RecipeDatabaseError';
  constructor(
    readonly code: RecipeDatabaseErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface RecipeDatabase {
  /** Every recipe, in data-file order. */
  all(): readonly Recipe[];
  /** The recipe with this id, or undefined. */
  get(id: string): Recipe | undefined;
  /** The recipe with this id; throws RecipeDatabaseError `unknown_recipe` when there is none. */
  require(id: string): Recipe;
  /** Computed per-serving nutrients, allergens, diets and cost (memoised; throws `unknown_recipe`). */
  nutrition(id: string): RecipeFacts;
  /** Recipes passing the hard filters (slot, diet, allergies, dislikes), in data-file order. */
  eligible(filter: RecipeFilter): readonly Recipe[];
  /** The food database the facts are computed from. */
  readonly foods: FoodDatabase;
}

/** Build a database from validated recipes; every ingredient must resolve to a food (pure; used by tests). */
export function createRecipeDatabase(recipes: readonly Recipe[], foods: FoodDatabase): RecipeDatabase {
  const byId = new Map<string, Recipe>();
  for (const recipe of recipes) {
    if (byId.has(recipe.id)) {
      throw new RecipeDatabaseError('invalid_recipe_data', `duplicate recipe id "${recipe.id}"`);
    }
    const unknown = recipe.ingredients.filter((i) => foods.get(i.foodId) === undefined).map((i) => i.foodId);
    if (unknown.length > 0) {
      throw new RecipeDatabaseError(
        'invalid_recipe_data',
        `recipe "${recipe.id}" uses unknown foods: ${unknown.join(', ')}`,
      );
    }
    byId.set(recipe.id, recipe);
  }
  const all = Object.freeze([...recipes]);
  const facts = new Map<string, RecipeFacts>();
  const haystacks = new Map<string, string>();

  const requireRecipe = (id: string): Recipe => {
    const recipe = byId.get(id);
    if (recipe === undefined) throw new RecipeDatabaseError('unknown_recipe', `unknown recipe id "${id}"`);
    return recipe;
  };
  const nutrition = (id: string): RecipeFacts => {
    let computed = facts.get(id);
    if (computed === undefined) {
      computed = Object.freeze(computeRecipeFacts(requireRecipe(id), foods));
      facts.set(id, computed);
    }
    return computed;
  };
  const haystack = (recipe: Recipe): string => {
    let text = haystacks.get(recipe.id);
    if (text === undefined) {
      text = dislikeHaystack(recipe, foods);
      haystacks.set(recipe.id, text);
    }
    return text;
  };

  return {
    all: () => all,
    get: (id) => byId.get(id),
    require: requireRecipe,
    nutrition,
    eligible: (filter) => {
      const excluded = excludedAllergenTags(filter.allergies);
      return all.filter((r) => isEligible(r, nutrition(r.id), haystack(r), filter, excluded));
    },
    foods,
  };
}

/** Validate raw JSON (as imported) into a database; throws RecipeDatabaseError `invalid_recipe_data`. */
export function parseRecipeDatabase(raw: unknown, foods: FoodDatabase): RecipeDatabase {
  const parsed = recipeFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new RecipeDatabaseError('invalid_recipe_data', `recipes.json is invalid: ${parsed.error.message}`, {
      cause: parsed.error,
    });
  }
  return createRecipeDatabase(parsed.data.recipes, foods);
}

const loaded = new WeakMap<FoodDatabase, RecipeDatabase>();

/** The product's recipes (service/data/recipes.json) over a food database (default: the product's), memoised. */
export function loadRecipeDatabase(foods: FoodDatabase = loadFoodDatabase()): RecipeDatabase {
  let db = loaded.get(foods);
  if (db === undefined) {
    db = parseRecipeDatabase(recipesData as unknown, foods);
    loaded.set(foods, db);
  }
  return db;
}
