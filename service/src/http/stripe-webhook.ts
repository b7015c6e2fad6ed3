import type { Context, Hono } from 'hono';
import { type PaymentEvent, paymentEventSchema } from '../core/billing/payment-event.ts';
import { PaymentsError } from '../core/ports/payments.port.ts';
import type { StoredResponse } from '../core/ports/webhook-receipt-store.port.ts';
import type { PaymentEventOutcome } from '../core/use-cases/apply-payment-event.ts';
import type { AppDeps, StripeWebhookDeps } from './app-deps.ts';
import { HttpError } from './http-error.ts';

/** Stripe retries a failed delivery for up to three days; a week of receipts answers every retry once. */
const RECEIPT_TTL_SECONDS = 7 * 24 * 60 * 60;

/**
 * `POST /webhooks/stripe`: the signature is checked over the raw body by the official library, within its
 * tolerance, before anything is parsed or trusted (400 with the reason otherwise; never a 5xx for bad input). Each
 * event id is processed once: a redelivery gets the first answer. A Stripe outage while the event is applied
 * answers 503 and gives the claim back, so Stripe's retry applies it later.
 */
export function registerStripeWebhook(app: Hono, deps: AppDeps): void {
  app.post('/webhooks/stripe', async (c) => {
    const stripe = deps.stripe;
    if (!stripe) throw new HttpError(404, 'not_configured', 'Billing is not enabled on this server');
    const event = await verifiedEvent(c, stripe, deps.clock.now());
    const key = `stripe:${event.id}`;
    const claim = await deps.stores.webhookReceipts.claim(key, deps.clock.now(), RECEIPT_TTL_SECONDS);
    if (claim.status === 'done') return stored(c, claim.response);
    if (claim.status === 'in_progress') {
      throw new HttpError(409, 'in_progress', 'This event is still being processed');
    }
    let outcome: PaymentEventOutcome;
    try {
      outcome = await stripe.handle(event);
    } catch (error) {
      await deps.stores.webhookReceipts.release(key);
      if (error instanceof PaymentsError && error.code === 'provider_unavailable') {
        deps.logger.warn('stripe_event_retry', { type: event.type });
        throw new HttpError(503, 'stripe_unavailable', 'Stripe could not be reached; retry later');
      }
      throw error;
    }
    if (outcome.status === 'invalid') {
      await deps.stores.webhookReceipts.release(key);
      throw new HttpError(400, 'invalid_body', outcome.reason);
    }
    deps.logger.info('stripe_event', {
      type: event.type,
      outcome: outcome.status,
      ...(outcome.status === 'ignored' ? { reason: outcome.reason } : {}),
    });
    const response: StoredResponse = {
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({
        received: true,
        outcome: outcome.status,
        ...(outcome.status === 'ignored' ? { reason: outcome.reason } : {}),
      }),
    };
    // No user id: the receipt must not link an event (or a Stripe customer) to anyone.
    await deps.stores.webhookReceipts.complete(key, response);
    return stored(c, response);
  });
}

async function verifiedEvent(c: Context, stripe: StripeWebhookDeps, now: Date): Promise<PaymentEvent> {
  const signature = c.req.header('stripe-signature');
  if (!signature) throw new HttpError(400, 'missing_signature', 'The Stripe-Signature header is required');
  // The raw text, exactly as signed: nothing may parse or re-encode it before the check.
  const raw = await c.req.text();
  // Loaded on the first Stripe event, not at start: the SDK is ~240 KiB the Lambda would otherwise parse on every
  // cold start, billing on or off (the bundle puts it in a chunk of its own; Node caches it after the first load).
  const { default: Stripe } = await import('stripe');
  let verified: unknown;
  try {
    verified = Stripe.webhooks.constructEvent(
      raw,
      signature,
      stripe.webhookSecret,
      stripe.toleranceSeconds,
      undefined,
      // Milliseconds: the library divides by 1000 itself.
      now.getTime(),
    );
  } catch (error) {
    if (error instanceof Stripe.errors.StripeSignatureVerificationError) {
      throw new HttpError(
        400,
        'invalid_signature',
        'The signature does not match, or is outside the tolerance',
      );
    }
    throw new HttpError(400, 'invalid_body', 'The body is not a JSON event');
  }
  const parsed = paymentEventSchema.safeParse(verified);
  if (!parsed.success) throw new HttpError(400, 'invalid_body', 'The body is not a Stripe event');
  return parsed.data;
}

function stored(c: Context, response: StoredResponse) {
  return c.body(response.body, response.status as 200, { 'content-type': response.contentType });
}
