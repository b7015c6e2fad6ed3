/**
 * One food phrase logged as a food the person picked ("a cup of yogurt" → "greek"): the amount, unit and size
 * are read from the phrase exactly as the parser reads them, and weighed for the chosen food.
 */
import { normalize } from '../conversation/parse/normalize.ts';
import type { FoodDatabase } from '../nutrition/food-database.ts';
import { singularWord } from './lexicon.ts';
import { type FoodLogParse, MAX_GRAMS_PER_ITEM } from './parse-food-log.ts';
import { readPhrase } from './phrase-parts.ts';
import { portionGrams } from './portions.ts';
import { prepareNumbers } from './quantities.ts';

export function parseChosenFood(
  phrase: string,
  foodId: string,
  accompaniment: boolean,
  foods: FoodDatabase,
): FoodLogParse {
  const food = foods.get(foodId);
  const unknown: FoodLogParse = { items: [], unsure: [], unknown: [phrase], guessed: [] };
  if (food === undefined) return unknown;
  const parts = readPhrase(prepareNumbers(normalize(phrase)));
  const last = parts.words.at(-1) ?? '';
  const portion = portionGrams({
    food,
    amount: parts.amount,
    unit: parts.unit,
    size: parts.size,
    plural: singularWord(last) !== last,
    accompaniment,
    phraseWords: parts.words.join(' '),
  });
  if (portion === undefined || !(portion.grams > 0) || portion.eatenGrams > MAX_GRAMS_PER_ITEM)
    return unknown;
  const written = /^(?:a|an|un|una|uno)$/.test(parts.quantityText) ? '1' : parts.quantityText;
  return {
    items: [
      {
        foodId: food.id,
        name: food.name,
        grams: Math.round(portion.grams * 10) / 10,
        quantityText: portion.cooked ? `${written} (cooked)`.trim() : written,
      },
    ],
    unsure: [],
    unknown: [],
    guessed: [],
  };
}
