import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createTable } from '../../src/adapters/dynamodb/index.ts';
import { composeAwsWorker } from '../../src/composition/aws.ts';
import { ConfigError, loadConfig } from '../../src/config/config.ts';
import { createWorkerHandler } from '../../src/entrypoints/lambda/worker.ts';
import { NOT_JSON_POISON } from '../fixtures/sqs-worker.ts';
import { describeOnDynamoDbLocal } from '../support/dynamodb-suite.ts';
import { sqsEventRecord } from '../support/sqs-event-source.ts';

const PSEUDONYM_KEY = 'k'.repeat(32);

describe('the AWS worker composition', () => {
  it('names the variable the worker is missing', () => {
    const dynamo = {} as Parameters<typeof composeAwsWorker>[1]['dynamo'];
    expect(() => composeAwsWorker(loadConfig({ PSEUDONYM_KEY }), { dynamo })).toThrow(
      new ConfigError('Invalid configuration: DYNAMODB_TABLE: required on AWS'),
    );
    expect(() => composeAwsWorker(loadConfig({ DYNAMODB_TABLE: 'jobs-test' }), { dynamo })).toThrow(
      /PSEUDONYM_KEY/,
    );
  });

  it('builds the worker once per container, on the first invocation', async () => {
    vi.resetModules();
    vi.stubEnv('DYNAMODB_TABLE', 'jobs-test');
    vi.stubEnv('PSEUDONYM_KEY', PSEUDONYM_KEY);
    vi.stubEnv('LOG_LEVEL', 'silent');
    try {
      const aws = await import('../../src/composition/aws.ts');
      expect(aws.awsWorker()).toBe(aws.awsWorker());
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describeOnDynamoDbLocal('the AWS worker', (local) => {
  beforeAll(async () => {
    await createTable(local.client(), 'worker-test', { timeToLive: false });
  }, 60_000);

  it('runs good jobs against the table and answers only the poison record', async () => {
    const client = local.client();
    const config = loadConfig({ DYNAMODB_TABLE: 'worker-test', PSEUDONYM_KEY, LOG_LEVEL: 'silent' });
    const handler = createWorkerHandler(() => composeAwsWorker(config, { dynamo: client }));
    const bodies = [
      JSON.stringify({ type: 'purge_expired' }),
      NOT_JSON_POISON,
      JSON.stringify({ type: 'household_plan', planId: 'p-1', userId: 'no-such-user' }),
      JSON.stringify({ type: 'weekly_plan', userId: 'no-such-user', week: '2026-W48' }),
    ];
    const response = await handler({
      Records: bodies.map((body, index) => sqsEventRecord(`m-${index}`, body)),
    });
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'm-1' }] });
  }, 60_000);
});
