/**
 * What the log parser knows about the food database's words, built once per database: the vocabulary for typo
 * correction, exact name/synonym lookup (through the database's own search), "head word" lookup for a generic word
 * such as "juice" or "soup", and the names that contain a list word ("half and half") and must not be split.
 */
import type { Food } from '../nutrition/food.ts';
import { type FoodDatabase, type FoodMatch, normalizeFoodText } from '../nutrition/food-database.ts';

export interface Lexicon {
  /** Every word of every food name and synonym (plus log aliases), for typo correction. */
  readonly vocabulary: ReadonlySet<string>;
  /** Names and synonyms holding a word that would otherwise split a list ("and", "with", "y", "con", "no" ...). */
  readonly protectedPhrases: readonly string[];
  /** The food whose name or synonym is exactly this text (plurals tolerated), if any. */
  exact(text: string): Food | undefined;
  /** Foods with a name or synonym whose head is `words` but says more: "juice" → orange juice, apple juice ... */
  headMatches(words: readonly string[]): readonly Food[];
  get(id: string): Food | undefined;
  /** The database's own ranking of a free-text query (for ordering options). */
  search(text: string, limit: number): readonly FoodMatch[];
}

/** A crude singular, enough to compare "thighs" with "thigh" and "berries" with "berry". */
export function singularWord(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && /(oes|ches|shes|sses|xes)$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

const LIST_WORDS = /(^| )(and|with|y|con|sin|no|plus|without|on)( |$)/;

/** The part of a display name a person would say: "Chicken thighs, boneless (raw)" → "chicken thighs". */
function spokenName(name: string): string {
  return normalizeFoodText(name.split(',')[0]?.replace(/\(.*?\)/g, ' ') ?? name);
}

/** Words the database lacks but people log with, mapped to a name it has. */
export const LOG_ALIASES: Readonly<Record<string, string>> = {
  'pan tostado': 'toast',
  tostada: 'toast',
  tostadas: 'toast',
  pan: 'bread',
  porridge: 'oatmeal',
  'yogurt griego': 'greek yogurt',
  'yogurt natural': 'plain yogurt',
  // "queso" alone is cheddar in the database: the named fresh cheese must win over it.
  'queso panela': 'panela',
};

const cache = new WeakMap<FoodDatabase, Lexicon>();

export function lexiconFor(db: FoodDatabase): Lexicon {
  const known = cache.get(db);
  if (known !== undefined) return known;
  const vocabulary = new Set<string>(Object.keys(LOG_ALIASES).flatMap((a) => a.split(' ')));
  const protectedPhrases = new Set<string>();
  const heads: { food: Food; words: string[] }[] = [];
  for (const food of db.all()) {
    const texts = [food.name, ...food.synonyms].map((t) => normalizeFoodText(t));
    for (const text of texts) {
      for (const word of text.split(' ')) vocabulary.add(word);
      if (LIST_WORDS.test(text)) protectedPhrases.add(text);
    }
    for (const text of [spokenName(food.name), ...texts.slice(1)]) {
      heads.push({ food, words: text.split(' ').map(singularWord) });
    }
  }
  const exactMemo = new Map<string, Food | undefined>();
  const lexicon: Lexicon = {
    vocabulary,
    protectedPhrases: [...protectedPhrases].sort((a, b) => b.length - a.length),
    exact(text) {
      if (!exactMemo.has(text)) {
        const hit = db.search(text, 1)[0];
        exactMemo.set(text, hit?.kind === 'exact' ? hit.food : undefined);
      }
      return exactMemo.get(text);
    },
    headMatches(words) {
      const query = words.map(singularWord);
      const found = new Map<string, Food>();
      for (const { food, words: candidate } of heads) {
        if (candidate.length <= query.length) continue;
        const tail = candidate.slice(candidate.length - query.length);
        const head = candidate.slice(0, query.length);
        // "palitos de pescado" is sticks, not fish: a tail after "de" is a Spanish modifier, not a head.
        const englishHead = tail.every((w, k) => w === query[k]) && candidate.at(-query.length - 1) !== 'de';
        const spanishHead = head.every((w, k) => w === query[k]) && candidate[query.length] === 'de';
        if (englishHead || spanishHead) found.set(food.id, food);
      }
      return [...found.values()];
    },
    get: (id) => db.get(id),
    search: (text, limit) => db.search(text, limit),
  };
  cache.set(db, lexicon);
  return lexicon;
}
