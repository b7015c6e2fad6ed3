import type { Context } from 'aws-lambda';
import { awsTelemetry } from '../../composition/aws-container.ts';
import { awsScheduler } from '../../composition/aws-scheduler.ts';

/** What one tick did (counts only: the users queued are in the jobs, not in the function's answer). */
export interface SchedulerSummary {
  queued: number;
  pages: number;
  read: number;
  complete: boolean;
}

/** Time kept back from the function's timeout: a page started after this could be cut off half-queued. */
export const STOP_BEFORE_TIMEOUT_MS = 15_000;

/**
 * The EventBridge Scheduler target: each tick (say every 15 minutes) reads the weekly subscriptions a page at a time
 * and queues a `weekly_plan` job for each user whose plan is due now in their own time zone and delivery window
 * (core/use-cases/weekly-delivery-pages.ts). The event's payload carries nothing we need: the time is the clock's.
 * Near its timeout the scan stops between pages and says so (`weekly_scan_incomplete`, metric
 * WeeklyScanIncomplete): the next tick scans again from the start, and jobs already queued are idempotent.
 * Each tick also queues the worker's housekeeping: the Family-lapse check and finishing interrupted erasures.
 */
export async function handler(_event: unknown, context?: Context): Promise<SchedulerSummary> {
  const telemetry = awsTelemetry();
  return telemetry.invocation('scheduler', context, async () => {
    const scheduler = await awsScheduler();
    const continueWhile = () =>
      context === undefined || context.getRemainingTimeInMillis() > STOP_BEFORE_TIMEOUT_MS;
    const result = await scheduler.run(continueWhile);
    await scheduler.queueHousekeeping();
    telemetry.count('WeeklyPlansQueued', result.queued.length);
    telemetry.count('WeeklySubscriptionsRead', result.read);
    if (!result.complete) {
      telemetry.count('WeeklyScanIncomplete');
      scheduler.logger.warn('weekly_scan_incomplete', { pages: result.pages, read: result.read });
    }
    return {
      queued: result.queued.length,
      pages: result.pages,
      read: result.read,
      complete: result.complete,
    };
  });
}
