import { HighsLpSolver } from '../adapters/highs/highs-lp-solver.ts';
import { type FoodDatabase, loadFoodDatabase } from '../core/nutrition/food-database.ts';
import { loadRecipeDatabase, type RecipeDatabase } from '../core/nutrition/recipe-database.ts';
import { type ExclusionResult, excludeFromPlan } from '../core/planning/exclude-from-plan.ts';
import type { PlanRequest, Slot } from '../core/planning/plan-request.ts';
import type { PlanResult } from '../core/planning/plan-result.ts';
import { planWeek } from '../core/planning/plan-week.ts';
import type { PlanningRecipe, RecipeSource } from '../core/planning/planning-inputs.ts';
import { swapMeal } from '../core/planning/swap-meal.ts';
import type { LpSolver } from '../core/ports/lp-solver.port.ts';

export interface Planner {
  planWeek(request: PlanRequest): Promise<PlanResult>;
  /** Another recipe for one slot of one day, with every other meal locked. */
  swapMeal(request: PlanRequest, plan: PlanResult, target: { day: number; slot: Slot }): Promise<PlanResult>;
  /** Only the meals holding a disliked food replaced, the rest kept. */
  excludeFoods(request: PlanRequest, plan: PlanResult, dislikes: readonly string[]): Promise<ExclusionResult>;
  foods: FoodDatabase;
  recipes: RecipeDatabase;
}

/** The meal planner with its data and the HiGHS solver; the only place the solver adapter is built. */
export function composePlanner(options: { solver?: LpSolver } = {}): Planner {
  const foods = loadFoodDatabase();
  const recipes = loadRecipeDatabase(foods);
  const solver = options.solver ?? new HighsLpSolver();
  const source = recipeSource(recipes);
  const deps = { foods, recipes: source, solver, now: () => performance.now() };
  return {
    foods,
    recipes,
    planWeek: (request) => planWeek(request, deps),
    swapMeal: (request, plan, target) => swapMeal(request, plan, target, deps),
    excludeFoods: (request, plan, dislikes) => excludeFromPlan(request, plan, dislikes, deps),
  };
}

/** The recipe database as the planner reads it: hard-filtered recipes with their computed per-serving nutrients. */
export function recipeSource(recipes: RecipeDatabase): RecipeSource {
  return {
    eligible(filters) {
      return recipes.eligible(filters).map((recipe): PlanningRecipe => {
        const facts = recipes.nutrition(recipe.id);
        return {
          id: recipe.id,
          name: recipe.name,
          slots: recipe.slots,
          prepMinutes: recipe.prepMinutes,
          ingredients: recipe.ingredients,
          perServing: {
            kcal: facts.perServing.kcal,
            proteinG: facts.perServing.proteinG,
            fatG: facts.perServing.fatG,
            carbsG: facts.perServing.carbsG,
            fiberG: facts.perServing.fiberG,
            sodiumMg: facts.perServing.sodiumMg,
          },
        };
      });
    },
  };
}
