import type { Clock } from '../ports/clock.port.ts';
import type { Logger } from '../ports/logger.port.ts';
import type { Stores } from '../ports/stores.ts';

/** Drops message bodies, webhook receipts, plans, food logs and export links past their retention. Safe to run any number of times. */
export async function purgeExpired(deps: { stores: Stores; clock: Clock; logger: Logger }): Promise<void> {
  const now = deps.clock.now();
  const messages = await deps.stores.messages.purgeExpired(now);
  const receipts = await deps.stores.webhookReceipts.purgeExpired(now);
  const plans = await deps.stores.plans.purgeExpired(now);
  const foodLog = await deps.stores.foodLog.purgeExpired(now);
  const exportLinks = await deps.stores.privacy.purgeExpired(now);
  const webAuth = (await deps.stores.webAuth?.purgeExpired(now)) ?? 0;
  deps.logger.info('purge_expired', { messages, receipts, plans, foodLog, exportLinks, webAuth });
}
