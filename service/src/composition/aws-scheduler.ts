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
   * Queues the housekeeping the worker does every tick: the Family-lapse check (the worker holds the messenger;
   * this function sends nothing) and finishing erasures a crashed container left half done. Both are idempotent
   * and, with nothing to do, one query of a small partition each.
   */
  queueHousekeeping(): Promise<void>;
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
    queueHousekeeping: async () => {
      await deps.jobs.enqueue({ type: 'family_lapses' });
      await deps.jobs.enqueue({ type: 'finish_erasures' });
    },
  };
}

/** This container's weekly scan. */
export const awsScheduler: () => Promise<WeeklyScheduler> = /* @__PURE__ */ oncePerContainer(async () =>
  composeAwsScheduler(await awsSecretConfig(), containerClients({ sms: false }), awsTelemetry().logger),
);
