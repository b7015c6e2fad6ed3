import type { BillingAccount, Tier } from '../billing/billing-account.ts';
import type { BillingEffect } from '../billing/billing-effect.ts';
import { accountTier, type BillingPlans, isLive } from '../billing/tiers.ts';
import type { Decision } from '../conversation/conversation-types.ts';
import { messagesFor } from '../conversation/messages/index.ts';
import { isPlanEdit } from '../conversation/plan-edit-intent.ts';
import type { Locale, User } from '../domain/user.ts';
import type { BillingStore } from '../ports/billing-store.port.ts';
import type { Clock, IdGenerator } from '../ports/clock.port.ts';
import type { Logger } from '../ports/logger.port.ts';
import { type Payments, PaymentsError } from '../ports/payments.port.ts';
import type { Stores } from '../ports/stores.ts';
import { isoWeek, localTime } from '../time/local-time.ts';
import { userTimeZone } from '../time/time-zones.ts';

/** Billing when it is on (Stripe configured): the store, the provider and the tiers. Absent: billing is off. */
export interface BillingDeps {
  store: BillingStore;
  payments: Payments;
  plans: BillingPlans;
}

export interface BillingConversationDeps {
  stores: Stores;
  clock: Clock;
  /** Random opaque ids (the `client_reference_id`); never derived from the user. */
  tokens: IdGenerator;
  logger: Logger;
  publicBaseUrl: string;
  billing?: BillingDeps;
}

type Effect = NonNullable<Decision['effect']>;

/**
 * "upgrade" / "family plan" → a Stripe Checkout link; "billing" / "cancel subscription" → a Customer Portal link.
 * The link is its own message, so SMS fitting never cuts it; neither is logged (the portal link opens the user's
 * billing). With billing off: one message saying so.
 */
export async function runBillingEffect(
  deps: BillingConversationDeps,
  user: User,
  effect: BillingEffect,
  locale: Locale,
): Promise<string[]> {
  const m = messagesFor(locale).billing;
  const billing = deps.billing;
  if (!billing) return [m.notEnabled()];
  try {
    const account = await billing.store.get(user.id);
    if (effect.kind === 'billing_portal') {
      if (!account?.customerId) return [m.noSubscription()];
      return [m.portal(), await billing.payments.createPortal(account.customerId, deps.publicBaseUrl)];
    }
    const now = deps.clock.now();
    const current = accountTier(account, now);
    if (current !== 'free' && account?.tier && isLive(account.status))
      return [m.alreadySubscribed(account.tier)];
    const { reference } = await ensureAccount(deps, billing.store, user.id, account);
    const url = await billing.payments.createCheckout({
      tier: effect.tier,
      priceId: billing.plans.prices[effect.tier],
      reference,
      ...(account?.customerId ? { customerId: account.customerId } : {}),
      successUrl: `${deps.publicBaseUrl}/?billing=success`,
      cancelUrl: `${deps.publicBaseUrl}/?billing=cancelled`,
    });
    deps.logger.info('billing_checkout_created', { userId: user.id, tier: effect.tier });
    return [m.checkout(effect.tier, billing.plans.limits.family.householdMembers), url];
  } catch (error) {
    if (!(error instanceof PaymentsError)) throw error;
    deps.logger.warn('billing_provider_unavailable', { userId: user.id, code: error.code });
    return [m.unavailable()];
  }
}

/** The user's account, made with a fresh opaque reference the first time they ask to pay. */
async function ensureAccount(
  deps: BillingConversationDeps,
  store: BillingStore,
  userId: string,
  existing: BillingAccount | undefined,
): Promise<BillingAccount> {
  if (existing) return existing;
  const created: BillingAccount = {
    userId,
    reference: deps.tokens.next(),
    cancelAtPeriodEnd: false,
    version: 1,
    updatedAt: deps.clock.now().toISOString(),
  };
  if (await store.save(created)) return created;
  // Two first "upgrade"s raced: the other one made it.
  return (await store.get(userId)) ?? created;
}

/**
 * What the user may do now: their own subscription's tier, or Premium as a member who joined a household whose
 * owner has Family (Family is Premium for everyone in it).
 */
