import foodsData from '../../../data/foods.json' with { type: 'json' };
import pricesData from '../../../data/prices.json' with { type: 'json' };
import { type Food, type FoodPrice, foodFileSchema, type PriceFile, priceFileSchema } from './food.ts';

export type FoodDatabaseErrorCode = 'unknown_food' | 'invalid_food_data';

/** A fault in the food database: an id nobody knows, or data files that fail validation. */
export class FoodDatabaseError extends Error {
  override readonly name = 'FoodDatabaseError';
  constructor(
    readonly code: FoodDatabaseErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** How a search hit matched, best first. */
export type FoodMatchKind = 'exact' | 'prefix' | 'contains' | 'tokens';

export interface FoodMatch {
  readonly food: Food;
  readonly kind: FoodMatchKind;
  /** Higher is better; comparable only within one search. */
  readonly score: number;
  /** The name or synonym that matched, as written in the data. */
  readonly matched: string;
}

export interface FoodDatabase {
  /** The food with this id, or undefined. */
  get(id: string): Food | undefined;
  /** The food with this id; throws FoodDatabaseError `unknown_food` when there is none. */
  require(id: string): Food;
  /** Every food, in data-file order. */
  all(): readonly Food[];
  /**
   * Foods whose name or synonyms match free text, best first: exact > prefix > contains > token overlap.
   * Case- and accent-insensitive ("Plátano" finds bananas), tolerant of simple plurals.
   */
  search(text: string, limit?: number): readonly FoodMatch[];
  /** The price of one package of this food (throws `unknown_food`). */
  price(id: string): FoodPrice;
  /** US dollars per edible gram: perPackage / package.grams (throws `unknown_food`). */
  pricePerGram(id: string): number;
  /** Metadata of the price file: currency, basis, asOf. */
  readonly priceInfo: { readonly currency: 'USD'; readonly basis: string; readonly asOf: string };
}

const DEFAULT_LIMIT = 10;

/** Lower-case, strip accents, turn punctuation into spaces, collapse whitespace. */
export function normalizeFoodText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9%]+/g, ' ')
    .trim();
}

/** A crude English/Spanish singular: "tomatoes" → "tomato", "berries" → "berry", "huevos" → "huevo". */
function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && /(oes|ches|shes|sses|xes)$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

function singularPhrase(phrase: string): string {
  return phrase.split(' ').map(singular).join(' ');
}

interface Candidate {
  readonly text: string;
  readonly singular: string;
  readonly tokens: readonly string[];
  readonly original: string;
  readonly isName: boolean;
}

const KIND_BASE: Record<FoodMatchKind, number> = { exact: 4000, prefix: 3000, contains: 2000, tokens: 1000 };

function scoreCandidate(
  query: string,
  querySingular: string,
  queryTokens: readonly string[],
  c: Candidate,
): { kind: FoodMatchKind; score: number } | undefined {
  // Small bonuses break ties: the food's own name beats a synonym; shorter candidates are closer matches.
  const nameBonus = c.isName ? 50 : 0;
  const lengthPenalty = Math.min(c.text.length, 200) / 10;
  if (c.text === query || c.singular === querySingular) {
    return { kind: 'exact', score: KIND_BASE.exact + nameBonus - lengthPenalty };
  }
  if (c.text.startsWith(query) || c.singular.startsWith(querySingular)) {
    return { kind: 'prefix', score: KIND_BASE.prefix + nameBonus - lengthPenalty };
  }
  if (query.length >= 3 && (c.text.includes(query) || c.singular.includes(querySingular))) {
    // A match at a word boundary ("greek yogurt" in "yogurt greek plain") beats one inside a word.
    const atWord = ` ${c.singular}`.includes(` ${querySingular}`) ? 100 : 0;
    return { kind: 'contains', score: KIND_BASE.contains + atWord + nameBonus - lengthPenalty };
  }
  if (queryTokens.length === 0) return undefined;
  let hits = 0;
  for (const token of queryTokens) {
    if (c.tokens.some((t) => t === token || (token.length >= 4 && t.startsWith(token)))) hits += 1;
  }
  if (hits === 0) return undefined;
  const coverage = hits / queryTokens.length;
  const precision = hits / c.tokens.length;
  return {
    kind: 'tokens',
    score: KIND_BASE.tokens + Math.round(600 * coverage + 300 * precision) + nameBonus / 5 - lengthPenalty,
  };
}

