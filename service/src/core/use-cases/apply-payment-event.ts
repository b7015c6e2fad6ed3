import type { BillingAccount, SubscriptionSnapshot } from '../billing/billing-account.ts';
import {
  checkoutSessionSchema,
  invoiceObjectSchema,
  type PaymentEvent,
  REFERENCE_METADATA_KEY,
  subscriptionObjectSchema,
} from '../billing/payment-event.ts';
import { accountTier, isLive, tierOfPrice } from '../billing/tiers.ts';
import { messagesFor } from '../conversation/messages/index.ts';
import type { Messenger } from '../ports/messenger.port.ts';
import type { BillingDeps } from './billing-conversation.ts';
import { type DeliverMessageDeps, deliverMessage } from './deliver-message.ts';
import { endLapsedFamily } from './family-lapse.ts';

export type ApplyPaymentEventDeps = Omit<DeliverMessageDeps, 'messenger'> & {
  messenger?: Messenger;
  billing: BillingDeps;
};

export type PaymentEventOutcome =
  | { status: 'applied' }
  /** Acknowledged, nothing changed (unhandled type, unknown customer, an older subscription …). */
  | { status: 'ignored'; reason: string }
  /** A handled type whose object is not what Stripe sends: the webhook answers 400 with the reason. */
  | { status: 'invalid'; reason: string };

const SAVE_ATTEMPTS = 3;

/**
 * One verified Stripe event. Whatever the event carried, the subscription is read again from Stripe and that
 * current state is stored, so events arriving late or out of order can never put back an older state; a
 * different subscription replaces the linked one only when Stripe created it later and it is live (or the linked
 * one is not). Idempotency by event id is the webhook's (the receipt store); this is safe to run twice anyway.
 */
export async function applyPaymentEvent(
  deps: ApplyPaymentEventDeps,
  event: PaymentEvent,
): Promise<PaymentEventOutcome> {
  const object = event.data.object;
  switch (event.type) {
    case 'checkout.session.completed': {
      const parsed = checkoutSessionSchema.safeParse(object);
      if (!parsed.success) return invalid('checkout.session', parsed.error);
      const session = parsed.data;
      if (session.mode !== 'subscription') return ignored('not_a_subscription');
      const account = session.client_reference_id
        ? await deps.billing.store.findByReference(session.client_reference_id)
        : undefined;
      if (!account) return ignored('unknown_reference');
      if (!session.subscription) return ignored('no_subscription');
      return sync(deps, account, session.subscription);
    }
    case 'customer.subscription.created':
    case 'customer.subscription.updated':
    case 'customer.subscription.deleted': {
      const parsed = subscriptionObjectSchema.safeParse(object);
      if (!parsed.success) return invalid('subscription', parsed.error);
      const reference = parsed.data.metadata?.[REFERENCE_METADATA_KEY];
      const account =
        (reference ? await deps.billing.store.findByReference(reference) : undefined) ??
        (await deps.billing.store.findByCustomer(parsed.data.customer));
      if (!account) return ignored('unknown_customer');
      return sync(deps, account, parsed.data.id);
    }
    case 'invoice.paid':
    case 'invoice.payment_failed': {
      const parsed = invoiceObjectSchema.safeParse(object);
      if (!parsed.success) return invalid('invoice', parsed.error);
      const invoice = parsed.data;
      const subscriptionId = invoice.subscription ?? invoice.parent?.subscription_details?.subscription;
      if (!subscriptionId) return ignored('not_a_subscription_invoice');
      const account = invoice.customer
        ? await deps.billing.store.findByCustomer(invoice.customer)
        : undefined;
      if (!account) return ignored('unknown_customer');
      const outcome = await sync(deps, account, subscriptionId);
      if (event.type === 'invoice.payment_failed') await tellPaymentFailed(deps, account.userId, event.id);
      return outcome;
    }
    default:
      return ignored('unhandled_type');
  }
}

