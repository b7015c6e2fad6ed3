/**
 * Finds the food(s) named by a phrase's words. In order:
 * 1. typo correction of unknown words against the food vocabulary ("bananna" → banana);
 * 2. the longest runs of words that are exactly a food name or synonym ("grilled CHICKEN BREAST"), or a log alias
 *    for a word the database lacks ("tostada" → toast, "pan" → bread, so "pan integral" still wins);
 *    "rye toast" reads as rye bread;
 * 3. a dish word left over ("cheese PIZZA", "tuna SANDWICH") means a dish we cannot weigh: unknown, not cheese;
 * 4. with no exact run, a generic head word ("juice", "soup") lists the foods it could be.
 * A bare word whose variants differ a lot (yogurt: Greek or plain) is asked about rather than guessed.
 */
import type { Food } from '../nutrition/food.ts';
import { closestWord } from './fuzzy.ts';
import { type Lexicon, LOG_ALIASES, singularWord } from './lexicon.ts';
import { isSizeWord, isUnitWord } from './units.ts';

export interface NamedFood {
  readonly food: Food;
  /** The words that named it, e.g. "chicken breast". */
  readonly text: string;
  /** Written as a plural ("eggs"): with no amount, two of a countable food. */
  readonly plural: boolean;
}

export type FoodWordsMatch =
  | {
      readonly kind: 'foods';
      readonly foods: readonly NamedFood[];
      /** Words typo-corrected or ignored as not food ("exportar mis datos" → dates, "exportar" ignored). */
      readonly guessed: readonly string[];
    }
  | { readonly kind: 'unsure'; readonly options: readonly Food[] }
  | { readonly kind: 'unknown' };

const YOGURTS = ['yogurt-greek-plain-nonfat', 'yogurt-plain-whole'];
const FISH = ['salmon-atlantic-raw', 'tilapia-raw', 'cod-raw', 'tuna-light-canned-water'];
const MEAT = [
  'beef-sirloin-steak-raw',
  'ground-beef-80-raw',
  'pork-chops-boneless-raw',
  'chicken-breast-raw',
];

/**
 * Bare words the coach must ask about, with the foods to offer: variants that differ a lot (yogurt: Greek or
 * plain, the issue's own example) and category words no single food answers ("fish", "meat").
 */
const ASK_WHEN_BARE: Readonly<Record<string, readonly string[]>> = {
  yogurt: YOGURTS,
  yoghurt: YOGURTS,
  yogur: YOGURTS,
  fish: FISH,
  pescado: FISH,
  meat: MEAT,
  carne: MEAT,
};

/** How it was cooked or cut: ignored when left over, never typo-corrected into a food. */
export const MODIFIERS = new Set(
  (
    'grilled scrambled fried boiled baked roasted steamed sauteed poached toasted cooked uncooked raw fresh organic ' +
    'homemade plain whole ripe sliced diced chopped shredded mashed grated hot cold warm iced leftover lean dry ' +
    'skinless boneless crispy spicy smoked seasoned stir over easy hard soft revuelto revueltos frito fritos frita ' +
    'fritas cocido cocidos cocida cocidas hervido hervidos asado asados asada horneado horneados tostado crudo ' +
    'cruda seco seca natural plancha vapor entero entera'
  ).split(' '),
);

const STOP = new Set('of de del a an the la el los las y and with con some my x in on for al'.split(' '));

/** Dishes and baked goods the database does not hold: a phrase naming one is unknown as a whole. */
const DISH_WORDS = new Set(
  (
    'pizza pizzas sandwich sandwiches sub burrito burritos taco tacos quesadilla quesadillas enchilada enchiladas ' +
    'smoothie smoothies shake milkshake salad salads ensalada pie cake cakes cookie cookies brownie brownies muffin ' +
    'muffins donut donuts doughnut pancake pancakes waffle waffles sushi burger burgers hamburger cheeseburger ' +
    'lasagna casserole omelette omelet omelets fries nuggets cereal granola bar bars torta tamal tamales pozole ' +
    'pastel galleta galletas sopes chilaquiles'
  ).split(' '),
);

/** Dishes whose names hold a list word: kept whole ("mac and cheese" is not cheese) and unknown. */
export const DISH_PHRASES: readonly string[] = [
  'macaroni and cheese',
  'mac and cheese',
  'mac n cheese',
  'fish and chips',
  'peanut butter and jelly',
  'pb and j',
  'chicken and waffles',
  'arroz con leche',
];
for (const phrase of DISH_PHRASES) DISH_WORDS.add(phrase.replaceAll(' ', '_'));

/** An exact food for a run of words: the database's names, then log aliases, then "rye toast" as "rye bread". */
function exactFood(text: string, lexicon: Lexicon): Food | undefined {
  const alias = LOG_ALIASES[text];
  const toasted = /^(\S+) toast$/.exec(text);
  return (
    lexicon.exact(text) ??
    (alias === undefined ? undefined : lexicon.exact(alias)) ??
    (toasted === null ? undefined : lexicon.exact(`${toasted[1]} bread`))
  );
}

