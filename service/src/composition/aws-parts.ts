import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { PinpointSMSVoiceV2Client } from '@aws-sdk/client-pinpoint-sms-voice-v2';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { SqsQueue } from '../adapters/sqs-queue/sqs-queue.ts';
import { type Config, ConfigError } from '../config/config.ts';
import type { JobQueue } from '../core/ports/job-queue.port.ts';
import type { Stores } from '../core/ports/stores.ts';
import { createDynamoStores } from './dynamodb-stores.ts';

/**
 * What every AWS function composes from a configuration whose secrets are already read and the clients its
 * container built: the DynamoDB stores and the SQS queue. Each function's own parts are in its module (aws.ts:
 * the worker; aws-scheduler.ts; aws-inbound.ts: HTTP and inbound SMS). Tests call these with DynamoDB Local.
 */

/** The clients a container builds once; functions that do not send SMS leave `sms` out. */
export interface AwsClients {
  dynamo: DynamoDBClient;
  sqs?: SQSClient;
  sms?: PinpointSMSVoiceV2Client;
}

/** Names the variable that is missing, like every other configuration error. */
export function required<T>(value: T | undefined, variable: string): T {
  if (value === undefined) throw new ConfigError(`Invalid configuration: ${variable}: required on AWS`);
  return value;
}

export function composeAwsStores(config: Config, clients: Pick<AwsClients, 'dynamo'>): Stores {
  return createDynamoStores({
    client: clients.dynamo,
    tableName: required(config.aws.dynamoTable, 'DYNAMODB_TABLE'),
    pseudonymKey: required(config.pseudonymKey, 'PSEUDONYM_KEY'),
  });
}

/** The SQS adapter for the functions that enqueue (HTTP, scheduler, inbound SMS). */
export function composeAwsJobQueue(config: Config, clients: { sqs: SQSClient }): JobQueue {
  return new SqsQueue(clients.sqs, required(config.aws.jobsQueueUrl, 'JOBS_QUEUE_URL'));
}
