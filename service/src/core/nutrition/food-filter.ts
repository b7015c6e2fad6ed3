import type { Allergen, Diet } from '../domain/profile.ts';
import { FLESH_GROUPS, type Food } from './food.ts';
import { excludedAllergenTags, fitsDiet, matchesDislike, wordText } from './recipe-eligibility.ts';

export interface HardFilters {
  diet: Diet;
  allergies: readonly Allergen[];
  dislikes: readonly string[];
}

/**
 * The hard filters applied to a single food (a side sized in grams), by the same rules as recipes: the allergy
 * tags an allergy excludes, the diets the food fits, and dislikes as whole words of its names.
 */
export function foodFits(food: Food, filters: HardFilters): boolean {
  const excluded = excludedAllergenTags(filters.allergies);
  if (food.allergens.some((allergen) => excluded.has(allergen))) return false;
  if (!fitsDiet(food.diets, filters.diet)) return false;
  const texts = [
    food.name,
    food.id,
    ...food.synonyms,
    ...(FLESH_GROUPS.includes(food.group) ? [food.group] : []),
  ];
  return !matchesDislike(texts.map(wordText).join('|'), filters.dislikes);
}
