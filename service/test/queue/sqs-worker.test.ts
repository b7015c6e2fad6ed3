import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqsQueue } from '../../src/adapters/sqs-queue/sqs-queue.ts';
import { ConfigError, loadConfig } from '../../src/config/config.ts';
import { type Job, jobKey } from '../../src/core/ports/job-queue.port.ts';
import type { Logger } from '../../src/core/ports/logger.port.ts';
import { type Messenger, MessengerError } from '../../src/core/ports/messenger.port.ts';
import { handleInboundMessage } from '../../src/core/use-cases/handle-inbound-message.ts';
import { type RunJobDeps, runJobMessage } from '../../src/core/use-cases/run-job.ts';
import { DEFAULT_DELIVERY_WINDOW } from '../../src/core/use-cases/weekly-delivery.ts';
import { createWorkerHandler } from '../../src/entrypoints/lambda/worker.ts';
import {
  DUPLICATE,
  JOB_BODY_ROWS,
  JOB_KEY_ROWS,
  NOT_JSON_POISON,
  POISON_BATCH,
  QUEUE_URL_ROWS,
  REDRIVE,
  SEND_MESSAGE_WIRE,
  TRANSIENT,
} from '../fixtures/sqs-worker.ts';
import { FakeSqs } from '../support/fake-sqs.ts';
import { pollOnce, sqsEventRecord } from '../support/sqs-event-source.ts';
import { buildTestApp } from '../support/test-app.ts';

const ACCESS_KEY_ID = 'AKIDFAKEQUEUETEST';
// Phone numbers of this file: +1555006xxxx.
const ONBOARD_FAMILY = [
  'hi',
  'yes',
  'lose weight',
  'no allergies, I eat everything',
  'family of 4, $180 a week',
  '36 female 165cm 70kg moderate',
  'plan',
  'partner 38 male, kids 9 and 6 (boy and girl)',
];
const ONBOARD_ONE = [
  'hi',
  'yes',
  'lose weight',
  'no allergies, I eat everything',
  'just me, $70 a week',
  '36 female 165cm 70kg moderate',
];

type TestApp = ReturnType<typeof buildTestApp>;

let sqs: FakeSqs;
let client: SQSClient;
let queueUrl: string;

beforeEach(async () => {
  sqs = new FakeSqs(ACCESS_KEY_ID, [
    { name: 'jobs', redrive: { deadLetterQueue: 'jobs-dlq', maxReceiveCount: REDRIVE.maxReceiveCount } },
    { name: 'jobs-dlq' },
  ]);
  const endpoint = await sqs.start();
  // The real SDK client, pointed at the fake, with credentials of its own (nothing read from the environment).
  client = new SQSClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: 'fake-secret-key' },
    maxAttempts: 1,
  });
  queueUrl = sqs.queueUrl('jobs');
});

afterEach(async () => {
  client.destroy();
  await sqs.stop();
});

/** The worker handler over the test app's stores, as the SQS Lambda runs it, with the job events it logged. */
function worker(app: TestApp, overrides: Partial<RunJobDeps> = {}) {
  const events: string[] = [];
  const record = (event: string) => {
    events.push(event);
  };
  const logger: Logger = { debug: record, info: record, warn: record, error: record };
  const deps: RunJobDeps = {
    ...app.inboundDeps,
    messenger: app.outbox,
    deliveryWindow: DEFAULT_DELIVERY_WINDOW,
    logger,
    ...overrides,
  };
  const bodies: string[] = [];
  const inner = createWorkerHandler(() => ({ logger, runJobMessage: (body) => runJobMessage(deps, body) }));
  const handler = async (event: SQSEvent): Promise<SQSBatchResponse> => {
    bodies.push(...event.Records.map((record) => record.body));
    return inner(event);
  };
  return { handler, events, bodies };
}

/** Onboards a family through the conversation, whose "plan" queues a household job through the SQS adapter. */
async function familyWithQueuedPlan(app: TestApp, phone: string) {
  app.inboundDeps.jobs = new SqsQueue(client, queueUrl);
  await say(app, phone, ONBOARD_FAMILY);
  return userOf(app, phone);
}

