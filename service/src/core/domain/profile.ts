import { z } from 'zod';
import { PROFILE_ALLERGENS } from '../nutrition/allergens.ts';
import { phoneLinkSchema } from './phone-link.ts';

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

/** How the account holder named another member; the plan shows it with the member's age ("Partner (38)"). */
export const RELATIONS = ['partner', 'child', 'parent', 'grandparent', 'sibling', 'other'] as const;
export type Relation = (typeof RELATIONS)[number];

/**
 * Another household member as the account holder described them (issue 5 adds members who join with their own
 * consent). Age and sex are required; what is missing is estimated from reference values when planning.
 * Ages below 3 are kept so the counts agree; the planner leaves those children out and says why.
 */
export const memberSchema = z.object({
  relation: z.enum(RELATIONS),
  age: z.number().int().min(0).max(120),
  sex: z.enum(SEXES),
  heightCm: z.number().min(40).max(250).optional(),
  weightKg: z.number().min(3).max(350).optional(),
  activity: z.enum(ACTIVITY_LEVELS).optional(),
});
export type Member = z.infer<typeof memberSchema>;

export const householdSchema = z.object({
  adults: z.number().int().min(1).max(12),
  children: z.number().int().min(0).max(12),
  /** Everyone but the account holder, once described; absent until then. */
  members: z.array(memberSchema).max(23).optional(),
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
  /** The weight aimed for; only ever stored at a BMI of 18.5 or more for the user's height (safety reference). */
  goalWeightKg: z.number().min(25).max(350).optional(),
  /** Foods to leave out, as the user named them; the limits are the plan request's. */
  dislikes: z.array(z.string().min(2).max(40)).max(30).optional(),
  /** IANA zone ("America/Chicago"); when absent the phone number's country code decides. */
  timeZone: z.string().min(1).max(64).optional(),
  /** A web-only user's pending SMS code to attach a phone (issue 10); gone once linked. */
  phoneLink: phoneLinkSchema.optional(),
});
export type Profile = z.infer<typeof profileSchema>;
