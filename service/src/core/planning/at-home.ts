import type { Food } from '../nutrition/food.ts';
import { type FoodDatabase, loadFoodDatabase } from '../nutrition/food-database.ts';
import { wordText } from '../nutrition/recipe-eligibility.ts';
import { groceryTotal } from './grocery-list.ts';
import type { GroceryItem } from './plan-result.ts';

/** A food's names as whole-word texts (name, id, synonyms), matched the way dislikes are. */
function foodTexts(food: Food): string[] {
  return [food.name, food.id, ...food.synonyms].map(wordText);
}

/** Whether a phrase names a food of the database as a whole word ("rice", "arroz", "olive oil"). */
export function isKnownFood(phrase: string, foods: FoodDatabase = loadFoodDatabase()): boolean {
  const needle = wordText(phrase);
  if (needle === '') return false;
  return foods.all().some((food) => foodTexts(food).some((text) => text.includes(needle)));
}

/**
 * The grocery items a phrase names: those with a name or synonym equal to it ("milk" → milk), else those with it as
 * a whole word ("rice" → white and brown rice). Food ids, in list order.
 */
export function groceryMatches(
  list: readonly GroceryItem[],
  phrase: string,
  foods: FoodDatabase = loadFoodDatabase(),
): string[] {
  const needle = wordText(phrase);
  if (needle === '') return [];
  const texts = list.map((item) => {
    const food = foods.get(item.foodId);
    return [wordText(item.name), ...(food ? foodTexts(food) : [wordText(item.foodId)])];
  });
  const exact = list.filter((_, i) => texts[i]?.some((text) => text === needle));
  const chosen =
    exact.length > 0 ? exact : list.filter((_, i) => texts[i]?.some((text) => text.includes(needle)));
  return chosen.map((item) => item.foodId);
}

/** What is left to buy once the items the user has at home are taken off, and its cost. */
export function stillToBuy(
  list: readonly GroceryItem[],
  atHome: readonly string[] | undefined,
): { items: GroceryItem[]; cost: number } {
  const have = new Set(atHome ?? []);
  const items = list.filter((item) => !have.has(item.foodId));
  return { items, cost: groceryTotal(items) };
}
