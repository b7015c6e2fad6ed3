import { addScaled, type NutrientVector, roundNutrients, zeroNutrients } from './nutrients.ts';
import { type PlannedDay, type PlannedMeal, sideMealId } from './plan-result.ts';
import type { PlanningFood } from './planning-inputs.ts';
import type { PlannedWeekDay } from './week-planner.ts';

const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * Turns the chosen meals into the plan's days. Ingredient grams are for the whole household and each member's
 * totals are computed from exactly those reported grams and their share of the dish, so the totals always equal
 * what the ingredients give.
 */
export function toPlannedDays(
  days: readonly PlannedWeekDay[],
  memberNames: readonly string[],
  foods: ReadonlyMap<string, PlanningFood>,
): PlannedDay[] {
  return days.map((day, index) => {
    const meals: PlannedMeal[] = [];
    for (const meal of day.meals) {
      const portions: Record<string, number> = {};
      meal.quarters.forEach((quarters, m) => {
        const name = memberNames[m];
        if (name !== undefined) portions[name] = quarters / 4;
      });
      const servings = meal.quarters.reduce((sum, q) => sum + q, 0) / 4;
      if (servings === 0) continue; // everyone skipped this snack
      meals.push({
        slot: meal.slot,
        recipeId: meal.recipe.id,
        recipeName: meal.recipe.name,
        portions,
        ingredients: meal.recipe.ingredients.map((ingredient) => ({
          foodId: ingredient.foodId,
          name: foods.get(ingredient.foodId)?.food.name ?? ingredient.foodId,
          grams: round2(ingredient.grams * servings),
        })),
        prepMinutes: meal.recipe.prepMinutes,
      });
    }
    for (const side of day.sides) {
      const name = memberNames[side.member];
      if (name === undefined) continue;
      meals.push({
        slot: 'snack',
        recipeId: sideMealId(side.food.food.id),
        recipeName: `${side.food.food.name} (${side.food.pantry ? 'drizzled over a meal' : 'side'})`,
        portions: { [name]: 1 },
        ingredients: [{ foodId: side.food.food.id, name: side.food.food.name, grams: side.grams }],
        prepMinutes: 0,
      });
    }
    return { day: index + 1, meals, totals: memberTotals(meals, memberNames, foods) };
  });
}

export function memberTotals(
  meals: readonly PlannedMeal[],
  memberNames: readonly string[],
  foods: ReadonlyMap<string, PlanningFood>,
): Record<string, NutrientVector> {
  const totals: Record<string, NutrientVector> = {};
  for (const name of memberNames) {
    const sum = zeroNutrients();
    for (const meal of meals) {
      const portion = meal.portions[name] ?? 0;
      if (portion === 0) continue;
      const share = portion / Object.values(meal.portions).reduce((a, b) => a + b, 0);
      for (const ingredient of meal.ingredients) {
        const food = foods.get(ingredient.foodId);
        if (food) addScaled(sum, food.perGram, ingredient.grams * share);
      }
    }
    totals[name] = roundNutrients(sum);
  }
  return totals;
}

/** Total grams per food over the week, from the reported ingredients (what the grocery list must cover). */
export function gramsByFood(days: readonly PlannedDay[]): Map<string, number> {
  const grams = new Map<string, number>();
  for (const day of days) {
    for (const meal of day.meals) {
      for (const ingredient of meal.ingredients) {
        grams.set(ingredient.foodId, (grams.get(ingredient.foodId) ?? 0) + ingredient.grams);
      }
    }
  }
  return grams;
}
