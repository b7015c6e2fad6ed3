import type { Allergen } from './allergens.ts';
import { FLESH_GROUPS, type FoodDiet } from './food.ts';
import { type FoodDatabase, normalizeFoodText } from './food-database.ts';
import type { MealSlot, Recipe, RecipeDiet } from './recipe.ts';
import type { RecipeFacts } from './recipe-nutrition.ts';

/** The hard filters applied before any planning: a recipe either passes all of them or is never offered. */
export interface RecipeFilter {
  readonly diet: RecipeDiet;
  /** Profile allergies (the US 9 + `gluten`); any food allergen tag is accepted. */
  readonly allergies: readonly Allergen[];
  /** Free-text dislikes ("mushroom", "Brussels sprouts"), matched as whole words. */
  readonly dislikes: readonly string[];
  readonly slot?: MealSlot;
}

/**
 * Food tags an allergy excludes. `gluten` covers wheat, barley, rye and non-certified oats (all tagged `gluten`) and
 * anything tagged `wheat`. A lay "shellfish" allergy also excludes molluscs (clams, mussels): people who say
 * shellfish usually mean both, and leaning cautious costs little.
 */
export function excludedAllergenTags(allergies: readonly Allergen[]): ReadonlySet<Allergen> {
  const tags = new Set<Allergen>();
  for (const allergy of allergies) {
    tags.add(allergy);
    if (allergy === 'gluten') tags.add('wheat');
    if (allergy === 'shellfish') tags.add('mollusc');
  }
  return tags;
}

/** Whether a recipe with these computed diets suits a household diet (omnivore accepts everything). */
export function fitsDiet(diets: readonly FoodDiet[], diet: RecipeDiet): boolean {
  return diet === 'omnivore' || diets.includes(diet);
}

/** A crude English/Spanish singular, the same on both sides of a match: "mushrooms" → "mushroom". */
function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && /(oes|ches|shes|sses|xes)$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** Normalised, singularised words joined by single spaces, padded so `includes(' x ')` is a whole-word test. */
export function wordText(text: string): string {
  const words = normalizeFoodText(text.replace(/[-_]/g, ' '))
    .split(' ')
    .filter((w) => w.length > 0)
    .map(singular);
  return words.length === 0 ? '' : ` ${words.join(' ')} `;
}

/**
 * Texts a dislike is matched against: the recipe name, and for each food its name, id, synonyms and, for flesh
 * foods, its group (so "fish" also excludes salmon and "meat" excludes beef).
 */
export function dislikeHaystack(recipe: Recipe, foods: FoodDatabase): string {
  const texts = [recipe.name];
  for (const { foodId } of recipe.ingredients) {
    const food = foods.require(foodId);
    texts.push(food.name, food.id, ...food.synonyms);
    if (FLESH_GROUPS.includes(food.group)) texts.push(food.group);
  }
  return texts.map(wordText).join('|');
}

/** Whether any dislike occurs as a whole word (or phrase) in the haystack built by dislikeHaystack. */
export function matchesDislike(haystack: string, dislikes: readonly string[]): boolean {
  return dislikes.some((dislike) => {
    const needle = wordText(dislike);
    return needle !== '' && haystack.includes(needle);
  });
}

/** The hard filter on computed facts: slot, diet, allergens, dislikes (`excluded` may be passed precomputed). */
export function isEligible(
  recipe: Recipe,
  facts: RecipeFacts,
  haystack: string,
  filter: RecipeFilter,
  excluded: ReadonlySet<Allergen> = excludedAllergenTags(filter.allergies),
): boolean {
  if (filter.slot !== undefined && !recipe.slots.includes(filter.slot)) return false;
  if (!fitsDiet(facts.diets, filter.diet)) return false;
  if (facts.allergens.some((a) => excluded.has(a))) return false;
  return !matchesDislike(haystack, filter.dislikes);
}
