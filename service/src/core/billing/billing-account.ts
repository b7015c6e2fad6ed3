import { z } from 'zod';

/** The paid tiers; Free is the absence of a paid one. */
export const PAID_TIERS = ['premium', 'family'] as const;
export type PaidTier = (typeof PAID_TIERS)[number];
export type Tier = 'free' | PaidTier;

/** Stripe's subscription statuses, as its API names them. */
export const SUBSCRIPTION_STATUSES = [
  'active',
  'trialing',
  'past_due',
  'canceled',
  'unpaid',
  'incomplete',
  'incomplete_expired',
  'paused',
] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

/**
 * A user's link to billing. `reference` is the opaque random id sent to Stripe as `client_reference_id` (never
 * the phone number or the user id); the Stripe customer and subscription ids are kept only while the user is,
 * and go with them on erasure. `version` guards writes: a save that finds another version stored loses.
 */
export const billingAccountSchema = z.object({
  userId: z.string().min(1).max(64),
  reference: z.string().min(16).max(128),
  customerId: z.string().min(1).max(255).optional(),
  subscriptionId: z.string().min(1).max(255).optional(),
  /** The tier of the linked subscription's price; stays after it ends, so a lapse can be told apart. */
  tier: z.enum(PAID_TIERS).optional(),
  status: z.enum(SUBSCRIPTION_STATUSES).optional(),
  /** Paid through this instant: a canceled subscription keeps its tier until then. */
  currentPeriodEnd: z.iso.datetime().optional(),
  cancelAtPeriodEnd: z.boolean(),
  /** When Stripe created the linked subscription: an older one never replaces it. */
  subscriptionCreatedAt: z.iso.datetime().optional(),
  /** When the members of a lapsed Family household were told (so they are told once). */
  familyLapseNotifiedAt: z.iso.datetime().optional(),
  version: z.number().int().min(1),
  updatedAt: z.iso.datetime(),
});
export type BillingAccount = z.infer<typeof billingAccountSchema>;

/** What a costly action consumes each week under a limit. */
export const USAGE_COUNTERS = ['plan', 'swap'] as const;
export type UsageCounter = (typeof USAGE_COUNTERS)[number];

/** A subscription as Stripe holds it now, reduced to what billing needs (read through the `Payments` port). */
export interface SubscriptionSnapshot {
  id: string;
  customerId: string;
  status: SubscriptionStatus;
  /** The price of the first item; its tier comes from configuration. */
  priceId?: string;
  currentPeriodEnd?: string;
  cancelAtPeriodEnd: boolean;
  createdAt: string;
  /** Our opaque reference, copied into the subscription's metadata at checkout. */
  reference?: string;
}
