import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
import { createMemoryStores } from '../../src/adapters/memory/index.ts';
import { createJsonLogger } from '../../src/adapters/system/json-logger.ts';
import { createApp } from '../../src/http/app.ts';
import type { AppDeps } from '../../src/http/app-deps.ts';
import { DELIVERY_FAILED_EVENT } from '../../src/http/twilio-status-webhook.ts';
import {
  STATUS_CALLBACK_CASES,
  type StatusCallbackStep,
} from '../fixtures/twilio-outbound/expected-status-callbacks.ts';
import { AUTH_TOKEN, BASE_URL, ManualClock } from '../support/test-app.ts';

const STATUS_URL = `${BASE_URL}/webhooks/twilio/status`;
const TO = '+15550070050';

function statusApp(options: { authToken?: string; withStore?: boolean } = {}) {
  const stores = createMemoryStores();
  const lines: string[] = [];
  const deps: AppDeps = {
    version: '0.1.0-test',
    publicBaseUrl: BASE_URL,
    adapters: { store: stores.kind },
    stores,
    logger: createJsonLogger('debug', (line) => lines.push(line)),
    clock: new ManualClock(),
    handleInbound: () => Promise.reject(new Error('no inbound messages in these tests')),
    twilio: { authToken: 'authToken' in options ? options.authToken : AUTH_TOKEN },
    ...(options.withStore === false ? {} : { outboundMessages: stores.outboundMessages }),
    brandName: 'AI Nutritionist',
  };
  return { app: createApp(deps), store: stores.outboundMessages, lines };
}

/** The parameters Twilio posts to a status callback (SMS), signed as Twilio signs them. */
function callback(messageSid: string, step: StatusCallbackStep): Request {
  const params: Record<string, string> = {
    AccountSid: `AC${'5'.repeat(32)}`,
    ApiVersion: '2010-04-01',
    From: '+15550070900',
    To: TO,
    MessageSid: step.MessageSid ?? messageSid,
    SmsSid: step.MessageSid ?? messageSid,
    SmsStatus: step.MessageStatus,
    MessageStatus: step.MessageStatus,
    ...(step.ErrorCode === undefined ? {} : { ErrorCode: step.ErrorCode }),
  };
  const signature =
    step.signature === 'forged'
      ? twilio.getExpectedTwilioSignature('forged-token-0123456789abcdef', STATUS_URL, params)
      : twilio.getExpectedTwilioSignature(AUTH_TOKEN, STATUS_URL, params);
  return new Request(STATUS_URL, {
    method: 'POST',
    headers: {
      'content-type': step.json ? 'application/json' : 'application/x-www-form-urlencoded',
      ...(step.signature === 'missing' ? {} : { 'x-twilio-signature': signature }),
    },
    body: step.json ? JSON.stringify(params) : new URLSearchParams(params).toString(),
  });
}

describe('POST /webhooks/twilio/status', () => {
  it.each(STATUS_CALLBACK_CASES.map((c, index) => [c.name, c, index] as const))(
    '%s',
    async (_name, testCase, index) => {
      const { app, store, lines } = statusApp();
      const messageSid = `SM${index.toString(16).padStart(32, 'c')}`;
      const answers: number[] = [];
      for (const step of testCase.steps) {
        const response = await app.request(callback(messageSid, step));
        answers.push(response.status);
      }
      expect(answers).toEqual(testCase.steps.map((step) => step.expectHttp));

      const stored = await store.status(messageSid);
      if (testCase.expectStored === 'none') expect(stored).toBeUndefined();
      else expect(stored).toMatchObject(testCase.expectStored);
      if (testCase.expectStored !== 'none' && testCase.expectStored.errorCode === undefined) {
        expect(stored?.errorCode).toBeUndefined();
      }

      const failures = lines.map((line) => JSON.parse(line)).filter((l) => l.event === DELIVERY_FAILED_EVENT);
      expect(failures).toHaveLength(testCase.expectFailureLines);
      for (const failure of failures) {
        // One line a metric filter can count: fixed event, the status and Twilio's code, nothing personal.
        expect(failure).toMatchObject({ level: 'warn', messageSid, status: expect.any(String) });
        if (testCase.expectStored !== 'none' && testCase.expectStored.errorCode !== undefined) {
          expect(failure.errorCode).toBe(testCase.expectStored.errorCode);
        }
      }
      for (const line of lines) {
        expect(line).not.toContain(TO.slice(1));
        expect(line).not.toContain('15550070900');
      }
    },
  );

  it('never answers 5xx when the store fails: logs it and answers 204', async () => {
    const { app, store, lines } = statusApp();
    store.recordStatus = () => Promise.reject(new Error('disk full'));
    const response = await app.request(
      callback(`SM${'e'.repeat(32)}`, { MessageStatus: 'failed', ErrorCode: '30003', expectHttp: 204 }),
    );
    expect(response.status).toBe(204);
    expect(lines.some((line) => line.includes('twilio_status_not_recorded'))).toBe(true);
  });

  it('answers 404 when Twilio is not configured', async () => {
    const step: StatusCallbackStep = { MessageStatus: 'delivered', expectHttp: 404 };
    expect(
      (await statusApp({ authToken: undefined }).app.request(callback(`SM${'f'.repeat(32)}`, step))).status,
    ).toBe(404);
    expect(
      (await statusApp({ withStore: false }).app.request(callback(`SM${'f'.repeat(32)}`, step))).status,
    ).toBe(404);
  });

  it('is described in the OpenAPI document', async () => {
    const { app } = statusApp();
    const document = (await (await app.request('/api/openapi.json')).json()) as {
      paths: Record<string, { post?: { responses: Record<string, unknown> } }>;
    };
    const route = document.paths['/webhooks/twilio/status'];
    expect(Object.keys(route?.post?.responses ?? {}).sort()).toEqual([
      '204',
      '400',
      '403',
      '404',
      '413',
      '415',
    ]);
  });
});
