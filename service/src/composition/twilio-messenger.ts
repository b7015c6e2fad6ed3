import type { Config } from '../config/config.ts';
import type { Clock } from '../core/ports/clock.port.ts';
import type { Logger } from '../core/ports/logger.port.ts';
import type { Messenger } from '../core/ports/messenger.port.ts';
import type { OutboundMessageStore } from '../core/ports/outbound-message-store.port.ts';

export interface TwilioMessengerParts {
  outboundMessages: OutboundMessageStore;
  clock: Clock;
  logger: Logger;
  /** Tests only: where the Twilio REST API is (a fake on 127.0.0.1). */
  twilioApiBaseUrl?: string;
}

/**
 * SMS and WhatsApp through Twilio's REST API when the account SID, auth token and a sender are all configured;
 * undefined otherwise. The official SDK (about 3.3 MB bundled) is imported on the first send, not at start-up:
 * a Lambda's start-up JS stays within its budget and carries the SDK as a lazy chunk, loaded once per container.
 * A failed import is not kept, so the queue's retry tries again.
 */
export function composeTwilioMessenger(config: Config, parts: TwilioMessengerParts): Messenger | undefined {
  const { twilio } = config;
  const { accountSid, authToken } = twilio;
  const sender = twilio.fromNumber ?? twilio.messagingServiceSid ?? twilio.whatsappFrom;
  if (!accountSid || !authToken || !sender) return undefined;
  const build = async (): Promise<Messenger> => {
    const [{ TwilioMessenger }, { createTwilioRestClient }] = await Promise.all([
      import('../adapters/twilio-messenger/twilio-messenger.ts'),
      import('../adapters/twilio-messenger/twilio-rest-client.ts'),
    ]);
    return new TwilioMessenger({
      client: createTwilioRestClient({
        accountSid,
        authToken,
        ...(parts.twilioApiBaseUrl === undefined ? {} : { apiBaseUrl: parts.twilioApiBaseUrl }),
      }),
      store: parts.outboundMessages,
      clock: parts.clock,
      logger: parts.logger,
      senders: {
        ...(twilio.fromNumber === undefined ? {} : { fromNumber: twilio.fromNumber }),
        ...(twilio.messagingServiceSid === undefined
          ? {}
          : { messagingServiceSid: twilio.messagingServiceSid }),
        ...(twilio.whatsappFrom === undefined ? {} : { whatsappFrom: twilio.whatsappFrom }),
        ...(twilio.whatsappTemplateSid === undefined
          ? {}
          : { whatsappTemplateSid: twilio.whatsappTemplateSid }),
      },
      statusCallbackUrl: `${config.publicBaseUrl}/webhooks/twilio/status`,
    });
  };
  let built: Promise<Messenger> | undefined;
  return {
    kind: 'twilio',
    async send(to, body, key, options) {
      built ??= build().catch((error: unknown) => {
        built = undefined;
        throw error;
      });
      return (await built).send(to, body, key, options);
    },
  };
}
