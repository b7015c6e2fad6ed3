import { createJsonLogger } from '../adapters/system/json-logger.ts';
import { randomIds, randomTokens, systemClock } from '../adapters/system/system-clock.ts';
import type { Config } from '../config/config.ts';
import { QUEUED_CALL_BUDGET } from '../core/knowledge/model-call-budget.ts';
import type { JobQueue } from '../core/ports/job-queue.port.ts';
import type { Logger } from '../core/ports/logger.port.ts';
import { type JobMessageOutcome, type RunJobDeps, runJobMessage } from '../core/use-cases/run-job.ts';
import {
  awsConfig,
  awsSecretConfig,
  awsTelemetry,
  containerClients,
  oncePerContainer,
  sqsClient,
} from './aws-container.ts';
import { composeAwsMessenger } from './aws-messenger.ts';
import { type AwsClients, composeAwsJobQueue, composeAwsStores } from './aws-parts.ts';
import { composeLanguage } from './language.ts';
import { composePlanner } from './planner.ts';

export { awsConfig, awsTelemetry, oncePerContainer, withSecrets } from './aws-container.ts';
export { type AwsClients, composeAwsJobQueue, composeAwsStores, required } from './aws-parts.ts';
export { preparePlanning } from './aws-planning.ts';

/**
 * The AWS runtime of the SQS worker (and the queue every function sends jobs to). The container's shared parts
 * are in aws-container.ts; the scheduler's in aws-scheduler.ts, the HTTP and inbound-SMS functions' in
 * aws-inbound.ts, so each function's bundle holds only what it runs.
 */

/** What the SQS worker function needs: run one message's job, and log. */
export interface JobWorker {
  logger: Logger;
  runJobMessage(body: string): Promise<JobMessageOutcome>;
}

/** The worker over DynamoDB; `dynamo` is the container's client (tests pass one for DynamoDB Local). */
export function composeAwsWorker(
  config: Config,
  clients: Pick<AwsClients, 'dynamo' | 'sms'>,
  logger: Logger = createJsonLogger(config.logLevel),
): JobWorker {
  const stores = composeAwsStores(config, clients);
  const deps: RunJobDeps = {
    stores,
    clock: systemClock,
    ids: randomIds,
    tokens: randomTokens,
    logger,
    planner: composePlanner(),
    messenger: composeAwsMessenger(config, {
      stores,
      clock: systemClock,
      logger,
      ...(clients.sms === undefined ? {} : { sms: clients.sms }),
    }),
    publicBaseUrl: config.publicBaseUrl,
    messageRetentionDays: config.messageRetentionDays,
    dormantAfterDays: config.dormantAfterDays,
    deliveryWindow: config.weeklyDelivery.window,
    // A question the model outlasted the webhook's budget for is asked again here, with the longer budget.
    language: composeLanguage(config, logger, { budget: QUEUED_CALL_BUDGET }),
  };
  return { logger, runJobMessage: (body) => runJobMessage(deps, body) };
}

/** This container's worker. A configuration error rejects every invocation, so the whole batch is retried. */
export const awsWorker: () => Promise<JobWorker> = /* @__PURE__ */ oncePerContainer(async () =>
  composeAwsWorker(await awsSecretConfig(), containerClients({ sms: true }), awsTelemetry().logger),
);

let jobQueue: JobQueue | undefined;
/** This container's jobs queue. */
export function awsJobQueue(): JobQueue {
  jobQueue ??= composeAwsJobQueue(awsConfig(), { sqs: sqsClient() });
  return jobQueue;
}
