import type { SQSClient } from '@aws-sdk/client-sqs';
import { systemClock } from '../adapters/system/system-clock.ts';
import type { Config } from '../config/config.ts';
import type { Logger } from '../core/ports/logger.port.ts';
import {
  queueDueWeeklyPlansInPages,
  type WeeklyScanResult,
} from '../core/use-cases/weekly-delivery-pages.ts';
import { awsSecretConfig, awsTelemetry, containerClients, oncePerContainer } from './aws-container.ts';
import { type AwsClients, composeAwsJobQueue, composeAwsStores } from './aws-parts.ts';

/** What the scheduler function runs at each EventBridge Scheduler tick. */
export interface WeeklyScheduler {
  logger: Logger;
  run(continueWhile: () => boolean): Promise<WeeklyScanResult>;
  /**
   * Queues the Family-lapse check for the worker, which holds the messenger (this function sends nothing). Every
   * tick: the job is idempotent and, with no Family account ended, one query of a small partition.
   */
  queueFamilyLapses(): Promise<void>;
}

export function composeAwsScheduler(
  config: Config,
  clients: Pick<AwsClients, 'dynamo'> & { sqs: SQSClient },
  logger: Logger,
): WeeklyScheduler {
  const deps = {
    stores: composeAwsStores(config, clients),
    clock: systemClock,
    logger,
    jobs: composeAwsJobQueue(config, clients),
    deliveryWindow: config.weeklyDelivery.window,
  };
  return {
    logger,
    run: (continueWhile) =>
      queueDueWeeklyPlansInPages(deps, { pageSize: config.lambda.schedulerPageSize, continueWhile }),
    queueFamilyLapses: () => deps.jobs.enqueue({ type: 'family_lapses' }),
  };
}

/** This container's weekly scan. */
export const awsScheduler: () => Promise<WeeklyScheduler> = /* @__PURE__ */ oncePerContainer(async () =>
  composeAwsScheduler(await awsSecretConfig(), containerClients({ sms: false }), awsTelemetry().logger),
);
