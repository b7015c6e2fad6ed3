import { isPhoneChannel } from '../conversation/address.ts';
import { fitToSegments } from '../conversation/sms-segments.ts';
import type { User } from '../domain/user.ts';
import { whatsappWindow } from '../messaging/whatsapp-window.ts';
import type { Clock, IdGenerator } from '../ports/clock.port.ts';
import type { Logger } from '../ports/logger.port.ts';
import type { Messenger, SendOutcome } from '../ports/messenger.port.ts';
import type { Stores } from '../ports/stores.ts';
import { consentSubject } from '../privacy/consent-subject.ts';

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
 * Sends a message the user did not just ask for (queued work), on their last channel. Opted-out users get nothing:
 * the messenger is wrapped in `consentCheckedMessenger`, the one opt-out check. On WhatsApp the 24-hour window
 * decides between free text and the template. The text is fitted to three SMS segments like a reply, and its body
 * is kept (behind its `/m/` link) only with health-data consent, once it went out.
 */
export async function deliverMessage(
  deps: DeliverMessageDeps,
  user: User,
  body: string,
  key: string,
): Promise<SendOutcome> {
  const healthData = await deps.stores.consent.latest(consentSubject(user), 'health_data');
  const now = deps.clock.now();
  const logId = healthData?.granted === true ? deps.ids.next() : undefined;
  const link = logId ? `${deps.publicBaseUrl}/m/${logId}` : deps.publicBaseUrl;
  const text = isPhoneChannel(user.lastChannel) ? fitToSegments(body, link) : body;
  const outcome = await deps.messenger.send(
    {
      userId: user.id,
      channel: user.lastChannel,
      ...(user.phone ? { phone: user.phone } : {}),
      ...(user.webSessionId ? { webSessionId: user.webSessionId } : {}),
    },
    text,
    key,
    { whatsappWindow: whatsappWindow(user.lastInboundAt, now) },
  );
  if (outcome.status === 'not_sent') {
    deps.logger.info('delivery_skipped', { userId: user.id, reason: outcome.reason });
  }
  if (outcome.status === 'sent' && logId) {
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
  return outcome;
}
