import { SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTable } from '../../src/adapters/dynamodb/index.ts';
import { systemClock } from '../../src/adapters/system/system-clock.ts';
import { composeAwsWorker } from '../../src/composition/aws.ts';
import { composeAwsApp } from '../../src/composition/aws-http.ts';
import { type AwsInboundParts, composeAwsInboundParts } from '../../src/composition/aws-inbound.ts';
import { composeAwsMessenger } from '../../src/composition/aws-messenger.ts';
import { composeAwsScheduler } from '../../src/composition/aws-scheduler.ts';
import { loadConfig } from '../../src/config/config.ts';
import type { Logger } from '../../src/core/ports/logger.port.ts';
import { signedStripeRequest, WEBHOOK_SECRET } from '../billing/billing-support.ts';
import { describeOnDynamoDbLocal } from '../support/dynamodb-suite.ts';
import { FakeSqs } from '../support/fake-sqs.ts';
import { AUTH_TOKEN, BASE_URL, signedTwilioRequest, smsParams, twimlMessages } from '../support/test-app.ts';

const TABLE = 'aws-http-test';
const PHONE = '+15557770101';
const ONBOARDING = [
  'hi',
  'yes',
  'maintain',
  'no allergies, I eat everything',
  'just me, $80 a week',
  '40 female 165cm 62kg light',
];
const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/**
 * The HTTP function as composed on AWS (DynamoDB, SQS, billing, the web app's routes), over DynamoDB Local and a
 * fake SQS: what issues 8 and 10 ask of the AWS runtime, end to end through the same requests a user makes.
 */
