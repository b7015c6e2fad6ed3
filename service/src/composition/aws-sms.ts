import type { PinpointSMSVoiceV2Client } from '@aws-sdk/client-pinpoint-sms-voice-v2';
import { type AwsSmsClientOptions, createAwsSmsClient } from '../adapters/aws-sms/aws-sms-client.ts';
import { AwsSmsMessenger } from '../adapters/aws-sms/aws-sms-messenger.ts';
import { type Config, ConfigError } from '../config/config.ts';
import type { ConversationSettings } from '../core/conversation/conversation-types.ts';
import type { Clock } from '../core/ports/clock.port.ts';
import type { Logger } from '../core/ports/logger.port.ts';
import type { Messenger } from '../core/ports/messenger.port.ts';
import type { OutboundMessageStore } from '../core/ports/outbound-message-store.port.ts';
import type { WebhookReceiptStore } from '../core/ports/webhook-receipt-store.port.ts';
import type { AnswerInboundOnceDeps } from '../core/use-cases/answer-inbound-once.ts';
import { type HandleInboundDeps, handleInboundMessage } from '../core/use-cases/handle-inbound-message.ts';

export interface AwsSmsParts {
  outboundMessages: OutboundMessageStore;
  clock: Clock;
  logger: Logger;
  /** A client the caller built once per container; otherwise one is built here from `clientOptions`. */
  client?: PinpointSMSVoiceV2Client;
  /** Tests only: the fake endpoint, region and credentials. */
  clientOptions?: AwsSmsClientOptions;
}

/**
 * The AWS End User Messaging SMS messenger itself, with no opt-out check: `composeMessenger` wraps it for queued
 * work, and the inbound handler sends the conversation's replies through it as they are.
 */
export function createAwsSmsMessenger(config: Config, parts: AwsSmsParts): AwsSmsMessenger {
  const { originationIdentity, configurationSet } = config.awsSms;
  if (originationIdentity === undefined) {
    throw new ConfigError(
      'Invalid configuration: AWS_SMS_ORIGINATION_IDENTITY: required to send through AWS',
    );
  }
  return new AwsSmsMessenger({
    client: parts.client ?? createAwsSmsClient(parts.clientOptions),
    store: parts.outboundMessages,
    clock: parts.clock,
    logger: parts.logger,
    originationIdentity,
    ...(configurationSet === undefined ? {} : { configurationSetName: configurationSet }),
  });
}

/** Opt-outs on an AWS number: AWS confirms STOP itself unless self-managed opt-outs are on (AWS_SMS_MANAGED_OPT_OUT). */
export function awsSmsConversationSettings(config: Config): ConversationSettings {
  return {
    brand: { name: config.brandName, contact: config.supportContact },
    privacyUrl: `${config.publicBaseUrl}/privacy`,
    providerConfirmsOptOut: config.awsSms.managedOptOut,
  };
}

/**
 * What the `aws-sms-inbound` Lambda runs on: the inbound use case with AWS's opt-out settings, the receipts that
 * make a redelivered event a duplicate, and the AWS messenger for the replies. `inbound` is everything else the
 * use case needs (stores, planner, queue), built once per container by the AWS composition.
 */
export function composeAwsSmsInbound(
  config: Config,
  parts: {
    inbound: Omit<HandleInboundDeps, 'conversation'>;
    receipts: WebhookReceiptStore;
    replies: Messenger;
  },
): AnswerInboundOnceDeps {
  const deps: HandleInboundDeps = { ...parts.inbound, conversation: awsSmsConversationSettings(config) };
  return {
    receipts: parts.receipts,
    clock: parts.inbound.clock,
    logger: parts.inbound.logger,
    replies: parts.replies,
    handleInbound: (message) => handleInboundMessage(deps, message),
  };
}

/**
 * Who sends SMS and WhatsApp for MESSAGING_PROVIDER. `twilioOrOutbox` is Twilio's messenger, or the outbox when
 * Twilio is not configured. With `aws`, WhatsApp stays on Twilio when it is configured; otherwise it has no route
 * (the AWS messenger says so) rather than landing in an outbox nobody reads.
 */
export function phoneMessengers(
  config: Config,
  parts: AwsSmsParts & { outbox: Messenger },
  twilioOrOutbox: Messenger,
): { sms: Messenger; whatsapp: Messenger } {
  switch (config.messagingProvider) {
    case 'local':
      return { sms: parts.outbox, whatsapp: parts.outbox };
    case 'twilio':
      return { sms: twilioOrOutbox, whatsapp: twilioOrOutbox };
    case 'aws': {
      const aws = createAwsSmsMessenger(config, parts);
      return { sms: aws, whatsapp: twilioOrOutbox === parts.outbox ? aws : twilioOrOutbox };
    }
  }
}
