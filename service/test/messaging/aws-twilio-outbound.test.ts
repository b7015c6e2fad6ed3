import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryStores } from '../../src/adapters/memory/index.ts';
import { composeAwsMessenger } from '../../src/composition/aws-messenger.ts';
import { loadConfig } from '../../src/config/config.ts';
import type { Logger } from '../../src/core/ports/logger.port.ts';
import { FakeTwilioApi } from '../support/fake-twilio-api.ts';
import { ManualClock } from '../support/test-app.ts';

const ACCOUNT_SID = `AC${'a1'.repeat(16)}`;
const AUTH_TOKEN = 'aws-twilio-auth-token-0123456789';
const FROM = '+15550009999';
const PHONE = '+15557770202';
const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} };

const api = new FakeTwilioApi(ACCOUNT_SID, AUTH_TOKEN);
beforeAll(async () => {
  await api.start();
});
afterAll(async () => {
  await api.stop();
});

/** The AWS functions' messenger (worker, HTTP) with Twilio configured, over memory stores and the fake Twilio API. */
async function awsMessenger(env: Record<string, string>) {
  const stores = createMemoryStores();
  const clock = new ManualClock(new Date('2026-11-26T12:00:00Z'));
  await stores.consent.append({
    subject: PHONE,
    purpose: 'messaging',
    granted: true,
    method: 'sms:first-message',
    textVersion: 'consent-2026-11-v1',
    at: '2026-11-25T12:00:00.000Z',
  });
  const messenger = composeAwsMessenger(
    loadConfig({ PUBLIC_BASE_URL: 'https://coach.example.test', ...env }),
    {
      stores,
      clock,
      logger: silent,
      twilioApiBaseUrl: api.url,
    },
  );
  return { messenger, stores };
}

describe('queued messages on AWS with Twilio (weekly plans, household plans, billing notices)', () => {
  it('go out through Twilio, once per key, loading the SDK on the first send', async () => {
    api.reset();
    const { messenger } = await awsMessenger({
      MESSAGING_PROVIDER: 'twilio',
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_FROM_NUMBER: FROM,
    });
    const to = { userId: 'u-1', channel: 'sms' as const, phone: PHONE };
    expect(await messenger.send(to, 'Your week is ready', 'weekly:u-1:2026-W48')).toMatchObject({
      status: 'sent',
    });
    expect(await messenger.send(to, 'Your week is ready', 'weekly:u-1:2026-W48')).toEqual({
      status: 'duplicate',
    });
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]?.form).toMatchObject({ To: PHONE, From: FROM, Body: 'Your week is ready' });
  });

  it('are refused as no_route, never reported sent, when Twilio is not configured', async () => {
    api.reset();
    const { messenger } = await awsMessenger({ MESSAGING_PROVIDER: 'twilio' });
    const to = { userId: 'u-1', channel: 'sms' as const, phone: PHONE };
    expect(await messenger.send(to, 'Your week is ready', 'weekly:u-1:2026-W49')).toEqual({
      status: 'not_sent',
      reason: 'no_route',
    });
    expect(api.requests).toHaveLength(0);
  });
});
