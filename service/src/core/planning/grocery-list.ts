import type { FoodGroup } from '../nutrition/food.ts';
import type { FoodDatabase } from '../nutrition/food-database.ts';
import type { GroceryItem } from './plan-result.ts';

/**
 * Pantry staples: a household keeps spices, condiments, oils and baking goods from week to week, so a plan that
 * uses 5 g of cumin should not be charged for a whole jar. They are costed by the grams used
 * (grams × price per gram) and `packages` is the fraction of a package used, rounded up to 0.01.
 * Every other food is bought in whole packages for the week.
 */
export const PANTRY_GROUPS: readonly FoodGroup[] = ['spice_herb', 'condiment', 'fat_oil', 'baking'];

/** The order a shopper walks a typical US supermarket; the grocery list follows it. */
export const AISLE_WALK_ORDER = [
  'produce',
  'bakery',
  'meat_seafood',
  'dairy',
  'frozen',
  'canned',
  'pantry',
  'spices_condiments',
  'beverages',
] as const;

/** Float noise from summing servings (1000.0000001 g) must not buy a second package. */
const GRAMS_EPSILON = 1e-6;

export function isPantryStaple(group: FoodGroup): boolean {
  return PANTRY_GROUPS.includes(group);
}

/** Round half away from zero to cents, immune to binary noise such as 1.005 → 1.00. */
export function roundCents(amount: number): number {
  return Math.round(Number((amount * 100).toPrecision(12))) / 100;
}

function aisleRank(aisle: string): number {
  const rank = (AISLE_WALK_ORDER as readonly string[]).indexOf(aisle);
  return rank === -1 ? AISLE_WALK_ORDER.length : rank;
}

function groceryItem(foodId: string, grams: number, foods: FoodDatabase): GroceryItem {
  const food = foods.require(foodId);
  const packageGrams = food.package.grams;
  const pantry = isPantryStaple(food.group);
  const packages = pantry
    ? Math.ceil(((grams - GRAMS_EPSILON) * 100) / packageGrams) / 100
    : Math.ceil((grams - GRAMS_EPSILON) / packageGrams);
  const cost = pantry ? grams * foods.pricePerGram(foodId) : packages * foods.price(foodId).perPackage;
  return {
    foodId,
    name: food.name,
    aisle: food.aisle,
    grams: Math.round(grams),
    packages,
    packageLabel: food.package.label,
    cost: roundCents(cost),
    pantry,
  };
}

/**
 * The week's shopping list from the grams the whole household eats per food (already aggregated), in store-walk
 * order then by name. Foods with no grams are left off; an unknown id throws FoodDatabaseError `unknown_food`.
 */
export function buildGroceryList(
  gramsByFood: ReadonlyMap<string, number>,
  foods: FoodDatabase,
): GroceryItem[] {
  const items: GroceryItem[] = [];
  for (const [foodId, grams] of gramsByFood) {
    if (!Number.isFinite(grams) || grams < 0) {
      throw new RangeError(`grams for "${foodId}" must be a finite number ≥ 0, got ${grams}`);
    }
    foods.require(foodId);
    if (grams <= GRAMS_EPSILON) continue;
    items.push(groceryItem(foodId, grams, foods));
  }
  return items.sort(
    (a, b) =>
      aisleRank(a.aisle) - aisleRank(b.aisle) ||
      a.name.localeCompare(b.name, 'en') ||
      a.foodId.localeCompare(b.foodId),
  );
}

/** The list's total, summed in whole cents so that no float drift appears in the bill. */
export function groceryTotal(items: readonly GroceryItem[]): number {
  const cents = items.reduce((sum, item) => sum + Math.round(item.cost * 100), 0);
  return cents / 100;
}

export interface AisleGroup {
  aisle: string;
  items: GroceryItem[];
  subtotal: number;
}

/** Items grouped by aisle in store-walk order (each group keeps the items' order), for rendering. */
export function groupByAisle(items: readonly GroceryItem[]): AisleGroup[] {
  const byAisle = new Map<string, GroceryItem[]>();
  for (const item of items) {
    const group = byAisle.get(item.aisle);
    if (group === undefined) byAisle.set(item.aisle, [item]);
    else group.push(item);
  }
  return [...byAisle]
    .sort(([a], [b]) => aisleRank(a) - aisleRank(b) || a.localeCompare(b))
    .map(([aisle, group]) => ({ aisle, items: group, subtotal: groceryTotal(group) }));
}
