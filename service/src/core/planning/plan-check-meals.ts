import { FLESH_GROUPS, type Food } from '../nutrition/food.ts';
import { excludedAllergenTags, fitsDiet, matchesDislike, wordText } from '../nutrition/recipe-eligibility.ts';
import { FLOAT_SLACK, type PlanCheckData, portionSum, type Report } from './plan-check-types.ts';
import type { PlanRequest } from './plan-request.ts';
import type { PlannedDay, PlannedMeal } from './plan-result.ts';
import { isSideMeal, SIDE_PREFIX } from './plan-result.ts';
import { MAX_DRIZZLE_GRAMS } from './planning-foods.ts';

/** Ingredient grams are reported to 0.01 g, so a correct figure is within half of that; 0.01 leaves float slack. */
const INGREDIENT_GRAMS_TOLERANCE = 0.01;
/** Recipes are served in quarter servings. */
const PORTION_STEP = 0.25;
/** Same rules as the planner (week-search.ts): at most twice a week, and days 1–5 are weekdays. */
const MAX_RECIPE_USES = 2;
const WEEKDAYS = 5;

/** Hard filters, ingredients, portions and sides of every meal, read against the databases. */
export function checkMeals(
  request: PlanRequest,
  days: readonly PlannedDay[],
  data: PlanCheckData,
  report: Report,
): void {
  const memberNames = new Set(request.members.map((member) => member.name));
  for (const [index, day] of days.entries()) {
    const dayNumber = index + 1;
    for (const meal of day.meals) {
      checkPortions(meal, memberNames, dayNumber, report);
      if (isSideMeal(meal)) checkSide(meal, data, dayNumber, report);
      else checkRecipeMeal(request, meal, data, dayNumber, report);
      for (const ingredient of meal.ingredients) {
        const food = data.foods.get(ingredient.foodId);
        if (food === undefined) {
          report({
            code: 'ingredients',
            day: dayNumber,
            detail: `${meal.recipeId}: unknown food "${ingredient.foodId}"`,
          });
        } else {
          checkFoodFilters(request, food, meal, dayNumber, report);
        }
      }
    }
  }
}

/** Allergens (with the tags an allergy implies), diet and dislikes, each food on its own. */
function checkFoodFilters(
  request: PlanRequest,
  food: Food,
  meal: PlannedMeal,
  day: number,
  report: Report,
): void {
  const excluded = excludedAllergenTags(request.allergies);
  const hits = food.allergens.filter((allergen) => excluded.has(allergen));
  if (hits.length > 0) {
    report({ code: 'allergen', day, detail: `${meal.recipeId}: ${food.id} carries ${hits.join(', ')}` });
  }
  if (!fitsDiet(food.diets, request.diet)) {
    report({ code: 'diet', day, detail: `${meal.recipeId}: ${food.id} is not ${request.diet}` });
  }
  // The food's names as the recipe filter matches them; flesh foods also by group ("fish" excludes salmon).
  const texts = [
    food.name,
    food.id,
    ...food.synonyms,
    ...(FLESH_GROUPS.includes(food.group) ? [food.group] : []),
  ];
  if (matchesDislike(texts.map(wordText).join('|'), request.dislikes)) {
    report({ code: 'dislike', day, detail: `${meal.recipeId}: ${food.id} matches a dislike` });
  }
}

function checkPortions(
  meal: PlannedMeal,
  memberNames: ReadonlySet<string>,
  day: number,
  report: Report,
): void {
  for (const [name, portion] of Object.entries(meal.portions)) {
    if (!memberNames.has(name)) {
      report({ code: 'portions', day, detail: `${meal.recipeId}: portion for unknown member "${name}"` });
    }
    const quarterSteps = portion / PORTION_STEP;
    const badStep = !isSideMeal(meal) && Math.abs(quarterSteps - Math.round(quarterSteps)) > FLOAT_SLACK;
    if (!Number.isFinite(portion) || portion < 0 || badStep) {
      report({ code: 'portions', day, member: name, detail: `${meal.recipeId}: portion ${portion}` });
    }
  }
  if (!(portionSum(meal) > 0)) {
    report({ code: 'portions', day, detail: `${meal.recipeId}: nobody eats it` });
  }
}

