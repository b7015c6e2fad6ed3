import { z } from 'zod';
import { ALLERGENS, DIETS } from '../domain/profile.ts';
import type { HardFilters } from '../nutrition/food-filter.ts';
import { CONSTRAINT_FAMILIES } from './member-rows.ts';
import { SLOTS } from './plan-request.ts';

const filtersSchema = z.object({
  diet: z.enum(DIETS),
  allergies: z.array(z.enum(ALLERGENS)),
  dislikes: z.array(z.string()),
});

/**
 * Why a plan came out as it did, as data: each language's catalogue words it (`reason` keeps the English), so a
 * Spanish chat never gets an English sentence from the planner. Every number in it comes from the planner.
 */
export const planWhySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('within_budget'), cost: z.number(), budget: z.number() }),
  z.object({ kind: z.literal('over_budget'), cost: z.number(), budget: z.number() }),
  z.object({ kind: z.literal('budget_bound'), minCost: z.number(), budget: z.number(), days: z.number() }),
  z.object({
    kind: z.literal('member_refused'),
    member: z.string(),
    code: z.enum(['invalid_input', 'under_3', 'under_13', 'goal_bmi_too_low']),
    /** The calculator's English wording (it may carry details such as which field was out of range). */
    detail: z.string(),
  }),
  z.object({ kind: z.literal('no_recipe_for_slot'), slot: z.enum(SLOTS), filters: filtersSchema }),
  z.object({ kind: z.literal('prep_time'), minutes: z.number(), filters: filtersSchema }),
  z.object({
    kind: z.literal('nutrient_family'),
    family: z.enum(CONSTRAINT_FAMILIES),
    filters: filtersSchema,
  }),
  z.object({ kind: z.literal('no_combination'), filters: filtersSchema }),
  z.object({ kind: z.literal('day_unsolved'), day: z.number().int() }),
  z.object({ kind: z.literal('day_missing'), day: z.number().int() }),
  z.object({
    kind: z.literal('no_swap'),
    slot: z.enum(SLOTS),
    day: z.number().int(),
    filters: filtersSchema,
  }),
]);
export type PlanWhy = z.infer<typeof planWhySchema>;

/** The filters as plain data (readonly arrays copied), so a `why` survives JSON and the schema. */
export function filtersOf(filters: HardFilters): z.infer<typeof filtersSchema> {
  return { diet: filters.diet, allergies: [...filters.allergies], dislikes: [...filters.dislikes] };
}
