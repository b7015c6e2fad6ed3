import type { PinpointSMSVoiceV2Client } from '@aws-sdk/client-pinpoint-sms-voice-v2';
import type { Config } from '../config/config.ts';
import { channelMessenger } from '../core/messaging/channel-messenger.ts';
import { consentCheckedMessenger } from '../core/messaging/consent-checked-messenger.ts';
import { webInboxMessenger } from '../core/messaging/web-inbox-messenger.ts';
import type { Clock } from '../core/ports/clock.port.ts';
import type { Logger } from '../core/ports/logger.port.ts';
import type { Messenger } from '../core/ports/messenger.port.ts';
import type { Stores } from '../core/ports/stores.ts';
import { createAwsSmsMessenger } from './aws-sms.ts';
import { composeTwilioMessenger } from './twilio-messenger.ts';

/** A channel nobody sends on in this runtime: each message is refused as `no_route` (and logged by the use case). */
export const noRoute: Messenger = {
  kind: 'none',
  send: async () => ({ status: 'not_sent', reason: 'no_route' }),
};

/**
 * Who queued work and invitations send through on AWS: SMS through AWS End User Messaging when
 * MESSAGING_PROVIDER=aws, otherwise through Twilio when its account SID, auth token and a sender are configured;
 * WhatsApp through Twilio when configured. Twilio's SDK loads on the first send (a lazy chunk: it is over twice a
 * function's start-up budget). Web chat goes to the stores' web inbox (the HTTP function hands it to the chat page;
 * no in-process outbox is shared between Lambda containers); without one, and on a channel whose provider is not
 * configured, messages are refused as `no_route`, never reported as sent. Every send passes the one opt-out check
 * first.
 */
export function composeAwsMessenger(
  config: Config,
  parts: {
    stores: Stores;
    clock: Clock;
    logger: Logger;
    sms?: PinpointSMSVoiceV2Client;
    /** Tests only: where the Twilio REST API is (a fake on 127.0.0.1). */
    twilioApiBaseUrl?: string;
  },
): Messenger {
  const twilio =
    composeTwilioMessenger(config, {
      outboundMessages: parts.stores.outboundMessages,
      clock: parts.clock,
      logger: parts.logger,
      ...(parts.twilioApiBaseUrl === undefined ? {} : { twilioApiBaseUrl: parts.twilioApiBaseUrl }),
    }) ?? noRoute;
  const sms =
    config.messagingProvider === 'aws'
      ? createAwsSmsMessenger(config, {
          outboundMessages: parts.stores.outboundMessages,
          clock: parts.clock,
          logger: parts.logger,
          ...(parts.sms === undefined ? {} : { client: parts.sms }),
        })
      : twilio;
  const web = parts.stores.webInbox ? webInboxMessenger(parts.stores.webInbox, parts.clock) : noRoute;
  return consentCheckedMessenger(channelMessenger({ sms, whatsapp: twilio, web }), {
    consent: parts.stores.consent,
    logger: parts.logger,
  });
}
