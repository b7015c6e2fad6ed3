import type { BillingAccount, PaidTier, SubscriptionStatus, Tier } from './billing-account.ts';

/** What a tier may do; `undefined` per week means no limit. */
export interface TierLimits {
  plansPerWeek?: number;
  swapsPerWeek?: number;
  /** People in one household plan, the user included; 1 means no household beyond the user. */
  householdMembers: number;
  /** Open questions answered by a language model (issue 7); the local knowledge base is free for everyone. */
  languageModel: boolean;
}

/** Billing as configured: the Stripe price of each paid tier and every tier's limits. */
export interface BillingPlans {
  prices: Record<PaidTier, string>;
  limits: Record<Tier, TierLimits>;
}

/** The suggested limits (issue 8); configuration may change the Free numbers and the Family size. */
export function billingPlans(options: {
  prices: Record<PaidTier, string>;
  freePlansPerWeek: number;
  freeSwapsPerWeek: number;
  familyMembers: number;
}): BillingPlans {
  return {
    prices: options.prices,
    limits: {
      free: {
        plansPerWeek: options.freePlansPerWeek,
        swapsPerWeek: options.freeSwapsPerWeek,
        householdMembers: 1,
        languageModel: false,
      },
      premium: { householdMembers: 1, languageModel: true },
      family: { householdMembers: options.familyMembers, languageModel: true },
    },
  };
}

/** The tier a Stripe price buys; undefined for a price this deployment does not sell. */
export function tierOfPrice(plans: BillingPlans, priceId: string | undefined): PaidTier | undefined {
  if (priceId === undefined) return undefined;
  if (priceId === plans.prices.premium) return 'premium';
  if (priceId === plans.prices.family) return 'family';
  return undefined;
}

/** Statuses in which Stripe still expects to be paid: the tier holds (past_due while Stripe retries the card). */
const LIVE: ReadonlySet<SubscriptionStatus> = new Set(['active', 'trialing', 'past_due']);
/** Ended or suspended after being paid: the tier holds until the paid period ends. */
const PAID_THROUGH: ReadonlySet<SubscriptionStatus> = new Set(['canceled', 'unpaid', 'paused']);

export function isLive(status: SubscriptionStatus | undefined): boolean {
  return status !== undefined && LIVE.has(status);
}

/**
 * What the account buys at `now`. A canceled subscription keeps its tier until its period ends (the user paid for
 * it); one that never got paid (incomplete) buys nothing.
 */
export function accountTier(account: BillingAccount | undefined, now: Date): Tier {
  if (!account?.tier || !account.status) return 'free';
  if (LIVE.has(account.status)) return account.tier;
  const paidUntil =
    account.currentPeriodEnd === undefined ? Number.NaN : Date.parse(account.currentPeriodEnd);
  if (PAID_THROUGH.has(account.status) && paidUntil > now.getTime()) return account.tier;
  return 'free';
}
