import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LocalOutbox } from '../../src/adapters/local-outbox/local-outbox.ts';
import { createMemoryStores, type MemoryStores } from '../../src/adapters/memory/index.ts';
import { createJsonLogger } from '../../src/adapters/system/json-logger.ts';
import { composeMessenger } from '../../src/composition/messenger.ts';
import { ConfigError, loadConfig } from '../../src/config/config.ts';
import type { User } from '../../src/core/domain/user.ts';
import { MessengerError, type SendOutcome } from '../../src/core/ports/messenger.port.ts';
import { deliverMessage } from '../../src/core/use-cases/deliver-message.ts';
import {
  AWS_BODY,
  AWS_CONFIGURATION_SET,
  AWS_ORIGINATION_IDENTITY,
  AWS_OUTBOUND_ROWS,
  type AwsOutboundRow,
  type AwsSendOutcomeName,
} from '../fixtures/aws-sms/expected-aws-sms.ts';
import { FakeAwsSmsApi } from '../support/fake-aws-sms-api.ts';
import { ManualClock, sequentialIds } from '../support/test-app.ts';

const ACCESS_KEY_ID = 'AKIAFAKEAWSSMS000001';
const BASE_URL = 'https://coach.example.test';
const HOUR = 3_600_000;

const api = new FakeAwsSmsApi(ACCESS_KEY_ID);
beforeAll(async () => {
  await api.start();
});
afterAll(async () => {
  await api.stop();
});
beforeEach(() => api.reset());

const awsClientOptions = () => ({
  endpoint: api.url,
  region: 'us-east-1',
  credentials: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: 'fake-secret-access-key-0000000000000000' },
});

function openProcess(row: AwsOutboundRow, clock: ManualClock, lines: string[]) {
  const stores = createMemoryStores();
  const config = loadConfig({
    PUBLIC_BASE_URL: BASE_URL,
    STORE: 'memory',
    MESSAGING_PROVIDER: 'aws',
    AWS_SMS_ORIGINATION_IDENTITY: AWS_ORIGINATION_IDENTITY,
    ...(row.configurationSet === false ? {} : { AWS_SMS_CONFIGURATION_SET: AWS_CONFIGURATION_SET }),
  });
  const logger = createJsonLogger('debug', (line) => lines.push(line));
  const outbox = new LocalOutbox(logger);
  const messenger = composeMessenger(config, {
    outbox,
    outboundMessages: stores.outboundMessages,
    consent: stores.consent,
    clock,
    logger,
    awsSmsClient: awsClientOptions(),
  });
  const deps = {
    stores,
    clock,
    ids: sequentialIds(),
    logger,
    messenger,
    publicBaseUrl: BASE_URL,
    messageRetentionDays: 90,
  };
  return { stores, deps, outbox, messenger };
}

async function seedUser(stores: MemoryStores, row: AwsOutboundRow, clock: ManualClock): Promise<User> {
  const now = clock.now();
  const user: User = {
    id: `user-${row.phone.slice(-4)}`,
    ...(row.channel === 'web' ? { webSessionId: `web-${row.phone.slice(-4)}` } : { phone: row.phone }),
    lastChannel: row.channel,
    locale: 'en',
    profile: {},
    lastInboundAt: new Date(now.getTime() - 2 * HOUR).toISOString(),
    createdAt: new Date(now.getTime() - 72 * HOUR).toISOString(),
    updatedAt: now.toISOString(),
  };
  await stores.users.create(user);
  const subject = user.phone ?? `web:${user.webSessionId}`;
  const consent = (granted: boolean, method: string, hoursAgo: number) =>
    stores.consent.append({
      subject,
      purpose: 'messaging',
      granted,
      method,
      textVersion: 'consent-2026-11-v1',
      at: new Date(now.getTime() - hoursAgo * HOUR).toISOString(),
    });
  await consent(true, `${row.channel}:first-message`, 48);
  if (row.optedOut) await consent(false, `${row.channel}:keyword:STOP`, 3);
  return user;
}

function outcomeName(outcome: SendOutcome): AwsSendOutcomeName {
  if (outcome.status !== 'not_sent') return outcome.status;
  if (outcome.reason === 'whatsapp_window_closed')
    throw new Error('no WhatsApp row expects the window to close');
  return outcome.reason;
}