function isKnownNonFood(word: string): boolean {
  return (
    STOP.has(word) || MODIFIERS.has(word) || DISH_WORDS.has(word) || isUnitWord(word) || isSizeWord(word)
  );
}

function correctTypos(words: readonly string[], lexicon: Lexicon): string[] {
  return words.map((w) => {
    if (lexicon.vocabulary.has(w) || isKnownNonFood(w) || /[\d_%]/.test(w)) return w;
    return closestWord(w, lexicon.vocabulary) ?? missingLetter(w, lexicon.vocabulary) ?? w;
  });
}

/**
 * A four-letter word is too short for general correction ("coke" is one edit from "cake"), but a dropped letter
 * ("bred" for "bread") is the commonest typo: accepted when exactly one food word is the word plus one letter.
 */
function missingLetter(word: string, vocabulary: ReadonlySet<string>): string | undefined {
  if (word.length !== 4) return undefined;
  const found = new Set<string>();
  for (let k = 0; k <= word.length; k += 1) {
    for (const letter of 'abcdefghijklmnopqrstuvwxyz') {
      const candidate = `${word.slice(0, k)}${letter}${word.slice(k)}`;
      if (vocabulary.has(candidate)) found.add(candidate);
    }
  }
  return found.size === 1 ? [...found][0] : undefined;
}

interface Span {
  readonly start: number;
  readonly end: number;
  readonly food: Food;
}

/** Longest exact runs first, left to right, never overlapping. */
function exactSpans(words: readonly string[], lexicon: Lexicon): Span[] {
  const covered = new Array<boolean>(words.length).fill(false);
  const spans: Span[] = [];
  for (let length = Math.min(words.length, 6); length >= 1; length -= 1) {
    for (let start = 0; start + length <= words.length; start += 1) {
      const end = start + length;
      if (covered.slice(start, end).some(Boolean)) continue;
      if (STOP.has(words[start] ?? '') || STOP.has(words[end - 1] ?? '')) continue;
      const food = exactFood(words.slice(start, end).join(' ').replaceAll('_', ' '), lexicon);
      if (food === undefined) continue;
      spans.push({ start, end, food });
      covered.fill(true, start, end);
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

function askOptions(text: string, lexicon: Lexicon): readonly Food[] | undefined {
  const ids = ASK_WHEN_BARE[singularWord(text)] ?? ASK_WHEN_BARE[text];
  if (ids === undefined) return undefined;
  return ids.flatMap((id) => lexicon.get(id) ?? []);
}

export function matchFoodWords(raw: readonly string[], lexicon: Lexicon): FoodWordsMatch {
  const words = correctTypos(raw, lexicon);
  const spans = exactSpans(words, lexicon);
  const leftover = words.filter((_, k) => !spans.some((s) => k >= s.start && k < s.end));
  if (leftover.some((w) => DISH_WORDS.has(w))) return { kind: 'unknown' };
  const corrected = raw.filter((w, k) => words[k] !== w);

  if (spans.length > 0) {
    const named = new Map<string, NamedFood>();
    for (const span of spans) {
      const text = words.slice(span.start, span.end).join(' ').replaceAll('_', ' ');
      const options = askOptions(text, lexicon);
      if (options !== undefined && options.length > 1) return { kind: 'unsure', options };
      const last = words[span.end - 1] ?? '';
      named.set(span.food.id, { food: span.food, text, plural: singularWord(last) !== last });
    }
    const ignored = leftover.filter((w) => !isKnownNonFood(w) && !/^\d/.test(w));
    return { kind: 'foods', foods: [...named.values()], guessed: [...corrected, ...ignored] };
  }

  const content = words.filter((w) => !isKnownNonFood(w) && !/^\d/.test(w));
  if (content.length === 0) return { kind: 'unknown' };
  const categoryOptions = askOptions(content.join(' '), lexicon);
  if (categoryOptions !== undefined && categoryOptions.length > 1) {
    return { kind: 'unsure', options: categoryOptions };
  }
  const heads = lexicon.headMatches(content);
  if (heads.length === 1 && heads[0] !== undefined) {
    return {
      kind: 'foods',
      foods: [{ food: heads[0], text: content.join(' '), plural: false }],
      guessed: corrected,
    };
  }
  if (heads.length === 0) return { kind: 'unknown' };
  const rank = new Map(lexicon.search(content.join(' '), 50).map((hit, k) => [hit.food.id, k]));
  const ordered = [...heads].sort((a, b) => (rank.get(a.id) ?? 99) - (rank.get(b.id) ?? 99));
  return { kind: 'unsure', options: ordered.slice(0, 4) };
}
