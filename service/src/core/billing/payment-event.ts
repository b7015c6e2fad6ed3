import { z } from 'zod';

/**
 * A Stripe event as the webhook hands it over, after the signature check and JSON parsing. Only the fields billing
 * reads are checked, so Stripe adding fields never breaks it; a handled event whose object lacks them is refused.
 */
export const paymentEventSchema = z.object({
  id: z.string().min(1).max(255),
  type: z.string().min(1).max(255),
  created: z.number().int().nonnegative(),
  data: z.object({ object: z.unknown() }),
});
export type PaymentEvent = z.infer<typeof paymentEventSchema>;

const stripeId = z.string().min(1).max(255);
/** Expandable references arrive as ids in webhooks; an expanded object still names its id. */
const reference = z.union([stripeId, z.object({ id: stripeId }).transform((value) => value.id)]);

export const checkoutSessionSchema = z.object({
  id: stripeId,
  object: z.literal('checkout.session'),
  mode: z.string(),
  client_reference_id: z.string().max(255).nullish(),
  customer: reference.nullish(),
  subscription: reference.nullish(),
});

export const subscriptionObjectSchema = z.object({
  id: stripeId,
  object: z.literal('subscription'),
  customer: reference,
  metadata: z.record(z.string(), z.string()).nullish(),
});

export const invoiceObjectSchema = z.object({
  id: stripeId,
  object: z.literal('invoice'),
  customer: reference.nullish(),
  /** Older API versions name the subscription here … */
  subscription: reference.nullish(),
  /** … newer ones under the invoice's parent. */
  parent: z.object({ subscription_details: z.object({ subscription: reference }).nullish() }).nullish(),
});

/** The events billing acts on; any other type is acknowledged and ignored. */
export const HANDLED_EVENT_TYPES = [
  'checkout.session.completed',
  'customer.subscription.created',
  'customer.subscription.updated',
  'customer.subscription.deleted',
  'invoice.paid',
  'invoice.payment_failed',
] as const;

/** The key of our metadata entry on Stripe subscriptions: the opaque reference, never anything about the user. */
export const REFERENCE_METADATA_KEY = 'reference';
