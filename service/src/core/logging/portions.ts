/**
 * Grams for an amount of a food: mass units directly, household units through the food's `units` map
 * (foods.json), counts through its piece/medium/fillet/slice ..., cooked measures through cooked-yields.ts, and a
 * default portion when no amount is given. Undefined means "cannot tell" (e.g. a cup of steak): the coach asks.
 */
import type { Food, FoodGroup } from '../nutrition/food.ts';
import { COOKED_YIELDS, cookedYield } from './cooked-yields.ts';
import { COUNT_UNITS, GRAMS_PER, isMassUnit, isVolumeUnit, ML_PER, type Size, type Unit } from './units.ts';

export interface PortionRequest {
  readonly food: Food;
  /** Undefined when no amount was given. */
  readonly amount: number | undefined;
  readonly unit: Unit | undefined;
  readonly size: Size | undefined;
  readonly plural: boolean;
  /** Eaten with something else ("toast with butter"): a spread or dairy liquid defaults to a pat/tablespoon. */
  readonly accompaniment: boolean;
  /** All the phrase's food words, for "cooked"/"dry"/"oatmeal". */
  readonly phraseWords: string;
}

/** A 1 oz handful of nuts or chips; 4 oz raw of meat or fish with no unit of its own (common serving sizes). */
const NUT_HANDFUL_G = 28;
const FLESH_SERVING_G = 113;
const FALLBACK_G = 100;
const FLESH: readonly FoodGroup[] = ['meat', 'poultry', 'fish', 'seafood'];
const SPREADS: readonly FoodGroup[] = [
  'fat_oil',
  'condiment',
  'sweet',
  'dairy',
  'legume',
  'nut_seed',
  'baking',
  'spice_herb',
];
/** Size words on a food without that size: scale its ordinary unit. */
const SIZE_FACTOR: Record<Size, number> = {
  small: 0.75,
  medium: 1,
  large: 1.3,
  'extra-large': 1.45,
  jumbo: 1.6,
};

const unitGrams = (food: Food, unit: string): number | undefined => food.units?.[unit];

/** The first count unit the food has, optionally only those of at least `minGrams` (a real portion). */
function countUnit(food: Food, minGrams = 0): number | undefined {
  for (const unit of COUNT_UNITS) {
    const grams = unitGrams(food, unit);
    if (grams !== undefined && grams >= minGrams) return grams;
  }
  return undefined;
}

function sized(food: Food, size: Size): number | undefined {
  const exact =
    unitGrams(food, size) ??
    (size === 'jumbo' || size === 'extra-large' ? unitGrams(food, 'large') : undefined);
  if (exact !== undefined) return exact;
  const base = unitGrams(food, 'medium') ?? countUnit(food);
  return base === undefined ? undefined : base * SIZE_FACTOR[size];
}

const isNutLike = (food: Food): boolean =>
  ((food.group === 'nut_seed' || food.group === 'snack') &&
    (food.units?.piece ?? food.units?.handful) !== undefined) ||
  (food.group === 'legume' && (food.units?.piece ?? 99) < 2);

const isDrink = (food: Food): boolean =>
  food.group === 'beverage' ||
  food.units?.glass !== undefined ||
  // The food's own name, not its description: "Yogurt, plain, whole milk" is not a drink.
  /\b(?:juice|milk|kefir)\b/i.test(food.name.split(',')[0] ?? '');

/** One portion when no amount is given; see the fixture header for the conventions. */
function defaultGrams(req: PortionRequest): number | undefined {
  const { food } = req;
  const u = food.units ?? {};
  if (req.size !== undefined) return sized(food, req.size);
  if (req.accompaniment && SPREADS.includes(food.group) && countUnit(food, 20) === undefined) {
    // Sugar and spices are stirred in by the teaspoon; butter goes on by the pat; the rest by the tablespoon.
    const granular = food.id.startsWith('sugar-') || food.group === 'spice_herb' || food.group === 'baking';
    const spread = u.pat ?? (granular ? u.tsp : undefined) ?? u.tbsp;
    if (spread !== undefined) return spread;
  }
  const cooked = COOKED_YIELDS[food.id];
  if (cooked !== undefined) return cooked.dryPerCookedCup;
  if (isNutLike(food)) return u.handful ?? NUT_HANDFUL_G;
  if (isDrink(food)) return u.glass ?? u.cup;
  if (food.group === 'vegetable' && u.cup !== undefined) return u.cup;
  const count = countUnit(food, 20);
  if (count !== undefined) return count * (req.plural ? 2 : 1);
  if (food.group === 'fruit' && u.cup !== undefined) return u.cup;
  if (FLESH.includes(food.group)) return FLESH_SERVING_G;
  if (food.group === 'legume' && u.cup !== undefined && u.tbsp === undefined) return u.cup / 2; // a side of beans
  return u.tbsp ?? u.cup ?? FALLBACK_G;
}

