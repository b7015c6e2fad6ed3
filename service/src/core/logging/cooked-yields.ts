/**
 * Cooked measures of foods the database holds DRY (grains, pasta, dry legumes).
 *
 * Decision: a log records what was on the plate, so a cup or a weight of rice, pasta, quinoa, lentils or dry beans
 * is read as COOKED and converted to the dry grams the database can price and count — logging "1 cup of rice" as
 * 185 g of dry rice would triple its calories. "dry", "uncooked" or "raw" in the phrase keeps the database measure.
 * Oats are the one food people measure dry ("1/2 cup oats"): only "oatmeal", "porridge" or "cooked" mean cooked.
 *
 * dryPerCookedCup = USDA SR28 cooked-cup weight × cooked kcal per 100 g / dry kcal per 100 g (the same grain,
 * before and after water), rounded; e.g. white rice 158 g × 130 / 365 ≈ 56 g. Pasta uses 56 g (2 oz dry per cooked
 * cup, the `serving` in foods.json); rolled oats 40 g (½ cup dry makes 1 cup cooked).
 */
import type { Food } from '../nutrition/food.ts';

export interface CookedYield {
  /** Grams of one cup of the cooked food. */
  readonly cookedCupGrams: number;
  /** Grams of the dry food that make one cooked cup. */
  readonly dryPerCookedCup: number;
  /** When set, only these words (or "cooked") mean the cooked food. */
  readonly cookedOnlyWhenSaid?: readonly string[];
}

const y = (cookedCupGrams: number, dryPerCookedCup: number): CookedYield => ({
  cookedCupGrams,
  dryPerCookedCup,
});

export const COOKED_YIELDS: Readonly<Record<string, CookedYield>> = {
  'rice-white-long-grain-dry': y(158, 56),
  'rice-brown-long-grain-dry': y(202, 65),
  'rice-parboiled-dry': y(158, 55),
  'rice-instant-dry': y(165, 50),
  'wild-rice-dry': y(164, 46),
  'pasta-dry': y(140, 56),
  'pasta-whole-wheat-dry': y(140, 56),
  'egg-noodles-dry': y(160, 57),
  'rice-noodles-dry': y(176, 52),
  'quinoa-dry': y(185, 60),
  'couscous-dry': y(157, 47),
  'bulgur-dry': y(182, 44),
  'barley-pearled-dry': y(157, 55),
  'grits-dry': y(257, 39),
  'oats-rolled-dry': { ...y(234, 40), cookedOnlyWhenSaid: ['oatmeal', 'porridge'] },
  'lentils-dry': y(198, 65),
  'black-beans-dry': y(172, 67),
  'pinto-beans-dry': y(171, 70),
  'kidney-beans-dry': y(177, 67),
  'navy-beans-dry': y(182, 76),
  'great-northern-beans-dry': y(177, 62),
  'chickpeas-dry': y(164, 71),
  'split-peas-dry': y(196, 68),
  'soybeans-dry': y(172, 67),
};

const DRY_WORDS = /\b(?:dry|uncooked|raw|seco|seca|secos|secas|crudo|cruda|crudos|crudas)\b/;
const COOKED_WORDS = /\b(?:cooked|boiled|steamed|cocido|cocida|cocidos|cocidas|hervido|hervida)\b/;

/** The yield to apply when this phrase means the cooked food, else undefined (use the database measure). */
export function cookedYield(food: Food, phraseWords: string): CookedYield | undefined {
  const entry = COOKED_YIELDS[food.id];
  if (entry === undefined || DRY_WORDS.test(phraseWords)) return undefined;
  if (entry.cookedOnlyWhenSaid === undefined || COOKED_WORDS.test(phraseWords)) return entry;
  return entry.cookedOnlyWhenSaid.some((w) => phraseWords.includes(w)) ? entry : undefined;
}
