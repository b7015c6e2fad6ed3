import Stripe from 'stripe';
import { StripePayments } from '../../src/adapters/stripe/stripe-payments.ts';
import { billingPlans } from '../../src/core/billing/tiers.ts';
import type { BillingStore } from '../../src/core/ports/billing-store.port.ts';
import {
  type ApplyPaymentEventDeps,
  applyPaymentEvent,
} from '../../src/core/use-cases/apply-payment-event.ts';
import type { BillingDeps } from '../../src/core/use-cases/billing-conversation.ts';
import type { StripeWebhookDeps } from '../../src/http/app-deps.ts';
import { FakeStripeApi } from '../support/fake-stripe-api.ts';

export const SECRET_KEY = 'sk_test_fake0123456789';
export const WEBHOOK_SECRET = 'whsec_test0123456789abcdef';
export const PRICES = { premium: 'price_premium_test', family: 'price_family_test' } as const;

/** What test-app.ts wires into `POST /webhooks/stripe` when a test turns billing on. */
export function stripeWebhookFor(
  billing: { deps: BillingDeps; webhookSecret: string },
  deps: () => Omit<ApplyPaymentEventDeps, 'billing'>,
): StripeWebhookDeps {
  return {
    webhookSecret: billing.webhookSecret,
    toleranceSeconds: 300,
    handle: (event) => applyPaymentEvent({ ...deps(), billing: billing.deps }, event),
  };
}

/** A fake Stripe on 127.0.0.1 and the real Stripe adapter pointed at it, with the suggested limits. */
export async function fakeStripeBilling(store: BillingStore | undefined) {
  if (!store) throw new Error('these stores keep no billing');
  const fake = new FakeStripeApi(SECRET_KEY);
  const port = await fake.start();
  const payments = new StripePayments({
    secretKey: SECRET_KEY,
    host: '127.0.0.1',
    port,
    protocol: 'http',
    maxNetworkRetries: 0,
    timeoutMs: 2_000,
  });
  const deps: BillingDeps = {
    store,
    payments,
    plans: billingPlans({ prices: PRICES, freePlansPerWeek: 1, freeSwapsPerWeek: 3, familyMembers: 6 }),
  };
  return { fake, payments, deps, billing: { deps, webhookSecret: WEBHOOK_SECRET } };
}

/** A POST to /webhooks/stripe with `body` signed by the official library at `timestamp` (seconds). */
export function signedStripeRequest(
  url: string,
  body: string,
  options: { timestamp: number; secret?: string; header?: string | null },
): Request {
  const header =
    options.header === undefined
      ? Stripe.webhooks.generateTestHeaderString({
          payload: body,
          secret: options.secret ?? WEBHOOK_SECRET,
          timestamp: options.timestamp,
        })
      : options.header;
  return new Request(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(header === null ? {} : { 'stripe-signature': header }),
    },
    body,
  });
}
