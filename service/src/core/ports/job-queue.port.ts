/** Work done after the reply has gone out. Each job is idempotent: running it twice changes nothing more. */
export type Job = { type: 'purge_expired' };

export interface JobQueue {
  readonly kind: string;
  enqueue(job: Job): Promise<void>;
  /** Resolves when every job enqueued so far has finished (in-process adapters; remote queues resolve at once). */
  whenIdle(): Promise<void>;
}

export type JobHandler = (job: Job) => Promise<void>;
