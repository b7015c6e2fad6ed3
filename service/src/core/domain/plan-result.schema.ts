import { z } from 'zod';
import { SLOTS } from '../planning/plan-request.ts';
import type { PlanResult } from '../planning/plan-result.ts';
import { planWhySchema } from '../planning/plan-why.ts';

/**
 * `PlanResult` as zod, so a plan read back from a store is checked before the core trusts it.
 * Numbers must be finite: JSON cannot carry NaN or Infinity, so a plan holding them would not survive a store.
 */
const nutrientTotalsSchema = z.object({
  kcal: z.number(),
  proteinG: z.number(),
  fatG: z.number(),
  carbsG: z.number(),
  fiberG: z.number(),
  sodiumMg: z.number(),
});

const plannedMealSchema = z.object({
  slot: z.enum(SLOTS),
  recipeId: z.string().min(1),
  recipeName: z.string(),
  portions: z.record(z.string(), z.number().nonnegative()),
  ingredients: z.array(
    z.object({ foodId: z.string().min(1), name: z.string(), grams: z.number().nonnegative() }),
  ),
  prepMinutes: z.number().nonnegative(),
});

const groceryItemSchema = z.object({
  foodId: z.string().min(1),
  name: z.string(),
  aisle: z.string(),
  grams: z.number().nonnegative(),
  packages: z.number().nonnegative(),
  packageLabel: z.string(),
  cost: z.number().nonnegative(),
  pantry: z.boolean(),
});

export const planResultSchema = z.object({
  status: z.enum(['optimal', 'feasible', 'infeasible']),
  reason: z.string(),
  why: planWhySchema.optional(),
  members: z.array(z.object({ name: z.string().min(1), targets: nutrientTotalsSchema })),
  days: z.array(
    z.object({
      day: z.number().int().nonnegative(),
      meals: z.array(plannedMealSchema),
      totals: z.record(z.string(), nutrientTotalsSchema),
    }),
  ),
  groceryList: z.array(groceryItemSchema),
  cost: z.object({ total: z.number().nonnegative(), currency: z.literal('USD'), budget: z.number() }),
  solver: z.object({ ms: z.number(), gap: z.number().nullable(), lpBound: z.number().nullable() }),
  notes: z.array(z.string()),
});

/** Fails to compile when the schema and the `PlanResult` interface drift apart, in either direction. */
type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
true satisfies SameShape<z.infer<typeof planResultSchema>, PlanResult>;
