import type { AwsSmsClientOptions } from '../adapters/aws-sms/aws-sms-client.ts';
import type { LocalOutbox } from '../adapters/local-outbox/local-outbox.ts';
import type { Config } from '../config/config.ts';
import { channelMessenger } from '../core/messaging/channel-messenger.ts';
import { consentCheckedMessenger } from '../core/messaging/consent-checked-messenger.ts';
import type { Clock } from '../core/ports/clock.port.ts';
import type { ConsentStore } from '../core/ports/consent-store.port.ts';
import type { Logger } from '../core/ports/logger.port.ts';
import type { Messenger } from '../core/ports/messenger.port.ts';
import type { OutboundMessageStore } from '../core/ports/outbound-message-store.port.ts';
import { phoneMessengers } from './aws-sms.ts';
import { composeTwilioMessenger } from './twilio-messenger.ts';

export interface MessengerParts {
  outbox: LocalOutbox;
  outboundMessages: OutboundMessageStore;
  consent: ConsentStore;
  clock: Clock;
  logger: Logger;
  /** Tests only: where the Twilio REST API is (a fake on 127.0.0.1). */
  twilioApiBaseUrl?: string;
  /** Tests only: the AWS End User Messaging endpoint (a fake on 127.0.0.1), region and credentials. */
  awsSmsClient?: AwsSmsClientOptions;
}

/**
 * The messenger queued work sends through: Twilio for SMS and WhatsApp when its account SID, auth token and a
 * sender are all configured, otherwise the local outbox; web-chat users always get the outbox. Every send passes
 * the one opt-out check first.
 */
export function composeMessenger(config: Config, parts: MessengerParts): Messenger {
  const phone = composeTwilioMessenger(config, parts) ?? parts.outbox;
  // MESSAGING_PROVIDER picks AWS End User Messaging or the outbox instead (composition/aws-sms.ts).
  const { sms, whatsapp } = phoneMessengers(
    config,
    { ...parts, ...(parts.awsSmsClient === undefined ? {} : { clientOptions: parts.awsSmsClient }) },
    phone,
  );
  return consentCheckedMessenger(channelMessenger({ sms, whatsapp, web: parts.outbox }), {
    consent: parts.consent,
    logger: parts.logger,
  });
}