/** Words too common to carry meaning on their own in a token-overlap match. */
const STOP_WORDS = new Set([
  'a',
  'an',
  'and',
  'of',
  'the',
  'with',
  'in',
  'or',
  'raw',
  'dry',
  'fresh',
  'de',
  'con',
  'y',
  'la',
  'el',
  'del',
]);

function tokensOf(text: string): string[] {
  return text
    .split(' ')
    .filter((t) => t.length > 0 && !STOP_WORDS.has(t))
    .map(singular);
}

/** Build a database from already-validated foods and prices (pure; used by loadFoodDatabase and tests). */
export function createFoodDatabase(foods: readonly Food[], priceFile: PriceFile): FoodDatabase {
  const byId = new Map<string, Food>();
  for (const food of foods) {
    if (byId.has(food.id)) {
      throw new FoodDatabaseError('invalid_food_data', `duplicate food id "${food.id}"`);
    }
    byId.set(food.id, food);
  }
  const missingPrices = foods.filter((f) => priceFile.prices[f.id] === undefined).map((f) => f.id);
  if (missingPrices.length > 0) {
    throw new FoodDatabaseError('invalid_food_data', `foods without a price: ${missingPrices.join(', ')}`);
  }
  const orphanPrices = Object.keys(priceFile.prices).filter((id) => !byId.has(id));
  if (orphanPrices.length > 0) {
    throw new FoodDatabaseError('invalid_food_data', `prices for unknown foods: ${orphanPrices.join(', ')}`);
  }

  const index: { food: Food; candidates: Candidate[] }[] = foods.map((food) => ({
    food,
    candidates: [food.name, ...food.synonyms].map((original, i) => {
      const text = normalizeFoodText(original);
      return { text, singular: singularPhrase(text), tokens: tokensOf(text), original, isName: i === 0 };
    }),
  }));

  const requireFood = (id: string): Food => {
    const food = byId.get(id);
    if (food === undefined) throw new FoodDatabaseError('unknown_food', `unknown food id "${id}"`);
    return food;
  };
  const requirePrice = (id: string): FoodPrice => {
    requireFood(id);
    const price = priceFile.prices[id];
    if (price === undefined) throw new FoodDatabaseError('invalid_food_data', `no price for "${id}"`);
    return price;
  };
  const all = Object.freeze([...foods]);

  return {
    get: (id) => byId.get(id),
    require: requireFood,
    all: () => all,
    search(text, limit = DEFAULT_LIMIT) {
      const query = normalizeFoodText(text);
      if (query.length === 0 || limit <= 0) return [];
      const querySingular = singularPhrase(query);
      const queryTokens = tokensOf(query);
      const hits: FoodMatch[] = [];
      for (const { food, candidates } of index) {
        let best: FoodMatch | undefined;
        for (const c of candidates) {
          const s = scoreCandidate(query, querySingular, queryTokens, c);
          if (s !== undefined && (best === undefined || s.score > best.score)) {
            best = { food, kind: s.kind, score: s.score, matched: c.original };
          }
        }
        if (best !== undefined) hits.push(best);
      }
      hits.sort((a, b) => b.score - a.score || a.food.name.localeCompare(b.food.name));
      return hits.slice(0, limit);
    },
    price: requirePrice,
    pricePerGram: (id) => requirePrice(id).perPackage / requireFood(id).package.grams,
    priceInfo: { currency: priceFile.currency, basis: priceFile.basis, asOf: priceFile.asOf },
  };
}

/** Validate raw JSON (as imported) into a database; throws FoodDatabaseError `invalid_food_data` with the cause. */
export function parseFoodDatabase(rawFoods: unknown, rawPrices: unknown): FoodDatabase {
  const foods = foodFileSchema.safeParse(rawFoods);
  if (!foods.success) {
    throw new FoodDatabaseError('invalid_food_data', `foods.json is invalid: ${foods.error.message}`, {
      cause: foods.error,
    });
  }
  const prices = priceFileSchema.safeParse(rawPrices);
  if (!prices.success) {
    throw new FoodDatabaseError('invalid_food_data', `prices.json is invalid: ${prices.error.message}`, {
      cause: prices.error,
    });
  }
  return createFoodDatabase(foods.data.foods, prices.data);
}

let loaded: FoodDatabase | undefined;

/** The product's food database (service/data/foods.json + prices.json), validated once and memoised. */
export function loadFoodDatabase(): FoodDatabase {
  loaded ??= parseFoodDatabase(foodsData as unknown, pricesData as unknown);
  return loaded;
}
