import { z } from 'zod';
import { allergenSchema } from './allergens.ts';

/** Food groups used by the planner (what kind of food it is), independent of where it sits in the shop. */
export const FOOD_GROUPS = [
  'grain',
  'bread',
  'legume',
  'vegetable',
  'fruit',
  'dairy',
  'dairy_alternative',
  'egg',
  'meat',
  'poultry',
  'fish',
  'seafood',
  'nut_seed',
  'fat_oil',
  'condiment',
  'spice_herb',
  'sweet',
  'baking',
  'soup_broth',
  'snack',
  'beverage',
] as const;
export type FoodGroup = (typeof FOOD_GROUPS)[number];

/** Groups whose foods are animal flesh: never vegetarian (fish and seafood are pescatarian). */
export const FLESH_GROUPS: readonly FoodGroup[] = ['meat', 'poultry', 'fish', 'seafood'];

/** Supermarket aisle, used to order the grocery list. */
export const AISLES = [
  'produce',
  'bakery',
  'dairy',
  'meat_seafood',
  'pantry',
  'canned',
  'frozen',
  'spices_condiments',
  'beverages',
] as const;
export type Aisle = (typeof AISLES)[number];

/** Diets a food can fit. Omnivore fits everything, so it is never listed. */
export const FOOD_DIETS = ['vegan', 'vegetarian', 'pescatarian'] as const;
export type FoodDiet = (typeof FOOD_DIETS)[number];

/** The eight nutrients we carry per 100 g, with the USDA SR28 nutrient numbers they come from. */
export const NUTRIENT_KEYS = [
  'kcal', // 208
  'proteinG', // 203
  'fatG', // 204
  'satFatG', // 606
  'carbsG', // 205, carbohydrate by difference (includes fibre)
  'sugarsG', // 269, total sugars
  'fiberG', // 291, total dietary fibre
  'sodiumMg', // 307
] as const;
export type NutrientKey = (typeof NUTRIENT_KEYS)[number];

const amount = z.number().finite().min(0);

export const per100gSchema = z.strictObject({
  kcal: amount.max(902),
  proteinG: amount.max(100),
  fatG: amount.max(100),
  satFatG: amount.max(100),
  carbsG: amount.max(100),
  sugarsG: amount.max(100),
  fiberG: amount.max(100),
  sodiumMg: amount.max(40_000),
});
export type Per100g = z.infer<typeof per100gSchema>;

/** kebab-case, stable: recipes and logs refer to foods by this id forever. */
export const foodIdSchema = z
  .string()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'food id must be kebab-case');
export type FoodId = z.infer<typeof foodIdSchema>;

export const packageSchema = z.strictObject({
  /** Edible grams in one retail package, in the same form as the cited NDB row (e.g. drained weight for a
   * "drained" canned food, meat without bone for bone-in cuts, peeled weight for bananas). */
  grams: z.number().positive().max(50_000),
  /** What the shopper buys, e.g. "2 lb bag", "1 dozen large". */
  label: z.string().min(1).max(80),
});
export type FoodPackage = z.infer<typeof packageSchema>;

/** Household measures in grams, keyed by lower-case unit word ("cup", "tbsp", "slice", "medium", "clove" ...). */
export const unitsSchema = z.record(
  z.string().regex(/^[a-z]+(-[a-z]+)*$/, 'unit names are lower-case words'),
  z.number().positive().max(10_000),
);

export const foodSchema = z
  .strictObject({
    id: foodIdSchema,
    /** What a shopper calls it. */
    name: z.string().min(2).max(80),
    /** USDA SR28 NDB number, 5 digits with its leading zero. */
    ndb: z.string().regex(/^\d{5}$/, 'NDB number must be 5 digits'),
    group: z.enum(FOOD_GROUPS),
    aisle: z.enum(AISLES),
    per100g: per100gSchema,
    /** Nutrients the source row leaves empty; their value in per100g is 0 and means "unknown", not "none". */
    missing: z.array(z.enum(NUTRIENT_KEYS)).min(1).optional(),
    allergens: z.array(allergenSchema),
    diets: z.array(z.enum(FOOD_DIETS)),
    /** Other names for free-text parsing (plurals, UK and Spanish names). */
    synonyms: z.array(z.string().min(1).max(60)),
    package: packageSchema,
    units: unitsSchema.optional(),
    /** Eaten as-is as a side or snack (fruit, bread, yogurt, milk, cheese, nuts, raw vegetables ...). */
    sideOk: z.boolean(),
  })
  .superRefine((food, ctx) => {
    const unique = (values: readonly string[], field: string) => {
      if (new Set(values).size !== values.length) {
        ctx.addIssue({ code: 'custom', path: [field], message: `duplicate entries in ${field}` });
      }
    };
    unique(food.allergens, 'allergens');
    unique(food.diets, 'diets');
    unique(food.synonyms, 'synonyms');
    if (food.allergens.includes('wheat') && !food.allergens.includes('gluten')) {
      ctx.addIssue({ code: 'custom', path: ['allergens'], message: 'wheat implies gluten' });
    }
    // Source values are rounded independently (brewed tea: fat 0.00 g, saturated fat 0.002 g), so allow slack.
    if (food.per100g.satFatG > food.per100g.fatG + 0.05) {
      ctx.addIssue({
        code: 'custom',
        path: ['per100g', 'satFatG'],
        message: 'saturated fat exceeds total fat',
      });
    }
  });
export type Food = z.infer<typeof foodSchema>;

export const foodFileSchema = z.strictObject({
  description: z.string(),
  source: z.string(),
  basis: z.string(),
  foods: z.array(foodSchema).min(1),
});
export type FoodFile = z.infer<typeof foodFileSchema>;

export const foodPriceSchema = z.strictObject({
  perPackage: z.number().positive().max(1_000),
  note: z.string().min(1).optional(),
});
export type FoodPrice = z.infer<typeof foodPriceSchema>;

export const priceFileSchema = z.strictObject({
  currency: z.literal('USD'),
  basis: z.string().min(1),
  asOf: z.string().regex(/^\d{4}-\d{2}$/),
  prices: z.record(foodIdSchema, foodPriceSchema),
});
export type PriceFile = z.infer<typeof priceFileSchema>;
