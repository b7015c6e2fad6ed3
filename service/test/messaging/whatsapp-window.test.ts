import { afterAll, beforeAll, expect, it } from 'vitest';
import { createMemoryStores } from '../../src/adapters/memory/index.ts';
import { composeMessenger } from '../../src/composition/messenger.ts';
import { loadConfig } from '../../src/config/config.ts';
import { silentLogger } from '../../src/core/ports/logger.port.ts';
import { deliverMessage } from '../../src/core/use-cases/deliver-message.ts';
import { FakeTwilioApi } from '../support/fake-twilio-api.ts';
import { AUTH_TOKEN, BASE_URL, buildTestApp, signedTwilioRequest, smsParams } from '../support/test-app.ts';

const ACCOUNT_SID = `AC${'6'.repeat(32)}`;
const TEMPLATE_SID = `HX${'b'.repeat(32)}`;
const PHONE = '+15550070060';
const HOUR = 3_600_000;

const api = new FakeTwilioApi(ACCOUNT_SID, AUTH_TOKEN);
beforeAll(async () => {
  await api.start();
});
afterAll(async () => {
  await api.stop();
});

/**
 * The whole path: the user writes on WhatsApp through the signed webhook (which stamps `lastInboundAt`), queued
 * work then sends free text inside 24 hours and the template after; after STOP nothing reaches Twilio.
 */
it('WhatsApp: free text inside 24 h of the last inbound message, the template after, nothing after STOP', async () => {
  const stores = createMemoryStores();
  const test = buildTestApp({ stores });
  const inbound = async (body: string) => {
    const response = await test.app.request(signedTwilioRequest(smsParams(`whatsapp:${PHONE}`, body)));
    expect(response.status).toBe(200);
  };
  await inbound('hola');
  const user = await test.stores.users.findByPhone(PHONE);
  expect(user).toMatchObject({ lastChannel: 'whatsapp', lastInboundAt: test.clock.now().toISOString() });
  if (!user) return;

  const config = loadConfig({
    PUBLIC_BASE_URL: BASE_URL,
    TWILIO_AUTH_TOKEN: AUTH_TOKEN,
    TWILIO_ACCOUNT_SID: ACCOUNT_SID,
    TWILIO_WHATSAPP_FROM: 'whatsapp:+15550070901',
    TWILIO_WHATSAPP_TEMPLATE_SID: TEMPLATE_SID,
  });
  const messenger = composeMessenger(config, {
    outbox: test.outbox,
    outboundMessages: stores.outboundMessages,
    consent: test.stores.consent,
    clock: test.clock,
    logger: silentLogger,
    twilioApiBaseUrl: api.url,
  });
  const deps = { ...test.inboundDeps, messenger };
  const current = async () => (await test.stores.users.findById(user.id)) ?? user;

  test.clock.advance(23 * HOUR);
  expect(await deliverMessage(deps, await current(), 'Your plan is ready.', 'k1')).toMatchObject({
    status: 'sent',
  });
  expect(api.requests.at(-1)?.form).toMatchObject({ To: `whatsapp:${PHONE}`, Body: 'Your plan is ready.' });
  expect(api.requests.at(-1)?.form).not.toHaveProperty('ContentSid');

  test.clock.advance(2 * HOUR);
  expect(await deliverMessage(deps, await current(), 'Your plan is ready.', 'k2')).toMatchObject({
    status: 'sent',
  });
  expect(api.requests.at(-1)?.form).toMatchObject({
    ContentSid: TEMPLATE_SID,
    ContentVariables: JSON.stringify({ '1': 'Your plan is ready.' }),
  });
  expect(api.requests.at(-1)?.form).not.toHaveProperty('Body');

  // Writing again reopens the window.
  await inbound('gracias');
  expect(await deliverMessage(deps, await current(), 'Tomorrow: oats.', 'k3')).toMatchObject({
    status: 'sent',
  });
  expect(api.requests.at(-1)?.form).toMatchObject({ Body: 'Tomorrow: oats.' });

  await inbound('STOP');
  const before = api.requests.length;
  expect(await deliverMessage(deps, await current(), 'One more thing', 'k4')).toEqual({
    status: 'not_sent',
    reason: 'opted_out',
  });
  expect(api.requests).toHaveLength(before);
});
