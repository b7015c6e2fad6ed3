import { z } from 'zod';
import { planRequestSchema } from '../planning/plan-request.ts';
import { planResultSchema } from './plan-result.schema.ts';

/** How long a `/p/<token>` link works after the plan is made (issue 4). */
export const PLAN_LINK_TTL_DAYS = 14;

/**
 * The secret part of a `/p/<token>` link: URL-safe, and at least 22 base64url characters (128 bits) long.
 * Its randomness is the caller's job (see `PlanStore`); the length only rules out the obviously weak.
 */
export const planTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{22,128}$/);

/** A week's plan as kept for its link and for "today" / "list": the result and the request it was made from. */
export const storedPlanSchema = z.object({
  id: z.string().min(1),
  userId: z.string().min(1),
  token: planTokenSchema,
  /** The plan's first day (day 0), a calendar date in the user's time zone. */
  weekStart: z.iso.date(),
  createdAt: z.iso.datetime(),
  /** The link stops working, and stores stop returning the plan, strictly after this instant. */
  expiresAt: z.iso.datetime(),
  /** Kept so a swap can re-solve the same household, budget and constraints. */
  request: planRequestSchema,
  plan: planResultSchema,
  /** Food ids of grocery items the user already has ("have rice"): left off the list and its cost. */
  atHome: z.array(z.string().min(1)).max(500).optional(),
});
export type StoredPlan = z.infer<typeof storedPlanSchema>;
