import { z } from 'zod';
import type { InboundMessage } from '../use-cases/handle-inbound-message.ts';

/** One text a user sent to our AWS End User Messaging number, ready for the inbound use case. */
export interface AwsSmsInbound {
  /** AWS's id of the incoming message: the same on every delivery of it, so it is the idempotency key. */
  inboundMessageId: string;
  message: InboundMessage & { channel: 'sms'; sender: { phone: string } };
}

export type AwsSmsRecord = { ok: true; inbound: AwsSmsInbound } | { ok: false; problem: string };

const E164 = /^\+[1-9]\d{6,14}$/;

/** A Lambda event from SNS; each record is read on its own so one bad record does not hide the others. */
const snsEventSchema = z.object({ Records: z.array(z.unknown()).min(1) });

const snsRecordSchema = z.object({
  EventSource: z.literal('aws:sns'),
  Sns: z.object({ Message: z.string() }),
});

/**
 * The two-way SMS payload AWS End User Messaging SMS publishes to the SNS topic ("Example of a two-way SMS message
 * payload for Amazon SNS topics"): originationNumber is the user, destinationNumber our number. messageKeyword and
 * previousPublishedMessageId are not needed: the conversation reads the text itself.
 */
const twoWayPayloadSchema = z.object({
  originationNumber: z.string().regex(E164, 'must be an E.164 number'),
  destinationNumber: z.string().min(1),
  // The same limit as Twilio's webhook: ten concatenated segments.
  messageBody: z.string().max(1600),
  inboundMessageId: z.string().min(1).max(128),
});

/** The records of an SNS event, or why it is not one. */
export function snsRecords(
  event: unknown,
): { ok: true; records: unknown[] } | { ok: false; problem: string } {
  const parsed = snsEventSchema.safeParse(event);
  return parsed.success
    ? { ok: true, records: parsed.data.Records }
    : { ok: false, problem: describe(parsed.error) };
}

/** Reads one SNS record as a two-way SMS. Problems name the field, never its value (it may be a number or a text). */
export function parseAwsSmsRecord(record: unknown): AwsSmsRecord {
  const sns = snsRecordSchema.safeParse(record);
  if (!sns.success) return { ok: false, problem: describe(sns.error) };
  let json: unknown;
  try {
    json = JSON.parse(sns.data.Sns.Message);
  } catch {
    return { ok: false, problem: 'Sns.Message: not JSON' };
  }
  const payload = twoWayPayloadSchema.safeParse(json);
  if (!payload.success) return { ok: false, problem: `Sns.Message.${describe(payload.error)}` };
  const { originationNumber, messageBody, inboundMessageId } = payload.data;
  return {
    ok: true,
    inbound: {
      inboundMessageId,
      // Two-way MMS is not supported by AWS End User Messaging, so an inbound text never carries media.
      message: { channel: 'sms', sender: { phone: originationNumber }, text: messageBody, hasMedia: false },
    },
  };
}

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || 'event'}: ${issue.message}` : 'invalid event';
}
