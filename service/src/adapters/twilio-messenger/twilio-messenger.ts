import twilio from 'twilio';
import type { MessageListInstanceCreateOptions } from 'twilio/lib/rest/api/v2010/account/message.js';
import type { Clock } from '../../core/ports/clock.port.ts';
import type { Logger } from '../../core/ports/logger.port.ts';
import {
  type Messenger,
  MessengerError,
  type NotSentReason,
  type Recipient,
  type SendOptions,
  type SendOutcome,
} from '../../core/ports/messenger.port.ts';
import type { OutboundMessageStore } from '../../core/ports/outbound-message-store.port.ts';
import { templateVariables } from './whatsapp-template.ts';

/** Who the messages come from; at least one sender must be set for a channel to be reachable. */
export interface TwilioSenders {
  /** E.164 number for SMS. */
  fromNumber?: string;
  /** A Messaging Service (MG…): preferred for SMS when set, and used for WhatsApp without `whatsappFrom`. */
  messagingServiceSid?: string;
  /** `whatsapp:+E.164` sender. */
  whatsappFrom?: string;
  /** Content template (HX…) for WhatsApp messages outside the 24-hour window. */
  whatsappTemplateSid?: string;
}

export interface TwilioMessengerDeps {
  client: twilio.Twilio;
  store: OutboundMessageStore;
  clock: Clock;
  logger: Logger;
  senders: TwilioSenders;
  /** `${PUBLIC_BASE_URL}/webhooks/twilio/status`. */
  statusCallbackUrl: string;
}

/** Longer than a request can take (the client times out after 10 s): a claim this old belongs to a dead process. */
const STALE_CLAIM_MS = 5 * 60_000;

type Route =
  | { ok: true; params: MessageListInstanceCreateOptions; template: boolean }
  | { ok: false; reason: NotSentReason };

/**
 * SMS and WhatsApp through Twilio's REST API (the official SDK). Each key is claimed in the outbound store before
 * the request, so a job that runs twice, even after a restart, sends once. Twilio's 4xx answers (21610
 * unsubscribed, 21211 invalid number …) are final: recorded and never retried. 5xx, 429, 401 and network faults
 * release the claim and throw, so the queue runs the job again.
 */
export class TwilioMessenger implements Messenger {
  readonly kind = 'twilio';

  constructor(private readonly deps: TwilioMessengerDeps) {}

  async send(to: Recipient, body: string, key: string, options: SendOptions = {}): Promise<SendOutcome> {
    const { store, clock, logger } = this.deps;
    const route = this.#route(to, body, options);
    if (!route.ok) {
      logger.info('outbound_not_sent', { userId: to.userId, channel: to.channel, reason: route.reason });
      return { status: 'not_sent', reason: route.reason };
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
    let messageSid: string;
    try {
      const message = await this.deps.client.messages.create({
        ...route.params,
        statusCallback: this.deps.statusCallbackUrl,
      });
      messageSid = message.sid;
    } catch (error) {
      return this.#failed(to, key, error);
    }
    await store.markSent(key, messageSid, clock.now());
    logger.info('outbound_sent', {
      userId: to.userId,
      channel: to.channel,
      messageSid,
      template: route.template,
    });
    return { status: 'sent', providerMessageId: messageSid };
  }

  #route(to: Recipient, body: string, options: SendOptions): Route {
    const { senders } = this.deps;
    if (to.phone === undefined) return { ok: false, reason: 'no_route' };
    if (to.channel === 'sms') {
      if (senders.messagingServiceSid !== undefined) {
        return {
          ok: true,
          params: { to: to.phone, messagingServiceSid: senders.messagingServiceSid, body },
          template: false,
        };
      }
      if (senders.fromNumber !== undefined) {
        return { ok: true, params: { to: to.phone, from: senders.fromNumber, body }, template: false };
      }
      return { ok: false, reason: 'no_route' };
    }
    if (to.channel !== 'whatsapp') return { ok: false, reason: 'no_route' };
    const sender =
      senders.whatsappFrom !== undefined
        ? { from: senders.whatsappFrom }
        : senders.messagingServiceSid !== undefined
          ? { messagingServiceSid: senders.messagingServiceSid }
          : undefined;
    if (sender === undefined) return { ok: false, reason: 'no_route' };
    const address = { to: `whatsapp:${to.phone}`, ...sender };
    if (options.whatsappWindow === 'open') return { ok: true, params: { ...address, body }, template: false };
    // Outside the 24-hour window WhatsApp delivers only approved templates.
    if (senders.whatsappTemplateSid === undefined) return { ok: false, reason: 'whatsapp_window_closed' };
    return {
      ok: true,
      params: {
        ...address,
        contentSid: senders.whatsappTemplateSid,
        contentVariables: templateVariables(body),
      },
      template: true,
    };
  }

  async #failed(to: Recipient, key: string, error: unknown): Promise<SendOutcome> {
    const { store, clock, logger } = this.deps;
    if (error instanceof twilio.RestException && isFinal(error.status)) {
      const errorCode = error.code ?? error.status;
      await store.markFailed(key, errorCode, clock.now());
      // Twilio's message names no number, but it is not needed: the code says what went wrong.
      logger.warn('outbound_rejected', {
        userId: to.userId,
        channel: to.channel,
        httpStatus: error.status,
        errorCode,
      });
      return { status: 'not_sent', reason: 'rejected', errorCode };
    }
    await store.release(key);
    const fields =
      error instanceof twilio.RestException
        ? { httpStatus: error.status, errorCode: error.code }
        : { error: error instanceof Error ? error.name : 'unknown' };
    logger.warn('outbound_retryable_error', { userId: to.userId, channel: to.channel, ...fields });
    throw new MessengerError('provider_unavailable', 'Twilio did not take the message; retry later', {
      cause: error,
    });
  }
}

/**
 * A 4xx is Twilio refusing this message for good, except 429 (slow down) and 401 (our credentials: fixing them
 * should let the queued messages through, not lose them).
 */
function isFinal(status: number): boolean {
  return status >= 400 && status < 500 && status !== 429 && status !== 401;
}
