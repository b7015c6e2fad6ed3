import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LocalOutbox } from '../../src/adapters/local-outbox/local-outbox.ts';
import { createMemoryStores, type MemoryStores } from '../../src/adapters/memory/index.ts';
import { createJsonLogger } from '../../src/adapters/system/json-logger.ts';
import { composeAwsSmsInbound, createAwsSmsMessenger } from '../../src/composition/aws-sms.ts';
import { composeMessenger } from '../../src/composition/messenger.ts';
import { loadConfig } from '../../src/config/config.ts';
import { deliverMessage } from '../../src/core/use-cases/deliver-message.ts';
import { createAwsSmsInboundHandler } from '../../src/entrypoints/lambda/aws-sms-inbound.ts';
import {
  AWS_CONFIGURATION_SET,
  AWS_DEDICATED_NUMBER,
  AWS_INBOUND_CASES,
  AWS_ORIGINATION_IDENTITY,
  type InboundCase,
  type InboundHandled,
  MALFORMED_EVENTS,
} from '../fixtures/aws-sms/expected-aws-sms.ts';
import { FakeAwsSmsApi } from '../support/fake-aws-sms-api.ts';
import { BASE_URL, ManualClock, sequentialIds } from '../support/test-app.ts';
import { sequentialTokens, testPlanner } from '../support/test-planner.ts';

const ACCESS_KEY_ID = 'AKIAFAKEAWSSMS000002';
const api = new FakeAwsSmsApi(ACCESS_KEY_ID);
beforeAll(async () => {
  await api.start();
});
afterAll(async () => {
  await api.stop();
});
beforeEach(() => api.reset());

const clientOptions = () => ({
  endpoint: api.url,
  region: 'eu-west-1',
  credentials: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: 'fake-secret-access-key-0000000000000000' },
});

/** One Lambda container: memory stores, the real use case, replies and queued work through the fake AWS API. */
function openContainer(providerConfirmsOptOut: boolean) {
  const stores: MemoryStores = createMemoryStores();
  const clock = new ManualClock();
  const lines: string[] = [];
  const logger = createJsonLogger('debug', (line) => lines.push(line));
  const config = loadConfig({
    PUBLIC_BASE_URL: BASE_URL,
    STORE: 'memory',
    MESSAGING_PROVIDER: 'aws',
    AWS_SMS_ORIGINATION_IDENTITY: AWS_ORIGINATION_IDENTITY,
    AWS_SMS_CONFIGURATION_SET: AWS_CONFIGURATION_SET,
    AWS_SMS_MANAGED_OPT_OUT: providerConfirmsOptOut ? 'true' : 'false',
  });
  const parts = { outboundMessages: stores.outboundMessages, clock, logger, clientOptions: clientOptions() };
  const queued = composeMessenger(config, {
    ...parts,
    outbox: new LocalOutbox(logger),
    consent: stores.consent,
    awsSmsClient: clientOptions(),
  });
  const inbound = {
    stores,
    clock,
    ids: sequentialIds(),
    tokens: sequentialTokens(),
    planner: testPlanner,
    logger,
    publicBaseUrl: BASE_URL,
    messageRetentionDays: 90,
    messenger: queued,
  };
  let builds = 0;
  const handler = createAwsSmsInboundHandler(() => {
    builds++;
    return composeAwsSmsInbound(config, {
      inbound,
      receipts: stores.webhookReceipts,
      replies: createAwsSmsMessenger(config, parts),
    });
  });
  const deliverDeps = inbound;
  return { stores, clock, lines, handler, deliverDeps, builds: () => builds };
}