describe('outbound SMS through the official AWS SDK against a fake AWS End User Messaging SMS API', () => {
  it.each(AWS_OUTBOUND_ROWS.map((row) => [row.name, row] as const))('%s', async (_name, row) => {
    const clock = new ManualClock();
    const lines: string[] = [];
    api.script(row.answers ?? []);
    const { stores, deps, outbox } = openProcess(row, clock, lines);
    const user = await seedUser(stores, row, clock);
    const key = `weekly-plan:${user.id}:2026-W48`;
    const outcomes: AwsSendOutcomeName[] = [];
    for (let send = 0; send < row.sends; send++) {
      try {
        outcomes.push(outcomeName(await deliverMessage(deps, user, AWS_BODY, key)));
      } catch (error) {
        expect(error).toBeInstanceOf(MessengerError);
        outcomes.push('retryable_error');
      }
      clock.advance(60_000);
    }

    expect(outcomes).toEqual(row.expect.outcomes);
    expect(api.requests).toHaveLength(row.expect.requests);
    for (const request of api.requests) {
      expect(request).toMatchObject({
        method: 'POST',
        path: '/',
        target: 'PinpointSMSVoiceV2.SendTextMessage',
        contentType: 'application/x-amz-json-1.0',
        accessKeyId: ACCESS_KEY_ID,
        region: 'us-east-1',
        service: 'sms-voice',
      });
      expect(request.signedHeaders).toContain('x-amz-target');
    }
    if (row.expect.body) expect(api.requests[0]?.body).toEqual(row.expect.body);

    const stored = await stores.outboundMessages.find(key);
    if (row.expect.stored === 'none') expect(stored).toBeUndefined();
    else expect(stored).toMatchObject(row.expect.stored);
    if (row.expect.stored !== 'none' && row.expect.stored.state === 'sent') {
      // The id AWS answered is what delivery events will name.
      expect(stored?.state === 'sent' ? stored.messageSid : undefined).toMatch(/^[0-9a-f-]{36}$/);
    }
    if (row.channel === 'web' && row.expect.outcomes.includes('sent')) {
      expect(outbox.delivered(user.id)).toEqual([AWS_BODY]);
    }

    // Privacy: logs name the user by id, never the number (AWS's error messages quote it), never the text.
    const digits = row.phone.slice(1);
    for (const line of lines) {
      expect(line).not.toContain(digits);
      expect(line).not.toContain(AWS_BODY);
    }
  });
});

describe('MESSAGING_PROVIDER', () => {
  const parts = () => {
    const stores = createMemoryStores();
    return {
      outbox: new LocalOutbox(createJsonLogger('silent')),
      outboundMessages: stores.outboundMessages,
      consent: stores.consent,
      clock: new ManualClock(),
      logger: createJsonLogger('silent'),
      awsSmsClient: awsClientOptions(),
    };
  };
  const twilio = {
    TWILIO_AUTH_TOKEN: 'provider-auth-token-0123456789ab',
    TWILIO_ACCOUNT_SID: `AC${'5'.repeat(32)}`,
    TWILIO_FROM_NUMBER: '+15550110900',
  };

  it('picks the sender of text messages', () => {
    const aws = { MESSAGING_PROVIDER: 'aws', AWS_SMS_ORIGINATION_IDENTITY: AWS_ORIGINATION_IDENTITY };
    expect(composeMessenger(loadConfig(aws), parts()).kind).toBe('aws-sms');
    expect(composeMessenger(loadConfig({ ...twilio, ...aws }), parts()).kind).toBe('aws-sms');
    expect(composeMessenger(loadConfig(twilio), parts()).kind).toBe('twilio');
    expect(composeMessenger(loadConfig({ ...twilio, MESSAGING_PROVIDER: 'local' }), parts()).kind).toBe(
      'local-outbox',
    );
  });

  it('with aws, WhatsApp still goes through Twilio when Twilio is configured', async () => {
    const p = parts();
    const messenger = composeMessenger(
      loadConfig({
        ...twilio,
        TWILIO_FROM_NUMBER: '',
        TWILIO_WHATSAPP_FROM: 'whatsapp:+15550110901',
        MESSAGING_PROVIDER: 'aws',
        AWS_SMS_ORIGINATION_IDENTITY: AWS_ORIGINATION_IDENTITY,
      }),
      { ...p, twilioApiBaseUrl: 'http://127.0.0.1:9' },
    );
    // No SMS sender on Twilio here, so an SMS can only have gone to AWS; Twilio's client would have failed.
    const sms = await messenger.send({ userId: 'u1', channel: 'sms', phone: '+15550110020' }, 'Hi', 'k-sms');
    expect(sms.status).toBe('sent');
    expect(api.requests).toHaveLength(1);
    // WhatsApp goes to Twilio, whose (unreachable) API makes the send retryable; AWS sees nothing more.
    await expect(
      messenger.send({ userId: 'u1', channel: 'whatsapp', phone: '+15550110020' }, 'Hi', 'k-wa', {
        whatsappWindow: 'open',
      }),
    ).rejects.toBeInstanceOf(MessengerError);
    expect(api.requests).toHaveLength(1);
  });

  it('refuses aws without an origination identity, and unknown providers, naming the variable', () => {
    expect(() => loadConfig({ MESSAGING_PROVIDER: 'aws' })).toThrow(ConfigError);
    expect(() => loadConfig({ MESSAGING_PROVIDER: 'aws' })).toThrow('AWS_SMS_ORIGINATION_IDENTITY');
    expect(() => loadConfig({ MESSAGING_PROVIDER: 'sns' })).toThrow('MESSAGING_PROVIDER');
    expect(() =>
      loadConfig({ MESSAGING_PROVIDER: 'aws', AWS_SMS_ORIGINATION_IDENTITY: 'pool id with spaces' }),
    ).toThrow('AWS_SMS_ORIGINATION_IDENTITY');
    expect(() => loadConfig({ AWS_SMS_CONFIGURATION_SET: 'set;drop' })).toThrow('AWS_SMS_CONFIGURATION_SET');
    expect(loadConfig({ AWS_SMS_MANAGED_OPT_OUT: 'true' }).awsSms.managedOptOut).toBe(true);
    expect(loadConfig({}).messagingProvider).toBe('twilio');
  });
});
