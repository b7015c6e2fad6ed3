import {
  type PinpointSMSVoiceV2Client,
  PinpointSMSVoiceV2ServiceException,
  SendTextMessageCommand,
} from '@aws-sdk/client-pinpoint-sms-voice-v2';
import type { Clock } from '../../core/ports/clock.port.ts';
import type { Logger } from '../../core/ports/logger.port.ts';
import {
  type Messenger,
  MessengerError,
  type Recipient,
  type SendOutcome,
} from '../../core/ports/messenger.port.ts';
import type { OutboundMessageStore } from '../../core/ports/outbound-message-store.port.ts';

export interface AwsSmsMessengerDeps {
  client: PinpointSMSVoiceV2Client;
  store: OutboundMessageStore;
  clock: Clock;
  logger: Logger;
  /** Phone number, pool, sender ID or their ARN (AWS_SMS_ORIGINATION_IDENTITY); a pool is recommended. */
  originationIdentity: string;
  /** AWS_SMS_CONFIGURATION_SET: where delivery events go; optional. */
  configurationSetName?: string;
}

/** Longer than a request can take (the client gives up after 3 tries of 10 s): older claims belong to the dead. */
const STALE_CLAIM_MS = 5 * 60_000;

/**
 * AWS answers these for a message it will never send as asked: the number is on its opt-out list, unverified in
 * the sandbox, or not a number it can reach. Anything else — throttling, 5xx, network, and our own account, role,
 * identity or spend limit — is worth another try once it clears, so the queue keeps the message.
 */
const REFUSED_FOR_GOOD = new Set(['ValidationException', 'ConflictException']);

/**
 * SMS through AWS End User Messaging (`SendTextMessage`, transactional). Each key is claimed in the outbound store
 * before the request, so a job that runs twice, even after a restart, sends once. Only SMS: WhatsApp and web users
 * have no route here.
 */
export class AwsSmsMessenger implements Messenger {
  readonly kind = 'aws-sms';

  constructor(private readonly deps: AwsSmsMessengerDeps) {}

  async send(to: Recipient, body: string, key: string): Promise<SendOutcome> {
    const { store, clock, logger } = this.deps;
    if (to.channel !== 'sms' || to.phone === undefined) {
      logger.info('outbound_not_sent', { userId: to.userId, channel: to.channel, reason: 'no_route' });
      return { status: 'not_sent', reason: 'no_route' };
    }
    const claim = await store.claim(key, to.userId, clock.now(), STALE_CLAIM_MS);
    if (claim.status === 'in_progress') {
      throw new MessengerError('in_progress', 'Another sender is sending this key');
    }
    if (claim.status === 'done') {
      logger.info('message_not_resent', { userId: to.userId, state: claim.record.state });
      return claim.record.state === 'sent'
        ? { status: 'duplicate' }
        : { status: 'not_sent', reason: 'rejected', errorCode: claim.record.errorCode };
    }
    let messageId: string;
    try {
      const output = await this.deps.client.send(
        new SendTextMessageCommand({
          DestinationPhoneNumber: to.phone,
          OriginationIdentity: this.deps.originationIdentity,
          ...(this.deps.configurationSetName === undefined
            ? {}
            : { ConfigurationSetName: this.deps.configurationSetName }),
          MessageType: 'TRANSACTIONAL',
          MessageBody: body,
        }),
      );
      // AWS always names the message; the key stands in should it not, so the store's id stays unique.
      messageId = output.MessageId ?? `aws-sms:${key}`;
    } catch (error) {
      return this.#failed(to, key, error);
    }
    await store.markSent(key, messageId, clock.now());
    logger.info('outbound_sent', { userId: to.userId, channel: to.channel, messageId });
    return { status: 'sent', providerMessageId: messageId };
  }

  async #failed(to: Recipient, key: string, error: unknown): Promise<SendOutcome> {
    const { store, clock, logger } = this.deps;
    // AWS's message may quote the number, so only the error's name and reason are logged.
    const fields =
      error instanceof PinpointSMSVoiceV2ServiceException
        ? { errorType: error.name, reason: reasonOf(error), httpStatus: error.$metadata.httpStatusCode }
        : { errorType: error instanceof Error ? error.name : 'unknown' };
    if (error instanceof PinpointSMSVoiceV2ServiceException && REFUSED_FOR_GOOD.has(error.name)) {
      // AWS JSON 1.0 answers every client error with 400; the name and reason in the log say which it was.
      const errorCode = error.$metadata.httpStatusCode ?? 400;
      await store.markFailed(key, errorCode, clock.now());
      logger.warn('outbound_rejected', { userId: to.userId, channel: to.channel, ...fields });
      return { status: 'not_sent', reason: 'rejected', errorCode };
    }
    await store.release(key);
    logger.warn('outbound_retryable_error', { userId: to.userId, channel: to.channel, ...fields });
    throw new MessengerError(
      'provider_unavailable',
      'AWS End User Messaging did not take the message; retry later',
      {
        cause: error,
      },
    );
  }
}

/** `Reason` of the errors that carry one (DESTINATION_PHONE_NUMBER_OPTED_OUT, ACCOUNT_DISABLED …). */
function reasonOf(error: PinpointSMSVoiceV2ServiceException): string | undefined {
  const reason = (error as { Reason?: unknown }).Reason;
  return typeof reason === 'string' ? reason : undefined;
}