/** An SNS notification as Lambda hands it over, around AWS End User Messaging's two-way SMS payload. */
function snsEvent(message: string) {
  return {
    Records: [
      {
        EventSource: 'aws:sns',
        EventVersion: '1.0',
        EventSubscriptionArn:
          'arn:aws:sns:eu-west-1:123456789012:nutritionist-inbound-sms:4f1c2a9e-0000-4000-8000-000000000001',
        Sns: {
          Type: 'Notification',
          MessageId: crypto.randomUUID(),
          TopicArn: 'arn:aws:sns:eu-west-1:123456789012:nutritionist-inbound-sms',
          Subject: null,
          Message: message,
          Timestamp: '2026-11-26T12:00:00.000Z',
          SignatureVersion: '1',
          Signature: 'EXAMPLE',
          SigningCertUrl: 'https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-example.pem',
          UnsubscribeUrl: 'https://sns.eu-west-1.amazonaws.com/?Action=Unsubscribe',
          MessageAttributes: {},
        },
      },
    ],
  };
}

function twoWaySms(from: string, text: string, inboundMessageId: string): string {
  return JSON.stringify({
    originationNumber: from,
    destinationNumber: AWS_DEDICATED_NUMBER,
    messageKeyword: 'KEYWORD_123456789012',
    messageBody: text,
    inboundMessageId,
    previousPublishedMessageId: 'wJalrXUtnFEMI-example',
  });
}

