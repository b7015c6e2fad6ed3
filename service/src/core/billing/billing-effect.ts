import type { PaidTier } from './billing-account.ts';

/** "upgrade" / "family plan": a Checkout link; "billing" / "cancel subscription": a Customer Portal link. */
export type BillingEffect = { kind: 'billing_upgrade'; tier: PaidTier } | { kind: 'billing_portal' };

export function isBillingEffect(effect: { kind: string }): effect is BillingEffect {
  return effect.kind === 'billing_upgrade' || effect.kind === 'billing_portal';
}