describeOnDynamoDbLocal('the AWS HTTP function', (local) => {
  let sqs: FakeSqs;
  let sqsClient: SQSClient;
  let parts: AwsInboundParts;
  let app: ReturnType<typeof composeAwsApp>['app'];
  let config: ReturnType<typeof loadConfig>;

  beforeAll(async () => {
    await createTable(local.client(), TABLE, { timeToLive: false });
    sqs = new FakeSqs('AKIDFAKEHTTPTEST', [{ name: 'jobs' }]);
    sqsClient = new SQSClient({
      endpoint: await sqs.start(),
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDFAKEHTTPTEST', secretAccessKey: 'fake-secret-key' },
      maxAttempts: 1,
    });
    config = loadConfig({
      DYNAMODB_TABLE: TABLE,
      JOBS_QUEUE_URL: sqs.queueUrl('jobs'),
      PSEUDONYM_KEY: 'k'.repeat(32),
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      PUBLIC_BASE_URL: BASE_URL,
      LOG_LEVEL: 'silent',
      STRIPE_SECRET_KEY: 'sk_test_fake0123456789',
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      STRIPE_PRICE_PREMIUM: 'price_premium_test',
      STRIPE_PRICE_FAMILY: 'price_family_test',
    });
    parts = composeAwsInboundParts(config, { dynamo: local.client(), sqs: sqsClient }, silent);
    app = composeAwsApp(config, parts, silent).app;
  }, 60_000);
  afterAll(async () => {
    sqsClient?.destroy();
    await sqs?.stop();
  });

  const text = async (body: string) => {
    const response = await app.request(signedTwilioRequest(smsParams(PHONE, body)));
    expect(response.status).toBe(200);
    return twimlMessages(await response.text()).join('\n');
  };

  it('reports DynamoDB, SQS and Stripe billing on /health', async () => {
    const health = (await (await app.request(`${BASE_URL}/health`)).json()) as {
      adapters: Record<string, string>;
    };
    expect(health.adapters).toMatchObject({ store: 'dynamodb', queue: 'sqs', billing: 'stripe' });
  });

  it('signs a texted user in on the web and serves their settings, with their tier', async () => {
    for (const body of ONBOARDING) await text(body);
    const reply = await text('web');
    const token = reply.match(/\/signin\/([A-Za-z0-9_-]+)/)?.[1];
    expect(token, reply).toBeDefined();
    const opened = await app.request(`${BASE_URL}/signin/${token}`, { method: 'POST' });
    expect(opened.status).toBe(303);
    const cookie = (opened.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const session = await app.request(`${BASE_URL}/api/session`, { headers: { cookie } });
    expect(await session.json()).toMatchObject({ signedIn: true, known: true, hasPhone: true });
    const settings = await app.request(`${BASE_URL}/api/settings`, { headers: { cookie } });
    expect(settings.status).toBe(200);
    expect(await settings.json()).toMatchObject({ billing: { enabled: true, tier: 'free' } });
    // Single use: the same link opens nothing the second time.
    expect((await app.request(`${BASE_URL}/signin/${token}`, { method: 'POST' })).status).toBe(410);
  });

  it('verifies Stripe webhooks before reading them, and answers a valid one', async () => {
    const event = JSON.stringify({
      id: 'evt_aws_http_1',
      object: 'event',
      type: 'checkout.session.completed',
      created: Math.floor(Date.now() / 1000),
      data: {
        object: {
          id: 'cs_test_1',
          object: 'checkout.session',
          mode: 'subscription',
          client_reference_id: 'ref-nobody-knows-0000000000',
          customer: 'cus_1',
          subscription: 'sub_1',
        },
      },
    });
    const url = `${BASE_URL}/webhooks/stripe`;
    const now = Math.floor(Date.now() / 1000);
    const forged = await app.request(
      signedStripeRequest(url, event, { timestamp: now, secret: 'whsec_someoneelse000000' }),
    );
    expect(forged.status).toBe(400);
    const valid = await app.request(signedStripeRequest(url, event, { timestamp: now }));
    expect(valid.status).toBe(200);
  });

  it('runs the Family-lapse check the scheduler queues: a lapsed Family account is marked told once', async () => {
    const store = parts.stores.billing;
    if (!store) throw new Error('the DynamoDB stores keep no billing');
    const user = await parts.stores.users.findByPhone(PHONE);
    if (!user) throw new Error('the onboarded user is missing');
    const past = '2026-01-01T00:00:00.000Z';
    await store.save({
      userId: user.id,
      reference: 'ref-lapsed-family-0000000001',
      customerId: 'cus_lapsed',
      subscriptionId: 'sub_lapsed',
      tier: 'family',
      status: 'canceled',
      currentPeriodEnd: past,
      cancelAtPeriodEnd: false,
      version: 1,
      updatedAt: past,
    });
    const worker = composeAwsWorker(config, { dynamo: dynamo() }, silent);
    expect(await worker.runJobMessage(JSON.stringify({ type: 'family_lapses' }))).toEqual({
      status: 'done',
      type: 'family_lapses',
    });
    const told = await store.get(user.id);
    expect(told?.familyLapseNotifiedAt).toBeDefined();
    await worker.runJobMessage(JSON.stringify({ type: 'family_lapses' }));
    expect((await store.get(user.id))?.version).toBe(told?.version);
  });

  it('has the scheduler queue the housekeeping jobs (Family lapses, unfinished erasures) at each tick', async () => {
    const scheduler = composeAwsScheduler(config, { dynamo: dynamo(), sqs: sqsClient }, silent);
    await scheduler.queueHousekeeping();
    const sent = sqs.requests.filter((request) => request.operation === 'SendMessage');
    expect(sent.map((request) => request.body.MessageBody)).toContain(
      JSON.stringify({ type: 'family_lapses' }),
    );
  });

  it('shows a web-chat user, once, the message queued work sent them (through the table, not a process outbox)', async () => {
    const first = await app.request(`${BASE_URL}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'hi' }),
    });
    expect(first.status).toBe(200);
    const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const sessionId = cookie.split('=')[1] ?? '';
    const user = await parts.stores.users.findByWebSession(sessionId);
    if (!user) throw new Error('the web chat made no user');
    // The worker's messenger, as another container builds it: same table, its own objects.
    const worker = composeAwsMessenger(config, { stores: parts.stores, clock: systemClock, logger: silent });
    const to = { userId: user.id, channel: 'web' as const, webSessionId: sessionId };
    expect(await worker.send(to, 'Your household plan is ready', 'plan:web-job-1')).toEqual({
      status: 'sent',
    });
    expect(await worker.send(to, 'Your household plan is ready', 'plan:web-job-1')).toEqual({
      status: 'duplicate',
    });
    const updates = async (headers: Record<string, string>) =>
      (await (await app.request(`${BASE_URL}/api/chat/updates`, { headers })).json()) as {
        messages: string[];
      };
    expect(await updates({ cookie: 'nutritionist_session=00000000-0000-4000-8000-000000000000' })).toEqual({
      messages: [],
    });
    expect(await updates({ cookie })).toEqual({ messages: ['Your household plan is ready'] });
    expect(await updates({ cookie })).toEqual({ messages: [] });
  });

  const dynamo = local.client;
});
