import type { PaidTier, SubscriptionSnapshot } from '../billing/billing-account.ts';

export interface CheckoutRequest {
  tier: PaidTier;
  /** The Stripe price of `tier`. */
  priceId: string;
  /** Our opaque id for the user (client_reference_id and subscription metadata); never a phone number. */
  reference: string;
  /** A customer from an earlier subscription, so Stripe keeps one customer per user. */
  customerId?: string;
  successUrl: string;
  cancelUrl: string;
}

/**
 * The payment provider (Stripe). Network faults and provider 5xx are thrown as `PaymentsError`, for the caller to
 * answer "try again" or to let the webhook be retried.
 */
export interface Payments {
  readonly kind: string;
  /** A hosted Checkout page for a subscription; its URL. */
  createCheckout(request: CheckoutRequest): Promise<string>;
  /** A hosted Customer Portal session (card, invoices, cancel); its URL. */
  createPortal(customerId: string, returnUrl: string): Promise<string>;
  /** The subscription as the provider holds it now; undefined when it does not exist. */
  getSubscription(subscriptionId: string): Promise<SubscriptionSnapshot | undefined>;
  /** Cancels at once. Idempotent: an ended or unknown subscription is left as it is. */
  cancelSubscription(subscriptionId: string): Promise<void>;
}

export class PaymentsError extends Error {
  override readonly name = 'PaymentsError';
  constructor(
    readonly code: 'provider_unavailable' | 'rejected',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