export async function userTier(
  deps: BillingConversationDeps,
  billing: BillingDeps,
  user: User,
): Promise<Tier> {
  const now = deps.clock.now();
  const own = accountTier(await billing.store.get(user.id), now);
  if (own !== 'free' || !user.phone) return own;
  const links = await deps.stores.households.activeForInvitee(user.phone, now);
  for (const link of links) {
    if (link.status !== 'joined') continue;
    if (accountTier(await billing.store.get(link.ownerId), now) === 'family') return 'premium';
  }
  return 'free';
}

/**
 * The entitlement check before a costly effect runs: a friendly upgrade message when the user's tier does not
 * cover it, otherwise undefined (and a weekly use counted). Never called for opt-out, HELP, export or erasure:
 * those are never effects that cost, and billing off (no `deps.billing`) limits nothing.
 */
export async function entitlementRefusal(
  deps: BillingConversationDeps,
  user: User,
  effect: Effect,
  locale: Locale,
): Promise<string | undefined> {
  const billing = deps.billing;
  if (!billing) return undefined;
  const cost = costOf(effect);
  if (!cost) return undefined;
  const m = messagesFor(locale).billing;
  const tier = await userTier(deps, billing, user);
  const limits = billing.plans.limits[tier];
  const familyMembers = billing.plans.limits.family.householdMembers;
  if (cost.kind === 'household') {
    if (cost.members > limits.householdMembers) return m.householdNeedsFamily(familyMembers);
  }
  if (cost.kind === 'invite') {
    if (limits.householdMembers <= 1) return m.householdNeedsFamily(familyMembers);
    const links = await deps.stores.households.activeForOwner(user.id, deps.clock.now());
    if (links.length + 1 >= limits.householdMembers) return m.familyFull(limits.householdMembers);
    return undefined;
  }
  const counter = cost.kind === 'swap' ? 'swap' : 'plan';
  const limit = counter === 'swap' ? limits.swapsPerWeek : limits.plansPerWeek;
  if (limit === undefined) return undefined;
  if (await billing.store.consume(user.id, usageWeek(deps.clock.now(), user), counter, limit))
    return undefined;
  deps.logger.info('billing_limit_reached', { userId: user.id, counter, tier });
  return counter === 'swap' ? m.swapLimit(limit) : m.planLimit(limit);
}

type Cost = { kind: 'plan' } | { kind: 'swap' } | { kind: 'household'; members: number } | { kind: 'invite' };

/**
 * What an effect costs. Open questions are answered by the local knowledge base, which costs nothing; when a
 * language model answers them (issue 7), check `languageModelAllowed` here before calling it.
 */
function costOf(effect: Effect): Cost | undefined {
  if (effect.kind === 'plan_week') return { kind: 'plan' };
  if (effect.kind === 'plan_household') return { kind: 'household', members: effect.request.members.length };
  if (effect.kind === 'household_invite') return { kind: 'invite' };
  if (isPlanEdit(effect) && effect.kind !== 'have_items') return { kind: 'swap' };
  return undefined;
}

/** Whether the user's tier includes language-model answers (issue 7's hook). Billing off: everyone. */
export async function languageModelAllowed(deps: BillingConversationDeps, user: User): Promise<boolean> {
  const billing = deps.billing;
  if (!billing) return true;
  return billing.plans.limits[await userTier(deps, billing, user)].languageModel;
}

/** Usage weeks run Monday to Sunday in the user's own time zone ("2026-W48"). */
export function usageWeek(now: Date, user: User): string {
  return isoWeek(localTime(now, userTimeZone(user)).date);
}

/**
 * Before an erasure commits: the user's subscription is canceled at Stripe, so nobody is charged for an account
 * that no longer exists (the erase write then drops every link to the Stripe customer). Idempotent, so a retried
 * erasure cancels nothing twice; a provider fault is thrown and the erasure is retried rather than done half.
 */
export async function cancelSubscriptionBeforeErasure(
  deps: BillingConversationDeps,
  user: User,
): Promise<void> {
  const store = deps.billing?.store ?? deps.stores.billing;
  const account = await store?.get(user.id);
  if (!account?.subscriptionId) return;
  if (!deps.billing) {
    deps.logger.warn('billing_cancel_skipped', { userId: user.id, reason: 'billing_off' });
    return;
  }
  await deps.billing.payments.cancelSubscription(account.subscriptionId);
  deps.logger.info('billing_canceled_for_erasure', { userId: user.id });
}
