import type { BillingMessages } from './billing-catalog.ts';

export const billingEn: BillingMessages = {
  notEnabled: () =>
    'Billing is not enabled on this server: everything here is free to use, with no limits. Reply PLAN for a week of meals.',
  checkout: (tier, familyMembers) =>
    tier === 'family'
      ? `Family: everything in Premium for up to ${familyMembers} people in one household, with shared plans. Subscribe securely with Stripe at the next link; reply BILLING any time to manage or cancel.`
      : 'Premium: unlimited plans and swaps, and fuller answers to your questions. Subscribe securely with Stripe at the next link; reply BILLING any time to manage or cancel.',
  alreadySubscribed: (tier) =>
    `You already have ${tier === 'family' ? 'Family' : 'Premium'}. Reply BILLING to change or cancel it.`,
  portal: () => 'Manage your subscription (card, invoices, plan, cancel) at the next link.',
  noSubscription: () => 'You have no subscription yet. Reply UPGRADE for Premium, or FAMILY PLAN for Family.',
  unavailable: () => "Payments can't be reached just now. Please try again in a few minutes.",
  planLimit: (perWeek) =>
    `You've made your free plan${perWeek === 1 ? '' : 's'} for this week (${perWeek} a week on Free); a new one is possible from Monday. Your current plan, logging and summaries still work. Reply UPGRADE for unlimited plans.`,
  swapLimit: (perWeek) =>
    `You've used your ${perWeek} free swaps for this week; they come back on Monday. Reply UPGRADE for unlimited swaps.`,
  householdNeedsFamily: (familyMembers) =>
    `Plans for more than one person are part of Family (up to ${familyMembers} people). Reply FAMILY PLAN to subscribe, or tell me "just me" for a plan for you.`,
  familyFull: (familyMembers) =>
    `Your Family plan covers up to ${familyMembers} people, and your household is full. Remove someone first to invite another.`,
  paymentFailed: (portalUrl) =>
    `Hi! Your last subscription payment didn't go through. No rush: you keep your plan while the card is retried. To update your card: ${portalUrl}`,
  familyLapsed: (ownerLast4) =>
    `The Family plan of the household of …${ownerLast4} has ended, so your meals are no longer planned together. Your own coach stays: reply PLAN for your week.`,
};
