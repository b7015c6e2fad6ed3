import type { Channel } from '../domain/user.ts';

/** Where a message goes: the user's last channel and the address on it (never logged in clear). */
export interface Recipient {
  userId: string;
  channel: Channel;
  phone?: string;
  webSessionId?: string;
}

export interface SendOptions {
  /**
   * WhatsApp only: `open` when the user wrote to us within the last 24 hours, so free text may be sent; otherwise
   * a business-initiated message must be an approved template (see `core/messaging/whatsapp-window.ts`).
   */
  whatsappWindow?: 'open' | 'closed';
}

/** Why a message was not sent; none of these is retried by sending the same key again. */
export type NotSentReason =
  /** The latest messaging consent is a STOP. */
  | 'opted_out'
  /** WhatsApp outside the 24-hour window and no template configured. */
  | 'whatsapp_window_closed'
  /** No address on the recipient's channel, or no sender configured for it. */
  | 'no_route'
  /** The provider refused it for good (unsubscribed, invalid number …); `errorCode` is the provider's. */
  | 'rejected';

export type SendOutcome =
  | { status: 'sent'; providerMessageId?: string }
  /** The key was sent (or refused for good) before: nothing new went out. */
  | { status: 'duplicate' }
  | { status: 'not_sent'; reason: NotSentReason; errorCode?: number };

/**
 * Sends one message that is not a reply to an inbound one (a plan made by queued work). The caller has fitted the
 * text to the channel; consent is checked by `consentCheckedMessenger` (core/messaging), which wraps every adapter.
 * `key` names the message: a key already sent is not sent again, so a job that runs twice delivers once.
 * A fault worth retrying (provider 5xx, 429, network) is thrown, so the queue runs the job again.
 */
export interface Messenger {
  readonly kind: string;
  send(to: Recipient, body: string, key: string, options?: SendOptions): Promise<SendOutcome>;
}

/** A send that failed for now (provider 5xx, 429, network, another sender mid-flight): the job should run again. */
export class MessengerError extends Error {
  override readonly name = 'MessengerError';
  constructor(
    readonly code: 'provider_unavailable' | 'in_progress',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
