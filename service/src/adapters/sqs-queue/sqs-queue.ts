import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { type Job, type JobQueue, jobKey, jobSchema } from '../../core/ports/job-queue.port.ts';

/**
 * Jobs onto an SQS standard queue, as JSON; the SQS worker Lambda (entrypoints/lambda/worker.ts) runs them.
 *
 * Standard, not FIFO: jobs need no order between them and each is idempotent by its own key (SQS delivers at least
 * once either way, and FIFO's deduplication covers only five minutes); a FIFO group would also stall behind a
 * failing message until it reached the DLQ. The job's key travels as the `jobKey` attribute, so copies of one job
 * are recognisable on the wire and in the DLQ.
 */
export class SqsQueue implements JobQueue {
  readonly kind = 'sqs';

  constructor(
    /** Built once per container by the composition, which owns it. */
    private readonly client: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async enqueue(job: Job): Promise<void> {
    // A job the schema refuses is a bug where it is made: fail there, not later in the DLQ.
    const message = jobSchema.parse(job);
    await this.client.send(
      new SendMessageCommand({
        QueueUrl: this.queueUrl,
        MessageBody: JSON.stringify(message),
        MessageAttributes: { jobKey: { DataType: 'String', StringValue: jobKey(message) } },
      }),
    );
  }

  /** Jobs run in another function; there is nothing here to wait for. */
  whenIdle(): Promise<void> {
    return Promise.resolve();
  }
}
