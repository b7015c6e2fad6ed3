import { closestWord } from '../logging/fuzzy.ts';
import { lexiconFor } from '../logging/lexicon.ts';
import { FLESH_GROUPS, type Food } from '../nutrition/food.ts';
import { type FoodDatabase, loadFoodDatabase, normalizeFoodText } from '../nutrition/food-database.ts';
import { loadRecipeDatabase } from '../nutrition/recipe-database.ts';
import { wordText } from '../nutrition/recipe-eligibility.ts';

/** The plan request's limit on dislikes (planRequestSchema). */
export const MAX_PLANNER_DISLIKES = 30;

/**
 * Words that make a food a different thing to eat: someone who dislikes olives still cooks with olive oil. The
 * planner matches a dislike as a whole word in every food name, so "olives" alone would drop a third of the recipes
 * (73 of 220 use olive oil); such foods are left out of what a dislike excludes.
 */
const DERIVED = new Set(['oil', 'extract', 'powder', 'aceite']);

const textsByFood = new WeakMap<Food, readonly string[]>();

/** The food's names as the planner matches them (memoised: every plan request reads all of them). */
function foodTexts(food: Food): readonly string[] {
  let texts = textsByFood.get(food);
  if (texts === undefined) {
    texts = [
      food.name,
      food.id,
      ...food.synonyms,
      ...(FLESH_GROUPS.includes(food.group) ? [food.group] : []),
    ].map(wordText);
    textsByFood.set(food, texts);
  }
  return texts;
}

/** Whether the dislike occurs in the food's names other than as the first word of a derived product ("olive oil"). */
function excludes(food: Food, needle: string): boolean {
  return foodTexts(food).some((text) => {
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
      const next = text.slice(at + needle.length).split(' ')[0] ?? '';
      if (!DERIVED.has(next)) return true;
    }
    return false;
  });
}

/** Foods the planner's own whole-word rule would exclude for this dislike. */
function plannerMatches(food: Food, needle: string): boolean {
  return foodTexts(food).some((text) => text.includes(needle));
}

export interface ResolvedDislike {
  /** The name to keep: as the user wrote it, or the database's spelling when it was a typo ("mushroms"). */
  name: string;
  /** Foods it excludes. */
  foodIds: string[];
}

function matching(name: string, foods: FoodDatabase): string[] {
  const needle = wordText(name);
  if (needle === '') return [];
  return foods
    .all()
    .filter((food) => excludes(food, needle))
    .map((food) => food.id);
}

/** Recipes whose name holds the word ("lasagna"), which the planner also leaves out. */
function namesARecipe(name: string): boolean {
  const needle = wordText(name);
  return (
    needle !== '' &&
    loadRecipeDatabase()
      .all()
      .some((recipe) => wordText(recipe.name).includes(needle))
  );
}

/**
 * What a dislike the user named leaves out of their plans, or undefined when it matches no food and no recipe in
 * the database (the caller says so rather than pretending). Misspelt words are corrected to a database word.
 */
export function resolveDislike(
  name: string,
  foods: FoodDatabase = loadFoodDatabase(),
): ResolvedDislike | undefined {
  const direct = matching(name, foods);
  if (direct.length > 0 || namesARecipe(name)) return { name, foodIds: direct };
  const { vocabulary } = lexiconFor(foods);
  const words = normalizeFoodText(name).split(' ');
  const corrected = words.map((word) =>
    vocabulary.has(word) ? word : (closestWord(word, vocabulary) ?? word),
  );
  if (corrected.join(' ') === words.join(' ')) return undefined;
  const fixed = corrected.join(' ');
  const ids = matching(fixed, foods);
  return ids.length > 0 ? { name: fixed, foodIds: ids } : undefined;
}

/** Two dislikes are the same when their singular, accent-free words are ("Mushroom" = "mushrooms"). */
export function sameDislike(a: string, b: string): boolean {
  return wordText(a) === wordText(b);
}

/**
 * The `dislikes` of a plan request for the profile's list. A dislike goes to the planner as written when the
 * planner's whole-word rule excludes exactly the foods it should; when that rule would reach further ("olives"
 * would exclude olive oil), the foods' ids go instead — each id is a whole word sequence only that food carries.
 * The plan request takes at most 30 entries; beyond that the first 30 are kept.
 */
export function plannerDislikes(
  dislikes: readonly string[],
  foods: FoodDatabase = loadFoodDatabase(),
): string[] {
  const out: string[] = [];
  for (const dislike of dislikes) {
    const needle = wordText(dislike);
    if (needle === '') continue;
    const wanted = new Set(matching(dislike, foods));
    const overreach = foods.all().some((food) => plannerMatches(food, needle) && !wanted.has(food.id));
    const entries = overreach ? [...wanted] : [dislike.trim()];
    for (const entry of entries)
      if (entry.length >= 2 && entry.length <= 40 && !out.includes(entry)) out.push(entry);
  }
  return out.slice(0, MAX_PLANNER_DISLIKES);
}