/** Grams of one volume unit of the food (any of cup/tbsp/tsp it has, converted), or undefined. */
function volumeGrams(food: Food, unit: Unit): number | undefined {
  const ml = isVolumeUnit(unit) ? ML_PER[unit] : undefined;
  if (ml === undefined) return undefined;
  const direct = unitGrams(food, unit);
  if (direct !== undefined) return direct;
  for (const known of ['cup', 'tbsp', 'tsp'] as const) {
    const grams = unitGrams(food, known);
    if (grams !== undefined) return (grams / ML_PER[known]) * ml;
  }
  return isDrink(food) ? ml : undefined; // a drink without a measure weighs about 1 g per ml
}

/** Grams of ONE of `unit` (a household unit) for this food. */
function householdGrams(food: Food, unit: Unit, req: PortionRequest): number | undefined {
  const u = food.units ?? {};
  switch (unit) {
    case 'glass':
      return u.glass ?? volumeGrams(food, 'cup'); // a glass is one cup (8 fl oz)
    case 'mug': {
      const cup = volumeGrams(food, 'cup');
      return u.mug ?? (cup === undefined ? undefined : cup * 1.5); // a mug holds about 12 fl oz
    }
    case 'handful': {
      if (u.handful !== undefined) return u.handful;
      if (isNutLike(food) || food.group === 'nut_seed') return NUT_HANDFUL_G;
      const fruitOrVeg = food.group === 'fruit' || food.group === 'vegetable';
      return fruitOrVeg && u.cup !== undefined ? u.cup / 2 : undefined; // a handful of fruit is half a cup
    }
    case 'serving':
      return u.serving ?? defaultGrams({ ...req, unit: undefined });
    case 'packet':
      return u.packet ?? u.package; // a packet of ramen is its package
    case 'package':
    case 'box':
      return u[unit] ?? u.package ?? u.box ?? food.package.grams;
    case 'slice':
    case 'wedge':
      return u[unit] ?? u.slice ?? u.wedge; // a slice of melon is a wedge
    case 'pinch':
    case 'dash':
      return u[unit] ?? 0.4;
    case 'piece':
    case 'fillet':
    case 'link':
    case 'patty':
    case 'spear':
    case 'stalk':
      return u[unit] ?? countUnit(food);
    default:
      return u[unit];
  }
}

export interface Portion {
  /** Grams of the food as the database holds it (dry for grains). */
  readonly grams: number;
  /** Grams on the plate: differs from `grams` when a cooked measure was converted to dry grams. */
  readonly eatenGrams: number;
  readonly cooked: boolean;
}

export function portionGrams(req: PortionRequest): Portion | undefined {
  const { food, amount, unit } = req;
  const cooked = cookedYield(food, req.phraseWords);
  const result = (grams: number | undefined, wasCooked = false): Portion | undefined => {
    if (grams === undefined || !Number.isFinite(grams)) return undefined;
    const yieldOf = wasCooked ? COOKED_YIELDS[food.id] : undefined;
    const eatenGrams =
      yieldOf === undefined ? grams : (grams * yieldOf.cookedCupGrams) / yieldOf.dryPerCookedCup;
    return { grams, eatenGrams, cooked: yieldOf !== undefined };
  };
  if (unit === undefined) {
    if (amount === undefined) return result(defaultGrams(req), COOKED_YIELDS[food.id] !== undefined);
    const each = req.size !== undefined ? sized(food, req.size) : countUnit(food);
    if (each !== undefined) return result(amount * each);
    // "2 coffees", "un café": servings of a food that is not counted in pieces.
    return result(
      amount * (defaultGrams({ ...req, plural: false }) ?? Number.NaN),
      COOKED_YIELDS[food.id] !== undefined,
    );
  }
  const n = amount ?? 1;
  if (isMassUnit(unit)) {
    const grams = n * GRAMS_PER[unit];
    return cooked ? result((grams * cooked.dryPerCookedCup) / cooked.cookedCupGrams, true) : result(grams);
  }
  if (isVolumeUnit(unit)) {
    if (cooked) return result(((n * ML_PER[unit]) / ML_PER.cup) * cooked.dryPerCookedCup, true);
    return result(n * (volumeGrams(food, unit) ?? Number.NaN));
  }
  return result(n * (householdGrams(food, unit, req) ?? Number.NaN));
}
