import { z } from 'zod';
import { ALLERGENS, DIETS } from '../domain/profile.ts';
import { memberInputSchema } from '../nutrition/targets/index.ts';

export const SLOTS = ['breakfast', 'lunch', 'dinner', 'snack'] as const;
export type Slot = (typeof SLOTS)[number];

/** The household plan request (the `--profile` file of `nutritionist plan`, and what the coach builds). */
export const planRequestSchema = z
  .object({
    members: z
      .array(memberInputSchema.extend({ goal: z.enum(['lose', 'maintain', 'gain']) }))
      .min(1)
      .max(12)
      .refine((members) => new Set(members.map((m) => m.name.toLowerCase())).size === members.length, {
        message: 'member names must be unique',
      }),
    diet: z.enum(DIETS),
    allergies: z.array(z.enum(ALLERGENS)).default([]),
    dislikes: z.array(z.string().trim().min(2).max(40)).max(30).default([]),
    budget: z.object({
      amount: z.number().positive().max(100_000),
      currency: z.literal('USD'),
      period: z.literal('week'),
    }),
    days: z.number().int().min(1).max(7).default(7),
    maxPrepMinutesWeekday: z.number().int().min(5).max(240).default(60),
  })
  .strict();
export type PlanRequest = z.infer<typeof planRequestSchema>;
export type PlanRequestInput = z.input<typeof planRequestSchema>;
