import type { Context, SQSBatchItemFailure, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { awsTelemetry, awsWorker, type JobWorker, preparePlanning } from '../../composition/aws.ts';

// During init: the planner's WebAssembly, so the first plan job does not wait for it.
await preparePlanning();

/**
 * The SQS worker function: runs each record's job and answers the records that failed, so SQS returns only those
 * (the partial batch response; the event source mapping must have `ReportBatchItemFailures`, or the answer is
 * ignored and a failure anywhere retries the whole batch). A record fails when its job threw (a fault worth
 * retrying) or when it is not a job at all: that one is also reported, so after the queue's `maxReceiveCount` it
 * rests in the DLQ to be read instead of vanishing.
 */
export function createWorkerHandler(worker: () => JobWorker | Promise<JobWorker>) {
  return async (event: SQSEvent): Promise<SQSBatchResponse> => {
    const { logger, runJobMessage } = await worker();
    const batchItemFailures: SQSBatchItemFailure[] = [];
    // One at a time: plans are CPU-bound, and a record's failure must not cut another short.
    for (const record of event.Records ?? []) {
      if (!(await runRecord(record))) batchItemFailures.push({ itemIdentifier: record.messageId });
    }
    return { batchItemFailures };

    async function runRecord(record: SQSRecord): Promise<boolean> {
      // Ids and counts only: a poison message's body could hold anything.
      const fields = {
        messageId: record.messageId,
        receiveCount: Number(record.attributes?.ApproximateReceiveCount ?? 0),
      };
      try {
        const outcome = await runJobMessage(record.body);
        if (outcome.status === 'done') return true;
        logger.warn('job_rejected', { ...fields, reason: outcome.reason });
        return false;
      } catch (error) {
        logger.error('job_failed', { ...fields, error: error instanceof Error ? error.name : 'unknown' });
        return false;
      }
    }
  };
}

const runBatch = createWorkerHandler(awsWorker);

/** The Lambda handler: the batch inside its trace, with counts of jobs done and failed as metrics. */
export async function handler(event: SQSEvent, context?: Context): Promise<SQSBatchResponse> {
  const telemetry = awsTelemetry();
  return telemetry.invocation('worker', context, async () => {
    const response = await runBatch(event);
    const failed = response.batchItemFailures.length;
    telemetry.count('JobsFailed', failed);
    telemetry.count('JobsDone', (event.Records?.length ?? 0) - failed);
    return response;
  });
}
