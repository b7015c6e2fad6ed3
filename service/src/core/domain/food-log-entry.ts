import { z } from 'zod';

/** The most one entry may weigh: anything heavier is a typo or a unit mix-up, not a meal. */
export const MAX_FOOD_LOG_GRAMS = 5_000;

const nonNegative = z.number().nonnegative();

/** What an entry's portion supplies; never negative. */
export const foodLogNutrientsSchema = z.object({
  kcal: nonNegative,
  proteinG: nonNegative,
  fatG: nonNegative,
  carbsG: nonNegative,
  fiberG: nonNegative,
  sodiumMg: nonNegative,
});
export type FoodLogNutrients = z.infer<typeof foodLogNutrientsSchema>;

/** One thing a user ate, as logged by text: a food, how much of it, and what that portion supplies. */
export const foodLogEntrySchema = z.object({
  id: z.string().min(1),
  userId: z.string().min(1),
  /** The calendar day the food counts towards, in the user's time zone (so not derivable from `at` alone). */
  date: z.iso.date(),
  /** When it was eaten (or logged), as an instant. */
  at: z.iso.datetime(),
  foodId: z.string().min(1),
  name: z.string().min(1),
  grams: z.number().positive().max(MAX_FOOD_LOG_GRAMS),
  nutrients: foodLogNutrientsSchema,
  /** Entries are kept for a limited time only; stores stop returning them strictly after this instant. */
  expiresAt: z.iso.datetime(),
});
export type FoodLogEntry = z.infer<typeof foodLogEntrySchema>;
