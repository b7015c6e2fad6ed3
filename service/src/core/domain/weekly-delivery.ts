import { z } from 'zod';

/** Days of the week in `Date.getUTCDay()` order (Sunday first), the order a weekday index refers to. */
export const WEEKDAYS = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** The day a new week's plan comes when the user does not name one. */
export const DEFAULT_WEEKDAY: Weekday = 'sunday';

/**
 * A user's choice to get a new week's plan on one weekday, in their own time zone. Kept when turned off, so the
 * week already sent is remembered and "weekly off" then "weekly on" the same day sends nothing twice.
 */
export const weeklySubscriptionSchema = z.object({
  userId: z.string().min(1),
  weekday: z.enum(WEEKDAYS),
  active: z.boolean(),
  updatedAt: z.iso.datetime(),
  /** The ISO week (`2026-W44`, in the user's zone) whose plan was last sent; absent before the first. */
  lastSentWeek: z
    .string()
    .regex(/^\d{4}-W\d{2}$/)
    .optional(),
});
export type WeeklySubscription = z.infer<typeof weeklySubscriptionSchema>;