async function sync(
  deps: ApplyPaymentEventDeps,
  found: BillingAccount,
  subscriptionId: string,
): Promise<PaymentEventOutcome> {
  const snapshot = await deps.billing.payments.getSubscription(subscriptionId);
  if (!snapshot) return ignored('unknown_subscription');
  const tier = tierOfPrice(deps.billing.plans, snapshot.priceId);
  if (!tier) {
    deps.logger.warn('billing_unknown_price', { userId: found.userId });
    return ignored('unknown_price');
  }
  let account: BillingAccount | undefined = found;
  for (let attempt = 1; attempt <= SAVE_ATTEMPTS && account; attempt++) {
    if (!replaces(account, snapshot)) return ignored('older_subscription');
    const now = deps.clock.now();
    const live = isLive(snapshot.status);
    const { familyLapseNotifiedAt, currentPeriodEnd: _, ...rest } = account;
    const next: BillingAccount = {
      ...rest,
      customerId: snapshot.customerId,
      subscriptionId: snapshot.id,
      tier,
      status: snapshot.status,
      ...(snapshot.currentPeriodEnd ? { currentPeriodEnd: snapshot.currentPeriodEnd } : {}),
      cancelAtPeriodEnd: snapshot.cancelAtPeriodEnd,
      subscriptionCreatedAt: snapshot.createdAt,
      // A Family that is live again will be told again when it next lapses.
      ...(familyLapseNotifiedAt && !live ? { familyLapseNotifiedAt } : {}),
      version: account.version + 1,
      updatedAt: now.toISOString(),
    };
    if (await deps.billing.store.save(next)) {
      deps.logger.info('billing_subscription_synced', { userId: next.userId, tier, status: next.status });
      if (next.tier === 'family' && accountTier(next, now) === 'free') await endLapsedFamily(deps, next);
      return { status: 'applied' };
    }
    // Another event for this account was saved meanwhile: decide again against what is stored now.
    account = await deps.billing.store.get(found.userId);
  }
  return ignored(account ? 'kept_changing' : 'account_gone');
}

/** Whether Stripe's `snapshot` may become the account's subscription state. */
function replaces(account: BillingAccount, snapshot: SubscriptionSnapshot): boolean {
  if (!account.subscriptionId || account.subscriptionId === snapshot.id) return true;
  const linkedCreated = account.subscriptionCreatedAt ? Date.parse(account.subscriptionCreatedAt) : 0;
  if (Date.parse(snapshot.createdAt) < linkedCreated) return false;
  return isLive(snapshot.status) || !isLive(account.status);
}

/**
 * `invoice.payment_failed`: a polite SMS with a portal link to update the card, only while Stripe still says the
 * payment is owed (a failure that arrives after the invoice was paid says nothing). The event id keys the message,
 * so a redelivered event sends nothing new; opted-out users get nothing (the consent-checked messenger).
 */
async function tellPaymentFailed(
  deps: ApplyPaymentEventDeps,
  userId: string,
  eventId: string,
): Promise<void> {
  const account = await deps.billing.store.get(userId);
  const owed =
    account?.status === 'past_due' || account?.status === 'unpaid' || account?.status === 'incomplete';
  if (!account?.customerId || !owed || !deps.messenger) return;
  const user = await deps.stores.users.findById(userId);
  if (!user) return;
  const portal = await deps.billing.payments.createPortal(account.customerId, deps.publicBaseUrl);
  const text = messagesFor(user.locale).billing.paymentFailed(portal);
  const outcome = await deliverMessage(
    { ...deps, messenger: deps.messenger },
    user,
    text,
    `stripe:${eventId}`,
  );
  deps.logger.info('billing_payment_failed_told', { userId, status: outcome.status });
}

function ignored(reason: string): PaymentEventOutcome {
  return { status: 'ignored', reason };
}

function invalid(what: string, error: { issues: readonly { path: PropertyKey[]; message: string }[] }) {
  const issue = error.issues[0];
  const where = issue?.path.map(String).join('.') || what;
  return { status: 'invalid', reason: `${what}: ${where}: ${issue?.message ?? 'invalid'}` } as const;
}
