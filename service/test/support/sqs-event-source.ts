import {
  DeleteMessageCommand,
  type Message,
  ReceiveMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';

export interface PollResult {
  /** The records the function was invoked with (none: no invocation). */
  records: SQSRecord[];
  /** The message ids the function reported as failed. */
  failures: string[];
}

/**
 * One poll of a Lambda event source mapping with `ReportBatchItemFailures`, played with the real SDK client: receive
 * up to `batchSize` messages, invoke the function with them as an SQS event, delete those it did not report. A
 * report naming a message that was not in the batch, or a thrown error, fails the whole batch (as Lambda does):
 * nothing is deleted and every message comes back after its visibility timeout.
 */
export async function pollOnce(
  client: SQSClient,
  queueUrl: string,
  handler: (event: SQSEvent) => Promise<SQSBatchResponse>,
  options: { batchSize?: number; visibilityTimeout?: number } = {},
): Promise<PollResult> {
  const { Messages = [] } = await client.send(
    new ReceiveMessageCommand({
      QueueUrl: queueUrl,
      MaxNumberOfMessages: options.batchSize ?? 10,
      VisibilityTimeout: options.visibilityTimeout ?? 30,
      MessageSystemAttributeNames: ['All'],
      MessageAttributeNames: ['All'],
    }),
  );
  if (Messages.length === 0) return { records: [], failures: [] };
  const records = Messages.map((message) => toRecord(message, queueUrl));
  let failures: string[];
  try {
    const response = await handler({ Records: records });
    failures = response.batchItemFailures.map((failure) => failure.itemIdentifier);
  } catch {
    return { records, failures: records.map((record) => record.messageId) };
  }
  const ids = new Set(records.map((record) => record.messageId));
  if (failures.some((id) => !ids.has(id))) return { records, failures: [...ids] };
  for (const message of Messages) {
    if (failures.includes(message.MessageId ?? '')) continue;
    await client.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle }));
  }
  return { records, failures };
}

/** A received message as Lambda hands it to the function (camel-cased fields, the queue's ARN). */
function toRecord(message: Message, queueUrl: string): SQSRecord {
  const [account = '', name = ''] = new URL(queueUrl).pathname.split('/').filter(Boolean);
  const attributes = message.Attributes ?? {};
  return {
    messageId: message.MessageId ?? '',
    receiptHandle: message.ReceiptHandle ?? '',
    body: message.Body ?? '',
    attributes: {
      ApproximateReceiveCount: attributes.ApproximateReceiveCount ?? '1',
      SentTimestamp: attributes.SentTimestamp ?? '',
      SenderId: attributes.SenderId ?? '',
      ApproximateFirstReceiveTimestamp: attributes.ApproximateFirstReceiveTimestamp ?? '',
    },
    messageAttributes: Object.fromEntries(
      Object.entries(message.MessageAttributes ?? {}).map(([key, value]) => [
        key,
        {
          dataType: value.DataType ?? 'String',
          ...(value.StringValue === undefined ? {} : { stringValue: value.StringValue }),
          stringListValues: [],
          binaryListValues: [],
        },
      ]),
    ),
    md5OfBody: message.MD5OfBody ?? '',
    eventSource: 'aws:sqs',
    eventSourceARN: `arn:aws:sqs:us-east-1:${account}:${name}`,
    awsRegion: 'us-east-1',
  };
}

/** One record of an SQS event as Lambda delivers it, received once, for handlers called directly. */
export function sqsEventRecord(messageId: string, body: string): SQSRecord {
  return {
    messageId,
    receiptHandle: `${messageId}-handle`,
    body,
    attributes: {
      ApproximateReceiveCount: '1',
      SentTimestamp: '1795694400000',
      SenderId: 'AIDAFAKESENDER',
      ApproximateFirstReceiveTimestamp: '1795694400000',
    },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:jobs',
    awsRegion: 'us-east-1',
  };
}
