import { z } from 'zod';

/**
 * Work done after the reply has gone out, as plain JSON (SQS carries it on AWS). Each job is idempotent: running
 * it twice changes nothing more. Jobs carry ids, never phone numbers or message bodies.
 */
export const jobSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('purge_expired') }).strict(),
  /** Family households whose paid period is over are told, once each (the AWS scheduler queues it each tick). */
  z.object({ type: z.literal('family_lapses') }).strict(),
  /** Erasures a crashed process left half done are completed (where erasure is not one transaction). */
  z.object({ type: z.literal('finish_erasures') }).strict(),
  /** A household's week: `planId` is the id the plan is saved under, so a second run finds it done. */
  z
    .object({
      type: z.literal('household_plan'),
      planId: z.string().min(1).max(64),
      userId: z.string().min(1).max(64),
    })
    .strict(),
  /** A weekly plan due now: the user and their local ISO week ("2026-W44") make the key, so it is sent once. */
  z
    .object({
      type: z.literal('weekly_plan'),
      userId: z.string().min(1).max(64),
      week: z.string().regex(/^\d{4}-W\d{2}$/),
    })
    .strict(),
  /** A question the model was too slow for: `messageId` is its inbound message-log entry, which holds the text. */
  z
    .object({
      type: z.literal('answer_question'),
      userId: z.string().min(1).max(64),
      messageId: z.string().min(1).max(64),
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

/**
 * The key a job's effect is recorded under (the plan id, the user's week), so two copies of one job name the same
 * work: queues send it beside the job (SQS attribute `jobKey`) and a reader of the DLQ sees what a message was for.
 */
export function jobKey(job: Job): string {
  switch (job.type) {
    case 'purge_expired':
      return 'purge_expired';
    case 'family_lapses':
      return 'family_lapses';
    case 'finish_erasures':
      return 'finish_erasures';
    case 'household_plan':
      return `household_plan:${job.planId}`;
    case 'weekly_plan':
      return `weekly_plan:${job.userId}:${job.week}`;
    case 'answer_question':
      return `answer_question:${job.messageId}`;
  }
}
