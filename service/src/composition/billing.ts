import { InProcessScheduler } from '../adapters/in-process-scheduler/in-process-scheduler.ts';
import { StripePayments } from '../adapters/stripe/stripe-payments.ts';
import { type Config, ConfigError } from '../config/config.ts';
import { billingPlans } from '../core/billing/tiers.ts';
import type { Logger } from '../core/ports/logger.port.ts';
import type { Payments } from '../core/ports/payments.port.ts';
import type { Stores } from '../core/ports/stores.ts';
import { type ApplyPaymentEventDeps, applyPaymentEvent } from '../core/use-cases/apply-payment-event.ts';
import type { BillingDeps } from '../core/use-cases/billing-conversation.ts';
import { type FamilyLapseDeps, runFamilyLapses } from '../core/use-cases/family-lapse.ts';
import type { StripeWebhookDeps } from '../http/app-deps.ts';

/**
 * Billing when every STRIPE_* setting is given (else undefined: billing off, nothing limited). `payments` replaces
 * the Stripe adapter (tests point a real one at a fake API instead).
 */
export function composeBilling(
  config: Config,
  stores: Stores,
  overrides: { payments?: Payments } = {},
): BillingDeps | undefined {
  const billing = config.billing;
  if (!billing.enabled) return undefined;
  if (!stores.billing) {
    throw new ConfigError(
      `Invalid configuration: STRIPE_SECRET_KEY: the ${stores.kind} stores keep no billing yet`,
    );
  }
  return {
    store: stores.billing,
    payments: overrides.payments ?? new StripePayments({ secretKey: billing.secretKey }),
    plans: billingPlans({
      prices: billing.prices,
      freePlansPerWeek: billing.freePlansPerWeek,
      freeSwapsPerWeek: billing.freeSwapsPerWeek,
      familyMembers: billing.familyMembers,
    }),
  };
}

/** What `POST /webhooks/stripe` needs; `deps` is read per event, once the runtime is wired. */
export function stripeWebhook(
  config: Config,
  deps: () => ApplyPaymentEventDeps,
): StripeWebhookDeps | undefined {
  const billing = config.billing;
  if (!billing.enabled) return undefined;
  return {
    webhookSecret: billing.webhookSecret,
    toleranceSeconds: billing.webhookToleranceSeconds,
    handle: (event) => applyPaymentEvent(deps(), event),
  };
}

/** Families whose paid period ended are told on this tick (locally; the AWS scheduler calls the same use case). */
export function familyLapseScheduler(
  config: Config,
  deps: FamilyLapseDeps,
  logger: Logger,
): InProcessScheduler {
  return new InProcessScheduler(
    'family_lapse',
    async () => {
      await runFamilyLapses(deps);
    },
    config.weeklyDelivery.tickSeconds * 1000,
    logger,
  );
}
