/**
 * The food-log parser: free text ("had 2 eggs and a slice of toast with butter", "comí dos huevos y una
 * tostada") → foods from the database with grams. Pure: no I/O; the database is passed in.
 *
 * Every phrase ends in exactly one of: `items` (confident), `unsure` (two or more foods fit about equally, so the
 * coach asks "did you mean …?"), or `unknown` (no food, a dish we cannot weigh, a measure that does not fit the food,
 * or an amount nobody eats). Questions, dislikes, purchases and negated phrases log nothing.
 */
import { normalize } from '../conversation/parse/normalize.ts';
import type { Food } from '../nutrition/food.ts';
import type { FoodDatabase } from '../nutrition/food-database.ts';
import { looksLikeFoodLog, splitFoodPhrases } from './food-phrase.ts';
import { type Lexicon, lexiconFor } from './lexicon.ts';
import { DISH_PHRASES, matchFoodWords, type NamedFood } from './match-food.ts';
import { readPhrase } from './phrase-parts.ts';
import { portionGrams } from './portions.ts';
import { prepareNumbers } from './quantities.ts';
import { isMassUnit, isVolumeUnit, type Unit } from './units.ts';

export interface LoggedFood {
  readonly foodId: string;
  readonly name: string;
  readonly grams: number;
  /** The measure as written ("1.5 cups", "a slice"), "" when a default portion was used; "(cooked)" when converted. */
  readonly quantityText: string;
}

export interface UnsureFood {
  readonly phrase: string;
  readonly options: readonly { readonly foodId: string; readonly name: string }[];
  /** Came after "with" (a topping): the chosen food gets a topping's default portion. */
  readonly accompaniment: boolean;
}

export interface FoodLogParse {
  readonly items: readonly LoggedFood[];
  readonly unsure: readonly UnsureFood[];
  readonly unknown: readonly string[];
  /** Words of logged phrases that were typo-corrected or ignored: a guess, fine after "had", not on its own. */
  readonly guessed: readonly string[];
}

/** No one eats more than this of one food at once: a larger amount is a joke, a typo or an attack. */
export const MAX_GRAMS_PER_ITEM = 3000;
/** Longer than a long SMS: the rest is ignored (bounds the work on hostile input). */
const MAX_CHARS = 1000;

export function parseFoodLog(text: string, foods: FoodDatabase): FoodLogParse {
  const items: LoggedFood[] = [];
  const unsure: UnsureFood[] = [];
  const unknown: string[] = [];
  const guessed: string[] = [];
  const normalized = normalize(typeof text === 'string' ? text.slice(0, MAX_CHARS) : '');
  if (!looksLikeFoodLog(normalized)) return { items, unsure, unknown, guessed };
  const lexicon = lexiconFor(foods);

  const protectedPhrases = [...DISH_PHRASES, ...lexicon.protectedPhrases];
  for (const phrase of splitFoodPhrases(prepareNumbers(normalized), protectedPhrases)) {
    const shown = phrase.text.replaceAll('_', ' ');
    const parts = readPhrase(phrase.text);
    if (parts.words.length === 0 || parts.amount === 0) continue;
    const match = matchFoodWords(parts.words, lexicon);
    if (match.kind === 'unknown') {
      unknown.push(shown);
      continue;
    }
    if (match.kind === 'unsure') {
      unsure.push({
        phrase: shown,
        options: match.options.map((f) => ({ foodId: f.id, name: f.name })),
        accompaniment: phrase.accompaniment,
      });
      continue;
    }
    guessed.push(...match.guessed);
    const phraseWords = parts.words.join(' ');
    const head = match.foods.length - 1;
    const logged = match.foods.map((named, k) => {
      // The measure belongs to the last food named ("2 slices of peanut butter toast"); the others are toppings.
      const own = k === head;
      const food = own ? variantWithUnit(named, parts.unit, lexicon) : named.food;
      const portion = portionGrams({
        food,
        amount: own ? parts.amount : undefined,
        unit: own ? parts.unit : undefined,
        size: own ? parts.size : undefined,
        plural: named.plural,
        accompaniment: phrase.accompaniment || !own,
        phraseWords,
      });
      const written = /^(?:a|an|un|una|uno)$/.test(parts.quantityText) ? '1' : parts.quantityText;
      return { food, portion, quantityText: own ? written : '' };
    });
    const believable = logged.every(({ portion }) => portion !== undefined && portion.grams > 0);
    if (!believable || logged.some(({ portion }) => (portion?.eatenGrams ?? 0) > MAX_GRAMS_PER_ITEM)) {
      unknown.push(shown);
      continue;
    }
    for (const { food, portion, quantityText } of logged) {
      if (portion === undefined) continue;
      items.push({
        foodId: food.id,
        name: food.name,
        grams: Math.round(portion.grams * 10) / 10,
        quantityText: portion.cooked ? `${quantityText} (cooked)`.trim() : quantityText,
      });
    }
  }
  return { items, unsure, unknown, guessed };
}

/**
 * "a can of black beans", "a slice of turkey": when the named food has no such unit, the closely named food that
 * does (canned black beans, deli turkey). Mass and volume units fit every food and never switch it.
 */
function variantWithUnit(named: NamedFood, unit: Unit | undefined, lexicon: Lexicon): Food {
  if (
    unit === undefined ||
    isMassUnit(unit) ||
    isVolumeUnit(unit) ||
    named.food.units?.[unit] !== undefined
  ) {
    return named.food;
  }
  const canned = unit === 'can' ? lexicon.exact(`canned ${named.text}`) : undefined;
  if (canned?.units?.[unit] !== undefined) return canned;
  const hit = lexicon
    .search(named.text, 10)
    .find((h) => h.kind !== 'tokens' && h.food.units?.[unit] !== undefined);
  return hit?.food ?? named.food;
}