/**
 * A user ready for a plan, and their plan job sent through the SQS adapter. One person, not a family: the same job
 * and use case, with a plan that solves in a fraction of the time (these tests are about the queue).
 */
async function userWithQueuedPlan(app: TestApp, phone: string, planId: string) {
  await say(app, phone, ONBOARD_ONE);
  const user = await userOf(app, phone);
  const job: Job = { type: 'household_plan', planId, userId: user.id };
  await new SqsQueue(client, queueUrl).enqueue(job);
  return { user, job };
}

async function say(app: TestApp, phone: string, texts: readonly string[]): Promise<void> {
  for (const text of texts) {
    await handleInboundMessage(app.inboundDeps, { channel: 'sms', sender: { phone }, text, hasMedia: false });
  }
}

async function userOf(app: TestApp, phone: string) {
  const user = await app.stores.users.findByPhone(phone);
  if (!user) throw new Error('onboarding made no user');
  return user;
}

function sentJobs(): Job[] {
  return sqs.requests
    .filter((request) => request.operation === 'SendMessage')
    .map((request) => JSON.parse(String(request.body.MessageBody)) as Job);
}

describe('job messages (the worker use case)', () => {
  it.each(JOB_BODY_ROWS)('$name → $expected.status', async ({ body, expected }) => {
    const app = buildTestApp();
    const { handler } = worker(app);
    const deps = { ...app.inboundDeps, messenger: app.outbox, deliveryWindow: DEFAULT_DELIVERY_WINDOW };
    expect(await runJobMessage(deps, body)).toEqual(expected);
    // Through the Lambda handler: a rejected body is the one failure, a job that ran is none.
    const response = await handler({ Records: [sqsEventRecord('m-1', body)] });
    expect(response.batchItemFailures).toEqual(expected.status === 'done' ? [] : [{ itemIdentifier: 'm-1' }]);
  });

  it.each(JOB_KEY_ROWS)('the key of $job.type is $key', ({ job, key }) => {
    expect(jobKey(job)).toBe(key);
  });
});

describe('the SQS adapter on the wire', () => {
  it.each(JOB_KEY_ROWS)('sends $job.type as JSON with its jobKey attribute', async ({ job, key }) => {
    const queue = new SqsQueue(client, queueUrl);
    await queue.enqueue(job);
    await queue.whenIdle();
    expect(sqs.requests).toHaveLength(1);
    const [request] = sqs.requests;
    expect(request?.method).toBe(SEND_MESSAGE_WIRE.method);
    expect(request?.path).toBe(SEND_MESSAGE_WIRE.path);
    expect(request?.headers['x-amz-target']).toBe(SEND_MESSAGE_WIRE.target);
    expect(request?.headers['content-type']).toBe(SEND_MESSAGE_WIRE.contentType);
    expect(request?.headers['x-amzn-query-mode']).toBe(SEND_MESSAGE_WIRE.queryMode);
    expect(request?.headers.authorization).toMatch(SEND_MESSAGE_WIRE.authorization);
    expect(request?.body).toEqual({
      QueueUrl: queueUrl,
      MessageBody: JSON.stringify(job),
      MessageAttributes: { jobKey: { DataType: 'String', StringValue: key } },
    });
    expect(Object.keys((request?.body.MessageAttributes as object) ?? {})).toEqual(
      SEND_MESSAGE_WIRE.attributeNames,
    );
    expect(sqs.bodies('jobs')).toEqual([JSON.stringify(job)]);
  });

  it('refuses a job the schema refuses and sends nothing', async () => {
    const queue = new SqsQueue(client, queueUrl);
    const notAJob = { type: 'household_plan', planId: '', userId: 'u-1' } as unknown as Job;
    await expect(queue.enqueue(notAJob)).rejects.toThrow();
    expect(sqs.requests.length === 0).toBe(SEND_MESSAGE_WIRE.invalidJobSendsNothing);
  });

  it('fails loudly when the queue does not exist (the SDK maps the fake SQS error)', async () => {
    const queue = new SqsQueue(client, sqs.queueUrl('no-such-queue'));
    await expect(queue.enqueue({ type: 'purge_expired' })).rejects.toMatchObject({
      name: 'QueueDoesNotExist',
    });
  });

  it('carries the household job the conversation queues: ids only, no phone number', async () => {
    const app = buildTestApp();
    const user = await familyWithQueuedPlan(app, '+15550060001');
    const jobs = sentJobs();
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ type: 'household_plan', userId: user.id });
    expect(JSON.stringify(sqs.requests[0]?.body)).not.toContain('5550060001');
  });
});

