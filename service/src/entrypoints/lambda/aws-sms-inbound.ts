import type { Context } from 'aws-lambda';
import { awsTelemetry } from '../../composition/aws-container.ts';
import { awsSmsInbound } from '../../composition/aws-inbound.ts';
import { preparePlanning } from '../../composition/aws-planning.ts';
import { parseAwsSmsRecord, snsRecords } from '../../core/messaging/aws-sms-inbound-event.ts';
import { type AnswerInboundOnceDeps, answerInboundOnce } from '../../core/use-cases/answer-inbound-once.ts';

/** What one invocation did, record by record (returned to Lambda, which logs nothing of it by itself). */
export interface AwsSmsInboundSummary {
  processed: number;
  /** Delivered before (SNS and Lambda both retry): the conversation did not run again. */
  duplicates: number;
  /** Not a two-way SMS event: logged and dropped; retrying would never make it readable. */
  rejected: number;
  repliesSent: number;
}

/**
 * The Lambda subscribed to the SNS topic AWS End User Messaging publishes two-way SMS to. SNS invokes it through
 * Lambda's Invoke API under the function's resource policy, so no HTTP endpoint exists for anyone to forge a
 * message to and the SNS signature needs no check here (it protects HTTP/S subscriptions); who may invoke the
 * function is IAM's job. Each record is parsed with zod, claimed by its inboundMessageId in the webhook-receipt
 * store and run through the same use case as Twilio's webhook; replies go back through SendTextMessage.
 * A fault worth retrying (AWS or the store failing for now) is thrown, so Lambda invokes again and the receipt
 * turns the retry into "send what is missing". `build` runs once per container, on the first event.
 */
export function createAwsSmsInboundHandler(
  build: () => AnswerInboundOnceDeps | Promise<AnswerInboundOnceDeps>,
): (event: unknown) => Promise<AwsSmsInboundSummary> {
  let runtime: Promise<AnswerInboundOnceDeps> | undefined;
  const ready = (): Promise<AnswerInboundOnceDeps> => {
    runtime ??= Promise.resolve()
      .then(build)
      .catch((error: unknown) => {
        // A failed start (a secret not readable yet) is tried again on the next event, not cached.
        runtime = undefined;
        throw error;
      });
    return runtime;
  };

  return async (event) => {
    const deps = await ready();
    const summary: AwsSmsInboundSummary = { processed: 0, duplicates: 0, rejected: 0, repliesSent: 0 };
    const records = snsRecords(event);
    if (!records.ok) {
      deps.logger.warn('aws_sms_inbound_rejected', { problem: records.problem });
      return { ...summary, rejected: 1 };
    }
    for (const record of records.records) {
      const parsed = parseAwsSmsRecord(record);
      if (!parsed.ok) {
        deps.logger.warn('aws_sms_inbound_rejected', { problem: parsed.problem });
        summary.rejected++;
        continue;
      }
      const outcome = await answerInboundOnce(deps, {
        key: `aws-sms:${parsed.inbound.inboundMessageId}`,
        message: parsed.inbound.message,
      });
      if (outcome.status === 'processed') summary.processed++;
      else summary.duplicates++;
      summary.repliesSent += outcome.sent;
    }
    return summary;
  };
}

// During init: the planner's WebAssembly, so a "plan" by SMS does not wait for it.
await preparePlanning();

const answerEvent = createAwsSmsInboundHandler(awsSmsInbound);

/** The Lambda handler: one SNS event inside its trace, with what it did as metrics. */
export async function handler(event: unknown, context?: Context): Promise<AwsSmsInboundSummary> {
  const telemetry = awsTelemetry();
  return telemetry.invocation('aws-sms-inbound', context, async () => {
    const summary = await answerEvent(event);
    telemetry.count('InboundSmsProcessed', summary.processed);
    telemetry.count('InboundSmsDuplicates', summary.duplicates);
    telemetry.count('InboundSmsRejected', summary.rejected);
    telemetry.count('SmsRepliesSent', summary.repliesSent);
    return summary;
  });
}
