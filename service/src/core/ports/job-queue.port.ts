import { z } from 'zod';

/**
 * Work done after the reply has gone out, as plain JSON (SQS carries it on AWS). Each job is idempotent: running
 * it twice changes nothing more. Jobs carry ids, never phone numbers or message bodies.
 */
export const jobSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('purge_expired') }).strict(),
  /** A household's week: `planId` is the id the plan is saved under, so a second run finds it done. */
  z
    .object({
      type: z.literal('household_plan'),
      planId: z.string().min(1).max(64),
      userId: z.string().min(1).max(64),
    })
    .strict(),
]);
export type Job = z.infer<typeof jobSchema>;

export interface JobQueue {
  readonly kind: string;
  enqueue(job: Job): Promise<void>;
  /** Resolves when every job enqueued so far has finished (in-process adapters; remote queues resolve at once). */
  whenIdle(): Promise<void>;
}

export type JobHandler = (job: Job) => Promise<void>;