describe('inbound AWS End User Messaging SMS (SNS → Lambda) through the same use case as Twilio', () => {
  it.each(AWS_INBOUND_CASES.map((c) => [c.name, c] as const))('%s', async (_name, c: InboundCase) => {
    const container = openContainer(c.providerConfirmsOptOut);
    api.script(c.answers ?? []);
    for (const [index, step] of c.steps.entries()) {
      const before = api.requests.length;
      let handled: InboundHandled;
      try {
        const summary = await container.handler(
          snsEvent(twoWaySms(c.phone, step.text, step.inboundMessageId)),
        );
        handled = summary.processed === 1 ? 'processed' : summary.duplicates === 1 ? 'duplicate' : 'rejected';
      } catch {
        handled = 'thrown';
      }
      const sent = api.requests.slice(before).filter((request) => request.answer === 'ok');
      const replies = sent.map((request) => String(request.body.MessageBody ?? ''));
      const where = `step ${index + 1} (${step.text})`;
      expect(handled, where).toBe(step.expect.handled);
      expect(replies, where).toHaveLength(step.expect.repliesSent);
      for (const request of sent) {
        expect(request.body).toMatchObject({
          DestinationPhoneNumber: c.phone,
          OriginationIdentity: AWS_ORIGINATION_IDENTITY,
          ConfigurationSetName: AWS_CONFIGURATION_SET,
          MessageType: 'TRANSACTIONAL',
        });
      }
      const text = replies.join('\n').toLowerCase();
      for (const fragment of step.expect.replyIncludes ?? [])
        expect(text, where).toContain(fragment.toLowerCase());
      for (const fragment of step.expect.replyRejects ?? []) {
        expect(text, where).not.toContain(fragment.toLowerCase());
      }
      container.clock.advance(60_000);
    }

    const { stores } = container;
    const latest = await stores.consent.latest(c.phone, 'messaging');
    if (c.expect.consent === 'none') expect(latest).toBeUndefined();
    else expect(latest).toMatchObject(c.expect.consent);
    if (c.expect.optOutRecords !== undefined) {
      const history = await stores.consent.history(c.phone);
      const optOuts = history.filter((record) => record.purpose === 'messaging' && !record.granted);
      expect(optOuts).toHaveLength(c.expect.optOutRecords);
    }
    if (c.expect.laterOutbound) {
      const user = await stores.users.findByPhone(c.phone);
      expect(user).toBeDefined();
      const before = api.requests.length;
      const outcome = await deliverMessage(
        container.deliverDeps,
        user ?? expect.unreachable(),
        'Your plan for next week is ready.',
        `weekly-plan:${user?.id}:2026-W49`,
      );
      if (c.expect.laterOutbound === 'opted_out') {
        expect(outcome).toEqual({ status: 'not_sent', reason: 'opted_out' });
        expect(api.requests).toHaveLength(before);
      } else {
        expect(outcome.status).toBe('sent');
        expect(api.requests).toHaveLength(before + 1);
      }
    }
    expect(container.builds()).toBe(1);

    // Privacy: no log line holds the number or what was texted.
    const digits = c.phone.slice(1);
    for (const line of container.lines) {
      expect(line).not.toContain(digits);
      for (const step of c.steps) expect(line).not.toContain(`"${step.text}"`);
    }
  });

  it.each(MALFORMED_EVENTS.map((m) => [m.name, m] as const))(
    'rejects %s without throwing',
    async (_name, m) => {
      const container = openContainer(false);
      const event = m.message === undefined ? m.event : snsEvent(m.message);
      const summary = await container.handler(event);
      expect(summary).toMatchObject({ processed: 0, duplicates: 0, repliesSent: 0 });
      expect(summary.rejected).toBeGreaterThanOrEqual(1);
      expect(api.requests).toHaveLength(0);
      expect(await container.stores.users.findByPhone('+15550110199')).toBeUndefined();
      expect(await container.stores.consent.latest('+15550110199', 'messaging')).toBeUndefined();
      const rejected = container.lines.filter((line) => line.includes('aws_sms_inbound_rejected'));
      expect(rejected).toHaveLength(1);
      for (const line of container.lines) {
        expect(line).not.toContain('5550110199');
        expect(line).not.toContain('aaaaaaaaaa');
      }
    },
  );

  it('a malformed record does not hide a good one in the same event', async () => {
    const container = openContainer(false);
    const good = snsEvent(twoWaySms('+15550110120', 'STOP', 'c3000000-0000-4000-8000-000000000001'));
    const bad = snsEvent('not json');
    const summary = await container.handler({ Records: [...bad.Records, ...good.Records] });
    expect(summary).toEqual({ processed: 1, duplicates: 0, rejected: 1, repliesSent: 1 });
    expect(await container.stores.consent.latest('+15550110120', 'messaging')).toMatchObject({
      granted: false,
    });
  });

  it('the same STOP in two containers at once: one runs it, the other throws so Lambda retries; one opt-out', async () => {
    const container = openContainer(false);
    const event = snsEvent(twoWaySms('+15550110122', 'STOP', 'c3000000-0000-4000-8000-000000000021'));
    const results = await Promise.allSettled([container.handler(event), container.handler(event)]);
    const fulfilled = results.filter((result) => result.status === 'fulfilled');
    const rejected = results.filter((result) => result.status === 'rejected');
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(String((rejected[0] as PromiseRejectedResult).reason)).toContain('InboundBusyError');
    // Lambda's retry finds the receipt done: no second opt-out, no second confirmation.
    expect(await container.handler(event)).toMatchObject({ processed: 0, duplicates: 1, repliesSent: 0 });
    const history = await container.stores.consent.history('+15550110122');
    expect(history.filter((record) => !record.granted)).toHaveLength(1);
    expect(api.accepted()).toHaveLength(1);
  });

  it('builds the runtime once per container, and again after a failed start', async () => {
    let attempts = 0;
    const working = openContainer(false);
    const handler = createAwsSmsInboundHandler(async () => {
      attempts++;
      if (attempts === 1) throw new Error('secret not readable yet');
      return composeAwsSmsInbound(loadConfig({ STORE: 'memory' }), {
        inbound: { ...working.deliverDeps, tokens: sequentialTokens(), planner: testPlanner },
        receipts: working.stores.webhookReceipts,
        replies: createAwsSmsMessenger(
          loadConfig({ MESSAGING_PROVIDER: 'aws', AWS_SMS_ORIGINATION_IDENTITY: AWS_ORIGINATION_IDENTITY }),
          {
            outboundMessages: working.stores.outboundMessages,
            clock: working.clock,
            logger: createJsonLogger('silent'),
            clientOptions: clientOptions(),
          },
        ),
      });
    });
    const event = (id: string) => snsEvent(twoWaySms('+15550110121', 'HELP', id));
    await expect(handler(event('c3000000-0000-4000-8000-000000000011'))).rejects.toThrow(
      'secret not readable',
    );
    await handler(event('c3000000-0000-4000-8000-000000000011'));
    await handler(event('c3000000-0000-4000-8000-000000000012'));
    expect(attempts).toBe(2);
    expect(api.accepted()).toHaveLength(2);
  });
});
