import { type Job, jobSchema } from '../ports/job-queue.port.ts';
import { type AnswerQueuedQuestionDeps, answerQueuedQuestion } from './answer-queued-question.ts';
import { type DeliverHouseholdPlanDeps, deliverHouseholdPlan } from './deliver-household-plan.ts';
import { runFamilyLapses } from './family-lapse.ts';
import { purgeExpired } from './purge-expired.ts';
import { type DeliverWeeklyPlanDeps, deliverWeeklyPlan } from './weekly-delivery.ts';

/** Everything any job needs; every queue's worker (in-process, SQS Lambda) is built with one of these. */
export type RunJobDeps = DeliverHouseholdPlanDeps & DeliverWeeklyPlanDeps & AnswerQueuedQuestionDeps;

/**
 * The one dispatcher from a job to its use case. Every job may run more than once (SQS delivers at least once, a
 * failed run is retried), and each is idempotent:
 * - `purge_expired` deletes what has expired by now; a second run finds nothing left to delete.
 * - `household_plan` saves the plan under the job's `planId` and sends it with the key `plan:<planId>`: a second
 *   run finds the plan saved and the messenger drops the repeated key; two racing runs conflict on the save and
 *   the loser stops.
 * - `weekly_plan` saves under `weekly-<week>-<user>`, sends with the key `weekly:<user>:<week>` and records the week
 *   as sent; a second run finds the week recorded (or loses the save) and sends nothing.
 * - `answer_question` sends with the key `answer:<messageId>`: the messenger drops a second run's message.
 * - `family_lapses` marks each lapsed Family account told and sends with keys naming the household link: a second
 *   run finds the accounts marked (or the keys sent). Stores without billing have no Family to look at.
 * - `finish_erasures` deletes what half-finished erasures left; a second run finds no marker left.
 * A fault worth retrying (provider 5xx, a store timeout) is thrown, for the queue to run the job again.
 */
export async function runJob(deps: RunJobDeps, job: Job): Promise<void> {
  switch (job.type) {
    case 'purge_expired':
      return purgeExpired(deps);
    case 'household_plan':
      return deliverHouseholdPlan(deps, job);
    case 'weekly_plan':
      return deliverWeeklyPlan(deps, job);
    case 'answer_question':
      return answerQueuedQuestion(deps, job);
    case 'family_lapses': {
      const store = deps.stores.billing;
      if (store === undefined) return;
      await runFamilyLapses({ ...deps, billing: { store } });
      return;
    }
    case 'finish_erasures': {
      const finished = (await deps.stores.privacy.finishPendingErasures?.()) ?? 0;
      if (finished > 0) deps.logger.warn('erasures_finished', { finished });
      return;
    }
  }
}

/** Why a message is not a job. Permanent: the same text fails the same way however often it is retried. */
export type JobRejection = 'not_json' | 'invalid_job';

export type JobMessageOutcome =
  | { status: 'done'; type: Job['type'] }
  | { status: 'rejected'; reason: JobRejection };

/** A queue message's text as a job, checked against the job schema (unknown types and extra fields refused). */
export function parseJobMessage(body: string): { ok: true; job: Job } | { ok: false; reason: JobRejection } {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return { ok: false, reason: 'not_json' };
  }
  const parsed = jobSchema.safeParse(value);
  return parsed.success ? { ok: true, job: parsed.data } : { ok: false, reason: 'invalid_job' };
}

/**
 * Runs one message from a remote queue: a message that is not a job is `rejected` (the caller reports it, so it
 * reaches the DLQ to be read rather than vanish); a job that ran is `done`; a transient fault is thrown.
 */
export async function runJobMessage(deps: RunJobDeps, body: string): Promise<JobMessageOutcome> {
  const parsed = parseJobMessage(body);
  if (!parsed.ok) return { status: 'rejected', reason: parsed.reason };
  await runJob(deps, parsed.job);
  return { status: 'done', type: parsed.job.type };
}
