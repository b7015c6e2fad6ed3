import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { SqsQueue } from '../adapters/sqs-queue/sqs-queue.ts';
import { createJsonLogger } from '../adapters/system/json-logger.ts';
import { randomIds, randomTokens, systemClock } from '../adapters/system/system-clock.ts';
import { type Config, ConfigError, loadConfig } from '../config/config.ts';
import { consentCheckedMessenger } from '../core/messaging/consent-checked-messenger.ts';
import type { JobQueue } from '../core/ports/job-queue.port.ts';
import type { Logger } from '../core/ports/logger.port.ts';
import type { Messenger } from '../core/ports/messenger.port.ts';
import { type JobMessageOutcome, type RunJobDeps, runJobMessage } from '../core/use-cases/run-job.ts';
import { createDynamoStores } from './dynamodb-stores.ts';
import { composePlanner } from './planner.ts';

/**
 * The AWS runtime: what the Lambda functions share, each part built on first use and then kept for the container's
 * life (Lambda reuses a container between invocations, so clients and the planner's data load once). Only the
 * worker's parts are here yet; the HTTP, scheduler and inbound-SMS functions add theirs beside them.
 */

/** What the SQS worker function needs: run one message's job, and log. */
export interface JobWorker {
  logger: Logger;
  runJobMessage(body: string): Promise<JobMessageOutcome>;
}

/** Names the variable that is missing, like every other configuration error. */
function required<T>(value: T | undefined, variable: string): T {
  if (value === undefined) throw new ConfigError(`Invalid configuration: ${variable}: required on AWS`);
  return value;
}

/**
 * Until the AWS End User Messaging adapter (issue 6) is composed here, queued work on AWS has no sender: each
 * message is refused as `no_route` (and logged by the use case), never reported as sent.
 */
const noSender: Messenger = {
  kind: 'none',
  send: async () => ({ status: 'not_sent', reason: 'no_route' }),
};

/** The worker over DynamoDB; `dynamo` is the container's client (tests pass one for DynamoDB Local). */
export function composeAwsWorker(config: Config, clients: { dynamo: DynamoDBClient }): JobWorker {
  const logger = createJsonLogger(config.logLevel);
  const stores = createDynamoStores({
    client: clients.dynamo,
    tableName: required(config.aws.dynamoTable, 'DYNAMODB_TABLE'),
    pseudonymKey: required(config.pseudonymKey, 'PSEUDONYM_KEY'),
  });
  const deps: RunJobDeps = {
    stores,
    clock: systemClock,
    ids: randomIds,
    tokens: randomTokens,
    logger,
    planner: composePlanner(),
    messenger: consentCheckedMessenger(noSender, { consent: stores.consent, logger }),
    publicBaseUrl: config.publicBaseUrl,
    messageRetentionDays: config.messageRetentionDays,
    deliveryWindow: config.weeklyDelivery.window,
  };
  return { logger, runJobMessage: (body) => runJobMessage(deps, body) };
}

/** The SQS adapter for the functions that enqueue (HTTP, scheduler). */
export function composeAwsJobQueue(config: Config, clients: { sqs: SQSClient }): JobQueue {
  return new SqsQueue(clients.sqs, required(config.aws.jobsQueueUrl, 'JOBS_QUEUE_URL'));
}

// One of each per container, from the function's environment (config/ is its only reader).
let config: Config | undefined;
let worker: JobWorker | undefined;
let jobQueue: JobQueue | undefined;
const awsConfig = (): Config => {
  config ??= loadConfig();
  return config;
};

/** This container's worker. A configuration error throws on every invocation, so the whole batch is retried. */
export function awsWorker(): JobWorker {
  worker ??= composeAwsWorker(awsConfig(), { dynamo: new DynamoDBClient({}) });
  return worker;
}

/** This container's jobs queue. */
export function awsJobQueue(): JobQueue {
  jobQueue ??= composeAwsJobQueue(awsConfig(), { sqs: new SQSClient({}) });
  return jobQueue;
}
