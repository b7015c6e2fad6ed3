import { isPhoneChannel } from '../conversation/address.ts';
import { fitToSegments } from '../conversation/sms-segments.ts';
import type { User } from '../domain/user.ts';
import type { Clock, IdGenerator } from '../ports/clock.port.ts';
import type { Logger } from '../ports/logger.port.ts';
import type { Messenger } from '../ports/messenger.port.ts';
import type { Stores } from '../ports/stores.ts';
import { consentSubject } from './handle-inbound-message.ts';

export interface DeliverMessageDeps {
  stores: Stores;
  clock: Clock;
  ids: IdGenerator;
  logger: Logger;
  messenger: Messenger;
  publicBaseUrl: string;
  messageRetentionDays: number;
}

/**
 * Sends a message the user did not just ask for (queued work), on their last channel. Opted-out users get nothing.
 * The text is fitted to three SMS segments like a reply, and its body is kept only with health-data consent.
 */
export async function deliverMessage(
  deps: DeliverMessageDeps,
  user: User,
  body: string,
  key: string,
): Promise<'sent' | 'opted_out'> {
  const subject = consentSubject(user);
  const [messaging, healthData] = await Promise.all([
    deps.stores.consent.latest(subject, 'messaging'),
    deps.stores.consent.latest(subject, 'health_data'),
  ]);
  if (messaging?.granted === false) {
    deps.logger.info('delivery_skipped', { userId: user.id, reason: 'opted_out' });
    return 'opted_out';
  }
  const now = deps.clock.now();
  let logId: string | undefined;
  if (healthData?.granted === true) {
    logId = deps.ids.next();
    await deps.stores.messages.append({
      id: logId,
      userId: user.id,
      direction: 'out',
      channel: user.lastChannel,
      body,
      at: now.toISOString(),
      expiresAt: new Date(now.getTime() + deps.messageRetentionDays * 86_400_000).toISOString(),
    });
  }
  const link = logId ? `${deps.publicBaseUrl}/m/${logId}` : deps.publicBaseUrl;
  const text = isPhoneChannel(user.lastChannel) ? fitToSegments(body, link) : body;
  await deps.messenger.send(
    {
      userId: user.id,
      channel: user.lastChannel,
      ...(user.phone ? { phone: user.phone } : {}),
      ...(user.webSessionId ? { webSessionId: user.webSessionId } : {}),
    },
    text,
    key,
  );
  return 'sent';
}
