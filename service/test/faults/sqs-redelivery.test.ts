import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqsQueue } from '../../src/adapters/sqs-queue/sqs-queue.ts';
import { composeLanguage } from '../../src/composition/language.ts';
import { loadConfig } from '../../src/config/config.ts';
import { consentCheckedMessenger } from '../../src/core/messaging/consent-checked-messenger.ts';
import type { Job } from '../../src/core/ports/job-queue.port.ts';
import { type RunJobDeps, runJobMessage } from '../../src/core/use-cases/run-job.ts';
import { DEFAULT_DELIVERY_WINDOW } from '../../src/core/use-cases/weekly-delivery.ts';
import { createWorkerHandler } from '../../src/entrypoints/lambda/worker.ts';
import { capturingLogger, FAKE_AWS, TEST_BUDGET } from '../language/language-test-kit.ts';
import { FakeBedrockRuntime, toolUse } from '../support/fake-bedrock-runtime.ts';
import { FakeSqs } from '../support/fake-sqs.ts';
import { pollOnce } from '../support/sqs-event-source.ts';
import { buildTestApp, signedTwilioRequest, smsParams, twimlMessages } from '../support/test-app.ts';

// Row Q1 of FAULTS.md. Phone numbers of this file: +1555014xxxx.
const ACCESS_KEY_ID = 'AKIDFAKEFAULTSQS';
const MODEL_ID = 'us.anthropic.claude-haiku-4-5-20251001-v1:0';
const ONBOARDING = [
  'hi',
  'yes',
  'lose weight',
  'no allergies, I eat everything',
  'just me, $80',
  '30 female 165cm 70kg moderate',
];

const bedrock = new FakeBedrockRuntime(() => toolUse('no_match', {}));
const sqs = new FakeSqs(ACCESS_KEY_ID, [
  { name: 'jobs', redrive: { deadLetterQueue: 'jobs-dlq', maxReceiveCount: 3 } },
  { name: 'jobs-dlq' },
]);
let client: SQSClient;
let queueUrl: string;

beforeAll(async () => {
  await bedrock.start();
  const endpoint = await sqs.start();
  client = new SQSClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: 'fake-secret-key' },
    maxAttempts: 1,
  });
  queueUrl = sqs.queueUrl('jobs');
});
afterAll(async () => {
  client.destroy();
  await Promise.all([sqs.stop(), bedrock.stop()]);
});

describe('SQS delivers the same answer_question job more than once (real SDK, fake SQS, the worker Lambda handler)', () => {
  it('Q1: twice in one batch and once more after it: the answer is delivered once, nothing fails, nothing in the DLQ', async () => {
    const { logger } = capturingLogger();
    const config = loadConfig({ LANGUAGE_PROVIDER: 'bedrock', BEDROCK_MODEL_ID: MODEL_ID });
    const model = composeLanguage(config, logger, {
      bedrockClient: { endpoint: bedrock.endpoint, ...FAKE_AWS, budget: TEST_BUDGET },
    });
    const app = buildTestApp({ logger });
    app.inboundDeps.language = model;
    app.inboundDeps.jobs = new SqsQueue(client, queueUrl);
    const phone = '+15550140001';
    for (const text of ONBOARDING)
      expect((await app.app.request(signedTwilioRequest(smsParams(phone, text)))).status).toBe(200);

    // The webhook's model call hangs, so the question becomes a job on the (fake) SQS queue.
    bedrock.respond = () => ({ kind: 'hang' });
    const asked = await app.app.request(
      signedTwilioRequest(smsParams(phone, 'what is the deal with roughage?')),
    );
    expect(asked.status).toBe(200);
    expect(twimlMessages(await asked.text()).join('\n')).toContain('Let me look that up');
    const queued = sqs.bodies('jobs');
    expect(queued).toHaveLength(1);
    const body = queued[0] ?? '';
    expect((JSON.parse(body) as Job).type).toBe('answer_question');

    // The worker's model answers.
    bedrock.respond = () => toolUse('choose_entry', { entryId: 'fibre-needs', topic: 'fibre' });
    const messenger = consentCheckedMessenger(app.outbox, { consent: app.stores.consent, logger });
    const deps: RunJobDeps = {
      ...app.inboundDeps,
      messenger,
      language: model,
      deliveryWindow: DEFAULT_DELIVERY_WINDOW,
    };
    const handler = createWorkerHandler(() => ({ logger, runJobMessage: (raw) => runJobMessage(deps, raw) }));

    // SQS's at-least-once: a second copy of the message in the same batch.
    await client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body }));
    const firstPoll = await pollOnce(client, queueUrl, handler);
    expect(firstPoll.records.map((record) => record.body)).toEqual([body, body]);
    expect(firstPoll.failures).toEqual([]);
    // A third delivery later: a receive whose delete was lost, so the message came back.
    await client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body }));
    const secondPoll = await pollOnce(client, queueUrl, handler);
    expect(secondPoll.records).toHaveLength(1);
    expect(secondPoll.failures).toEqual([]);

    const user = await app.stores.users.findByPhone(phone);
    const delivered = app.outbox.delivered(user?.id ?? '');
    expect(delivered).toHaveLength(1);
    expect(JSON.stringify(delivered).toLowerCase()).toContain('fibre');
    expect(sqs.bodies('jobs')).toEqual([]);
    expect(sqs.bodies('jobs-dlq')).toEqual([]);
  }, 30_000);
});
