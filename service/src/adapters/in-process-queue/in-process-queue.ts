import { type Job, type JobHandler, type JobQueue, jobSchema } from '../../core/ports/job-queue.port.ts';
import type { Logger } from '../../core/ports/logger.port.ts';

/**
 * Runs jobs in this process after the current request, one at a time, in order. A failed job is logged and
 * dropped (jobs are idempotent and housekeeping reruns on schedule); SQS with a DLQ replaces this on AWS.
 */
export class InProcessQueue implements JobQueue {
  readonly kind = 'in-process';
  #tail: Promise<void> = Promise.resolve();

  constructor(
    private readonly handle: JobHandler,
    private readonly logger: Logger,
  ) {}

  async enqueue(job: Job): Promise<void> {
    // Through JSON as SQS would carry it, so a job that would not survive the trip fails here first.
    const message = jobSchema.parse(JSON.parse(JSON.stringify(job)));
    this.#tail = this.#tail.then(() => this.#run(message));
  }

  whenIdle(): Promise<void> {
    return this.#tail;
  }

  async #run(job: Job): Promise<void> {
    try {
      await this.handle(job);
    } catch (error) {
      this.logger.error('job_failed', {
        job: job.type,
        error: error instanceof Error ? error.name : 'unknown',
      });
    }
  }
}
