import type { PaidTier } from '../../billing/billing-account.ts';

/** Replies about billing (issue 8): links to Stripe, the Free limits reached, and messages Stripe's events cause. */
export interface BillingMessages {
  /** No Stripe settings on this server: nothing is limited. */
  notEnabled(): string;
  /** Before the Checkout link (sent as its own message, so the long URL is never cut). */
  checkout(tier: PaidTier, familyMembers: number): string;
  alreadySubscribed(tier: PaidTier): string;
  /** Before the Customer Portal link. */
  portal(): string;
  noSubscription(): string;
  /** Stripe could not be reached. */
  unavailable(): string;
  planLimit(perWeek: number): string;
  swapLimit(perWeek: number): string;
  /** A plan for more than one person, or an invitation, without Family. */
  householdNeedsFamily(familyMembers: number): string;
  familyFull(familyMembers: number): string;
  /** `invoice.payment_failed`: polite, with the portal link. */
  paymentFailed(portalUrl: string): string;
  /** To a member when the owner's Family plan ended at the end of its paid period. */
  familyLapsed(ownerLast4: string): string;
}
