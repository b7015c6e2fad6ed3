import type Stripe from 'stripe';
import {
  SUBSCRIPTION_STATUSES,
  type SubscriptionSnapshot,
  type SubscriptionStatus,
} from '../../core/billing/billing-account.ts';
import { REFERENCE_METADATA_KEY } from '../../core/billing/payment-event.ts';
import { type CheckoutRequest, type Payments, PaymentsError } from '../../core/ports/payments.port.ts';

export interface StripePaymentsOptions {
  secretKey: string;
  /** Another API host (tests point it at a fake Stripe on 127.0.0.1); Stripe's own by default. */
  host?: string;
  port?: number;
  protocol?: 'http' | 'https';
  /** Per request; the library retries network faults, 409s and 5xx with backoff this many times. */
  timeoutMs?: number;
  maxNetworkRetries?: number;
}

/** Statuses that need no cancelling: the subscription is over already. */
const ENDED: ReadonlySet<string> = new Set(['canceled', 'incomplete_expired']);

/**
 * The `Payments` port over the official `stripe` library: hosted Checkout (subscription mode) and Customer Portal
 * sessions, and subscriptions read and cancelled. Only the opaque reference goes to Stripe, never a phone number.
 */
export class StripePayments implements Payments {
  readonly kind = 'stripe';
  readonly #options: StripePaymentsOptions;
  #client: Promise<Stripe> | undefined;

  constructor(options: StripePaymentsOptions) {
    this.#options = options;
  }

  /**
   * The SDK is imported on the first payment call, not at start: it is ~240 KiB a Lambda would otherwise parse on
   * every cold start, and most requests never reach Stripe (the bundle puts it in a chunk of its own).
   */
  #stripe(): Promise<Stripe> {
    this.#client ??= import('stripe').then(({ default: StripeClient }) => {
      const options = this.#options;
      return new StripeClient(options.secretKey, {
        ...(options.host ? { host: options.host } : {}),
        ...(options.port ? { port: options.port } : {}),
        ...(options.protocol ? { protocol: options.protocol } : {}),
        timeout: options.timeoutMs ?? 10_000,
        maxNetworkRetries: options.maxNetworkRetries ?? 2,
      });
    });
    return this.#client;
  }

  async createCheckout(request: CheckoutRequest): Promise<string> {
    const stripe = await this.#stripe();
    const session = await call(() =>
      stripe.checkout.sessions.create({
        mode: 'subscription',
        line_items: [{ price: request.priceId, quantity: 1 }],
        client_reference_id: request.reference,
        metadata: { [REFERENCE_METADATA_KEY]: request.reference },
        // On the subscription too, so its own events find the user even before the checkout event arrives.
        subscription_data: { metadata: { [REFERENCE_METADATA_KEY]: request.reference } },
        ...(request.customerId ? { customer: request.customerId } : {}),
        success_url: request.successUrl,
        cancel_url: request.cancelUrl,
      }),
    );
    if (!session.url) throw new PaymentsError('rejected', 'Stripe returned a Checkout Session without a URL');
    return session.url;
  }

  async createPortal(customerId: string, returnUrl: string): Promise<string> {
    const stripe = await this.#stripe();
    const session = await call(() =>
      stripe.billingPortal.sessions.create({ customer: customerId, return_url: returnUrl }),
    );
    return session.url;
  }

  async getSubscription(subscriptionId: string): Promise<SubscriptionSnapshot | undefined> {
    const stripe = await this.#stripe();
    try {
      return snapshotOf(await call(() => stripe.subscriptions.retrieve(subscriptionId)));
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async cancelSubscription(subscriptionId: string): Promise<void> {
    const stripe = await this.#stripe();
    try {
      const current = await call(() => stripe.subscriptions.retrieve(subscriptionId));
      if (ENDED.has(current.status)) return;
      await call(() => stripe.subscriptions.cancel(subscriptionId));
    } catch (error) {
      if (isMissing(error)) return;
      throw error;
    }
  }
}

function snapshotOf(subscription: Stripe.Subscription): SubscriptionSnapshot {
  const item = subscription.items.data[0];
  const status = SUBSCRIPTION_STATUSES.find((known) => known === subscription.status);
  if (!status) throw new PaymentsError('rejected', 'Stripe returned an unknown subscription status');
  const reference = subscription.metadata?.[REFERENCE_METADATA_KEY];
  return {
    id: subscription.id,
    customerId: typeof subscription.customer === 'string' ? subscription.customer : subscription.customer.id,
    status: status satisfies SubscriptionStatus,
    ...(item?.price.id ? { priceId: item.price.id } : {}),
    ...(item?.current_period_end ? { currentPeriodEnd: isoSeconds(item.current_period_end) } : {}),
    cancelAtPeriodEnd: subscription.cancel_at_period_end,
    createdAt: isoSeconds(subscription.created),
    ...(reference ? { reference } : {}),
  };
}

function isoSeconds(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}

/** Stripe's errors as the port's: what a retry may fix (network, 429, 5xx) and what it will not. */
async function call<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    if (error instanceof PaymentsError) throw error;
    const status = (error as { statusCode?: number }).statusCode;
    const type = (error as { type?: string }).type;
    const transient =
      type === 'StripeConnectionError' ||
      type === 'StripeRateLimitError' ||
      type === 'StripeAPIError' ||
      status === undefined ||
      status === 429 ||
      status >= 500;
    throw new PaymentsError(
      transient ? 'provider_unavailable' : 'rejected',
      `Stripe request failed${status ? ` (${status})` : ''}`,
      { cause: error },
    );
  }
}

function isMissing(error: unknown): boolean {
  const cause = error instanceof PaymentsError ? error.cause : error;
  return (cause as { statusCode?: number } | undefined)?.statusCode === 404;
}