describe('the SQS worker Lambda with a poison message', () => {
  it('answers exactly the poison record of a batch of five; each good job runs once', async () => {
    const app = buildTestApp();
    const queued = {
      A: await userWithQueuedPlan(app, '+15550060011', 'plan-A'),
      B: await userWithQueuedPlan(app, '+15550060012', 'plan-B'),
      C: await userWithQueuedPlan(app, '+15550060013', 'plan-C'),
    };
    // The batch is laid out again in the fixture's order, poison in the middle.
    sqs.clear('jobs');
    for (const spec of POISON_BATCH.records) await sendRaw(bodyOf(spec));
    const { handler, events } = worker(app);
    const poll = await pollOnce(client, queueUrl, handler);

    expect(poll.records).toHaveLength(5);
    const label = (id: string) =>
      POISON_BATCH.records[poll.records.findIndex((record) => record.messageId === id)]?.label;
    expect(poll.failures.map(label)).toEqual(POISON_BATCH.expectedFailures);
    for (const { user, job } of Object.values(queued)) {
      const delivered = app.outbox.delivered(user.id);
      expect(delivered).toHaveLength(POISON_BATCH.deliveriesPerUser);
      expect(delivered[0]).toContain('/p/');
      const plans = await app.stores.plans.listForUser(user.id, app.clock.now());
      expect(plans.map((plan) => plan.id)).toEqual([job.planId]);
    }
    expect(events.filter((event) => event === 'purge_expired')).toHaveLength(1);
    expect(events.filter((event) => event === 'job_rejected')).toHaveLength(1);
    // The good ones are deleted; the poison one waits, invisible, for its next receive.
    expect(sqs.bodies('jobs')).toEqual([bodyOf(POISON_BATCH.records[2])]);

    function bodyOf(spec: (typeof POISON_BATCH.records)[number] | undefined): string {
      if (!spec) throw new Error('no such record');
      if (spec.kind === 'poison') return spec.body;
      if (spec.kind === 'purge_expired') return JSON.stringify({ type: 'purge_expired' });
      return JSON.stringify(queued[spec.user].job);
    }
  }, 120_000);

  it('moves the poison message to the DLQ after maxReceiveCount receives; good jobs ran once', async () => {
    const app = buildTestApp();
    const good = [
      { type: 'purge_expired' },
      { type: 'household_plan', planId: 'p-gone-1', userId: 'u-gone-1' },
      { type: 'household_plan', planId: 'p-gone-2', userId: 'u-gone-2' },
      { type: 'weekly_plan', userId: 'u-gone-3', week: '2026-W48' },
    ];
    const queue = new SqsQueue(client, queueUrl);
    await queue.enqueue(good[0] as Job);
    await queue.enqueue(good[1] as Job);
    await sendRaw(NOT_JSON_POISON);
    await queue.enqueue(good[2] as Job);
    await queue.enqueue(good[3] as Job);
    const { handler, events, bodies } = worker(app);

    const polls = [];
    for (let poll = 0; poll < 10; poll++) {
      const result = await pollOnce(client, queueUrl, handler);
      polls.push(result);
      if (sqs.bodies('jobs').length === 0) break;
      // The reported message's visibility timeout lapses before the next poll.
      sqs.advance(31);
    }
    expect(polls).toHaveLength(REDRIVE.pollsUntilEmpty);
    expect(polls.map((poll) => poll.failures.length)).toEqual([1, 1, 1, 0]);
    expect(polls.at(-1)?.records).toEqual([]);
    expect(bodies.filter((body) => body === NOT_JSON_POISON)).toHaveLength(REDRIVE.poisonInvocations);
    expect(sqs.bodies('jobs')).toEqual([]);
    expect(sqs.bodies('jobs-dlq')).toEqual([NOT_JSON_POISON]);
    expect(sqs.bodies('jobs-dlq')).toHaveLength(REDRIVE.dlqBodies);
    for (const job of good) expect(bodies.filter((body) => body === JSON.stringify(job))).toHaveLength(1);
    expect(events.filter((event) => event === 'purge_expired')).toHaveLength(1);
    expect(events.filter((event) => event === 'household_plan_skipped')).toHaveLength(2);
    expect(events.filter((event) => event === 'weekly_plan_skipped')).toHaveLength(1);
  });

  it('reports a transient failure for retry; the redelivery sends the plan once and nothing reaches the DLQ', async () => {
    const app = buildTestApp();
    const { user } = await userWithQueuedPlan(app, '+15550060021', 'plan-transient');
    let sends = 0;
    const flaky: Messenger = {
      kind: 'flaky',
      send: async (to, body, key) => {
        if (++sends === 1) throw new MessengerError('provider_unavailable', 'HTTP 503 from the provider');
        return app.outbox.send(to, body, key);
      },
    };
    const { handler } = worker(app, { messenger: flaky });

    const first = await pollOnce(client, queueUrl, handler);
    expect(first.failures).toHaveLength(TRANSIENT.firstInvocationFailures);
    expect(app.outbox.delivered(user.id)).toEqual([]);
    sqs.advance(31);
    const second = await pollOnce(client, queueUrl, handler);
    expect(second.records.map((record) => record.messageId)).toEqual(first.failures);
    expect(second.records[0]?.attributes.ApproximateReceiveCount).toBe('2');
    expect(second.failures).toHaveLength(TRANSIENT.secondInvocationFailures);
    expect(app.outbox.delivered(user.id)).toHaveLength(TRANSIENT.deliveries);
    expect(await app.stores.plans.listForUser(user.id, app.clock.now())).toHaveLength(1);
    expect(sqs.bodies('jobs')).toEqual([]);
    expect(sqs.bodies('jobs-dlq')).toHaveLength(TRANSIENT.dlqBodies);
  }, 60_000);

  it('runs a duplicated job three times with one plan and one message', async () => {
    const app = buildTestApp();
    const { user, job } = await userWithQueuedPlan(app, '+15550060031', 'plan-duplicate');
    // A second copy of the same job (SQS's at-least-once), in the same batch.
    await new SqsQueue(client, queueUrl).enqueue(job);
    const { handler, bodies } = worker(app);
    expect((await pollOnce(client, queueUrl, handler)).failures).toEqual([]);
    // A third delivery later (a receive whose delete was lost, so the message came back).
    await sendRaw(JSON.stringify(job));
    expect((await pollOnce(client, queueUrl, handler)).failures).toEqual([]);

    expect(bodies.filter((body) => body === JSON.stringify(job))).toHaveLength(
      DUPLICATE.deliveriesOfTheSameJob,
    );
    expect(app.outbox.delivered(user.id)).toHaveLength(DUPLICATE.messagesSent);
    expect(await app.stores.plans.listForUser(user.id, app.clock.now())).toHaveLength(DUPLICATE.plansStored);
  }, 60_000);

  it('fails the whole batch when the worker cannot be built (a configuration error): every record retried', async () => {
    const handler = createWorkerHandler(() => {
      throw new ConfigError('Invalid configuration: DYNAMODB_TABLE: required on AWS');
    });
    await sendRaw(JSON.stringify({ type: 'purge_expired' }));
    const poll = await pollOnce(client, queueUrl, handler);
    expect(poll.failures).toEqual(poll.records.map((record) => record.messageId));
    expect(sqs.bodies('jobs')).toHaveLength(1);
  });
});

describe('JOBS_QUEUE_URL', () => {
  it.each(QUEUE_URL_ROWS)('$value → ok: $ok', ({ value, ok }) => {
    if (ok) {
      expect(loadConfig({ JOBS_QUEUE_URL: value }).aws.jobsQueueUrl).toBe(value === '' ? undefined : value);
    } else {
      expect(() => loadConfig({ JOBS_QUEUE_URL: value })).toThrow(/JOBS_QUEUE_URL/);
    }
  });
});

async function sendRaw(body: string): Promise<void> {
  await client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body }));
}
