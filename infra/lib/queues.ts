import { Duration, Validations } from 'aws-cdk-lib';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface QueuesProps {
  readonly key: IKey;
  /** The worker's timeout: the jobs queue hides a message for six of them (AWS's advice for SQS → Lambda). */
  readonly workerTimeout: Duration;
}

/** Receives before a job goes to the DLQ: a transient fault gets two more tries, a poison message stops there. */
export const MAX_RECEIVE_COUNT = 3;

/**
 * The async jobs queue (slow work the HTTP and scheduler functions hand to the worker), its dead-letter queue, and
 * the queue that keeps events the asynchronously invoked functions (scheduler, inbound SMS) failed on.
 */
export class Queues extends Construct {
  readonly jobs: Queue;
  readonly jobsDlq: Queue;
  readonly failedEvents: Queue;

  constructor(scope: Construct, id: string, props: QueuesProps) {
    super(scope, id);
    const encrypted = {
      encryption: QueueEncryption.KMS,
      encryptionMasterKey: props.key,
      dataKeyReuse: Duration.hours(1),
      enforceSSL: true,
    };
    this.jobsDlq = new Queue(this, 'JobsDlq', { ...encrypted, retentionPeriod: Duration.days(14) });
    this.jobs = new Queue(this, 'Jobs', {
      ...encrypted,
      visibilityTimeout: Duration.seconds(props.workerTimeout.toSeconds() * 6),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.jobsDlq, maxReceiveCount: MAX_RECEIVE_COUNT },
    });
    this.failedEvents = new Queue(this, 'FailedEvents', { ...encrypted, retentionPeriod: Duration.days(14) });

    for (const [queue, what] of [
      [this.jobsDlq, 'the jobs queue'],
      [this.failedEvents, 'the scheduler and inbound-SMS functions'],
    ] as const) {
      Validations.of(queue.node.defaultChild ?? queue).acknowledge({
        id: 'AwsSolutions-SQS3',
        reason: `This queue is itself the dead-letter queue of ${what}; a DLQ of a DLQ would only move poison messages again.`,
      });
    }
  }
}
