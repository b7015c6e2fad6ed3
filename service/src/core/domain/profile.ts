import { z } from 'zod';
import { PROFILE_ALLERGENS } from '../nutrition/allergens.ts';

/** The US major 9 allergens (FALCPA + FASTER Act 2023); `gluten` covers wheat, barley, rye and non-certified oats. */
export const ALLERGENS = PROFILE_ALLERGENS;
export type Allergen = (typeof ALLERGENS)[number];

export const DIETS = ['omnivore', 'pescatarian', 'vegetarian', 'vegan'] as const;
export type Diet = (typeof DIETS)[number];

export const GOALS = ['lose', 'maintain', 'gain', 'eat_healthier'] as const;
export type Goal = (typeof GOALS)[number];

export const ACTIVITY_LEVELS = ['sedentary', 'light', 'moderate', 'active', 'very_active'] as const;
export type ActivityLevel = (typeof ACTIVITY_LEVELS)[number];

export const SEXES = ['female', 'male'] as const;
export type Sex = (typeof SEXES)[number];

export const householdSchema = z.object({
  adults: z.number().int().min(1).max(12),
  children: z.number().int().min(0).max(12),
});
export type Household = z.infer<typeof householdSchema>;

export const budgetSchema = z.object({
  amount: z.number().positive().max(100_000),
  currency: z.literal('USD'),
  period: z.literal('week'),
});
export type Budget = z.infer<typeof budgetSchema>;

export const bodySchema = z.object({
  age: z.number().int().min(13).max(120).optional(),
  sex: z.enum(SEXES).optional(),
  heightCm: z.number().min(100).max(250).optional(),
  weightKg: z.number().min(25).max(350).optional(),
  activity: z.enum(ACTIVITY_LEVELS).optional(),
});
export type Body = z.infer<typeof bodySchema>;

/** What a user has told the coach about themselves; every field is optional until onboarding fills it. */
export const profileSchema = z.object({
  goal: z.enum(GOALS).optional(),
  allergies: z.array(z.enum(ALLERGENS)).optional(),
  diet: z.enum(DIETS).optional(),
  household: householdSchema.optional(),
  budget: budgetSchema.optional(),
  body: bodySchema.optional(),
});
export type Profile = z.infer<typeof profileSchema>;
