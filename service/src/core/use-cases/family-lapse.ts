import type { BillingAccount } from '../billing/billing-account.ts';
import { accountTier } from '../billing/tiers.ts';
import { lastFour } from '../conversation/household/invitation-parse.ts';
import { messagesFor } from '../conversation/messages/index.ts';
import type { Messenger } from '../ports/messenger.port.ts';
import type { BillingDeps } from './billing-conversation.ts';
import { type DeliverMessageDeps, deliverMessage } from './deliver-message.ts';
import { endPlansWithMember } from './household-plan-members.ts';

export type FamilyLapseDeps = Omit<DeliverMessageDeps, 'messenger'> & {
  messenger?: Messenger;
  /** Only the store: telling members needs no payment provider, so a worker without Stripe's key can run it. */
  billing: Pick<BillingDeps, 'store'>;
};

/**
 * Every Family household whose subscription ended and whose paid period is over: members keep the shared plan
 * until then (the tier holds through the period), and are told once it is over. Runs on a schedule, and at once
 * when a webhook brings the end.
 */
export async function runFamilyLapses(deps: FamilyLapseDeps): Promise<number> {
  const now = deps.clock.now();
  let ended = 0;
  for (const account of await deps.billing.store.listFamily()) {
    if (account.familyLapseNotifiedAt || accountTier(account, now) !== 'free') continue;
    if (await endLapsedFamily(deps, account)) ended++;
  }
  return ended;
}

/**
 * The household of a lapsed Family account: its links end (Free has no household beyond the user), the owner's
 * plans with the members stop, each member who had joined is told in their own language, and the account records
 * that they were told. The message keys name the link, so a second run sends nothing new.
 */
export async function endLapsedFamily(deps: FamilyLapseDeps, account: BillingAccount): Promise<boolean> {
  if (account.familyLapseNotifiedAt) return false;
  const now = deps.clock.now();
  const owner = await deps.stores.users.findById(account.userId);
  const links = owner ? await deps.stores.households.activeForOwner(owner.id, now) : [];
  let told = 0;
  for (const link of links) {
    if (!(await deps.stores.households.end(link.id, now)) || link.status !== 'joined') continue;
    await endPlansWithMember(deps, account.userId, link.id);
    const member = await deps.stores.users.findById(link.inviteeUserId);
    if (!member || !deps.messenger) continue;
    const text = messagesFor(member.locale).billing.familyLapsed(lastFour(owner?.phone ?? ''));
    await deliverMessage({ ...deps, messenger: deps.messenger }, member, text, `family-lapsed:${link.id}`);
    told++;
  }
  const saved = await deps.billing.store.save({
    ...account,
    familyLapseNotifiedAt: now.toISOString(),
    version: account.version + 1,
    updatedAt: now.toISOString(),
  });
  deps.logger.info('billing_family_lapsed', { userId: account.userId, members: told, saved });
  return true;
}