/** A recipe meal: the recipe exists, suits the slot, its name avoids dislikes and its grams match the portions. */
function checkRecipeMeal(
  request: PlanRequest,
  meal: PlannedMeal,
  data: PlanCheckData,
  day: number,
  report: Report,
) {
  const recipe = data.recipes.get(meal.recipeId);
  if (recipe === undefined) {
    report({ code: 'ingredients', day, detail: `unknown recipe "${meal.recipeId}"` });
    return;
  }
  if (!recipe.slots.includes(meal.slot)) {
    report({ code: 'structure', day, detail: `${recipe.id} is not a ${meal.slot} recipe` });
  }
  if (matchesDislike(wordText(recipe.name), request.dislikes)) {
    report({ code: 'dislike', day, detail: `${recipe.id}: its name matches a dislike` });
  }
  const servings = portionSum(meal);
  const expected = new Map(recipe.ingredients.map((i) => [i.foodId, i.grams * servings]));
  const reported = new Map<string, number>();
  for (const ingredient of meal.ingredients) {
    if (reported.has(ingredient.foodId)) {
      report({ code: 'ingredients', day, detail: `${recipe.id}: ${ingredient.foodId} listed twice` });
    }
    reported.set(ingredient.foodId, (reported.get(ingredient.foodId) ?? 0) + ingredient.grams);
  }
  for (const foodId of new Set([...expected.keys(), ...reported.keys()])) {
    const want = expected.get(foodId) ?? 0;
    const got = reported.get(foodId) ?? 0;
    if (
      !expected.has(foodId) ||
      !reported.has(foodId) ||
      Math.abs(got - want) > INGREDIENT_GRAMS_TOLERANCE + FLOAT_SLACK
    ) {
      report({
        code: 'ingredients',
        day,
        detail: `${recipe.id}: ${foodId} ${round2(got)} g, expected ${round2(want)} g for ${servings} servings`,
      });
    }
  }
}

/** Oil drizzled over a meal (at most MAX_DRIZZLE_GRAMS a day) is the one side that is not eaten as it is. */
function isDrizzle(food: Food, grams: number): boolean {
  return food.group === 'fat_oil' && grams <= MAX_DRIZZLE_GRAMS + 1e-9;
}

/** A side is one food, sized in grams, for exactly one member, and a food meant to be eaten as it is. */
function checkSide(meal: PlannedMeal, data: PlanCheckData, day: number, report: Report): void {
  const foodId = meal.recipeId.slice(SIDE_PREFIX.length);
  const food = data.foods.get(foodId);
  const eaters = Object.entries(meal.portions).filter(([, portion]) => portion > 0);
  const [only] = meal.ingredients;
  const problems = [
    food === undefined ? `unknown food "${foodId}"` : '',
    food !== undefined && !food.sideOk && !isDrizzle(food, only?.grams ?? 0)
      ? `${foodId} is not served as a side`
      : '',
    meal.ingredients.length !== 1 || only?.foodId !== foodId ? `must have one ingredient, ${foodId}` : '',
    only !== undefined && !(only.grams > 0) ? `${only.grams} g` : '',
    eaters.length !== 1 || Object.keys(meal.portions).length !== 1 ? 'must be for exactly one member' : '',
  ].filter((problem) => problem !== '');
  for (const problem of problems) report({ code: 'side', day, detail: `${meal.recipeId}: ${problem}` });
}

/** A recipe at most twice a week, never the same dinner two days running, weekday prep within the limit. */
export function checkVarietyAndPrep(
  request: PlanRequest,
  days: readonly PlannedDay[],
  data: PlanCheckData,
  report: Report,
): void {
  const uses = new Map<string, number>();
  for (const [index, day] of days.entries()) {
    const dayNumber = index + 1;
    for (const meal of day.meals) {
      if (isSideMeal(meal)) continue;
      uses.set(meal.recipeId, (uses.get(meal.recipeId) ?? 0) + 1);
      const recipe = data.recipes.get(meal.recipeId);
      if (recipe && dayNumber <= WEEKDAYS && recipe.prepMinutes > request.maxPrepMinutesWeekday) {
        report({
          code: 'prep',
          day: dayNumber,
          detail: `${recipe.id} takes ${recipe.prepMinutes} min; weekday limit ${request.maxPrepMinutesWeekday}`,
        });
      }
    }
    const dinner = dinnerOf(day);
    const nextDay = days[index + 1];
    if (dinner !== undefined && nextDay !== undefined && dinnerOf(nextDay) === dinner) {
      report({ code: 'variety', day: dayNumber + 1, detail: `${dinner} for dinner two days running` });
    }
  }
  for (const [recipeId, count] of uses) {
    if (count > MAX_RECIPE_USES)
      report({ code: 'variety', detail: `${recipeId} used ${count} times in the week` });
  }
}

function dinnerOf(day: PlannedDay): string | undefined {
  return day.meals.find((meal) => meal.slot === 'dinner' && !isSideMeal(meal))?.recipeId;
}

const round2 = (value: number) => Math.round(value * 100) / 100;
