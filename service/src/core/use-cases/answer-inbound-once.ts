import { z } from 'zod';
import type { Channel } from '../domain/user.ts';
import type { Clock } from '../ports/clock.port.ts';
import type { Logger } from '../ports/logger.port.ts';
import type { Messenger } from '../ports/messenger.port.ts';
import type { WebhookReceiptStore } from '../ports/webhook-receipt-store.port.ts';
import type { InboundMessage, InboundResult } from './handle-inbound-message.ts';

export interface AnswerInboundOnceDeps {
  receipts: WebhookReceiptStore;
  clock: Clock;
  logger: Logger;
  /**
   * The provider's own messenger, NOT the consent-checked one: the conversation has already decided what to
   * answer, opt-outs included, and the confirmation of a STOP goes to a number that is opted out by then.
   */
  replies: Messenger;
  handleInbound(message: InboundMessage): Promise<InboundResult>;
}

/** A text from a phone, delivered by a provider that takes no answer in return (an event, not a webhook). */
export interface ProviderInbound {
  /** Provider and its message id, e.g. `aws-sms:<inboundMessageId>`; replies are keyed under it. */
  key: string;
  message: InboundMessage & { channel: Channel; sender: { phone: string } };
}

export interface AnswerOutcome {
  /** `duplicate`: seen before, the conversation did not run again; replies not out yet were sent now. */
  status: 'processed' | 'duplicate';
  /** Replies that went out during this call. */
  sent: number;
}

/** Another delivery of the same message holds it; the provider should deliver it again later. */
export class InboundBusyError extends Error {
  override readonly name = 'InboundBusyError';
}

/**
 * Providers retry an event for hours (Lambda's asynchronous retries last up to six); a day of receipts covers them.
 */
const RECEIPT_TTL_SECONDS = 24 * 60 * 60;

/** Whom replies are tagged with when the message erased its sender: no user is left to tag them with. */
const ERASED_RECIPIENT = 'erased';

const storedRepliesSchema = z.object({ replies: z.array(z.string()), userId: z.string().optional() });

/**
 * Runs the conversation for a provider event at most once, then sends its replies through the messenger. The
 * replies are kept with the receipt before any is sent, so when sending fails for now the error goes back to the
 * provider, whose retry sends what is missing without running the conversation again; each reply's key
 * (`<key>:reply:<n>`) makes the messenger drop one already sent.
 */
export async function answerInboundOnce(
  deps: AnswerInboundOnceDeps,
  inbound: ProviderInbound,
): Promise<AnswerOutcome> {
  const claim = await deps.receipts.claim(inbound.key, deps.clock.now(), RECEIPT_TTL_SECONDS);
  if (claim.status === 'in_progress') throw new InboundBusyError('This message is being processed elsewhere');
  let answer: { replies: string[]; userId?: string | undefined };
  if (claim.status === 'done') {
    const stored = storedRepliesSchema.safeParse(parseJson(claim.response.body));
    if (!stored.success) {
      deps.logger.warn('inbound_receipt_unreadable', { key: inbound.key });
      return { status: 'duplicate', sent: 0 };
    }
    answer = stored.data;
  } else {
    try {
      const result = await deps.handleInbound(inbound.message);
      answer = { replies: result.replies, ...(result.userId === undefined ? {} : { userId: result.userId }) };
      // Tagged with the user, so erasing them removes the replies too.
      await deps.receipts.complete(
        inbound.key,
        { status: 200, contentType: 'application/json', body: JSON.stringify(answer) },
        result.userId,
      );
    } catch (error) {
      await deps.receipts.release(inbound.key);
      throw error;
    }
  }
  const sent = await sendReplies(deps, inbound, answer);
  return { status: claim.status === 'done' ? 'duplicate' : 'processed', sent };
}

async function sendReplies(
  deps: AnswerInboundOnceDeps,
  inbound: ProviderInbound,
  answer: { replies: string[]; userId?: string | undefined },
): Promise<number> {
  const userId = answer.userId ?? ERASED_RECIPIENT;
  let sent = 0;
  for (const [index, reply] of answer.replies.entries()) {
    const outcome = await deps.replies.send(
      { userId, channel: inbound.message.channel, phone: inbound.message.sender.phone },
      reply,
      `${inbound.key}:reply:${index}`,
    );
    if (outcome.status === 'sent') sent++;
    else if (outcome.status === 'not_sent') {
      deps.logger.warn('reply_not_sent', { userId, reason: outcome.reason });
    }
  }
  return sent;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
