import { describe, expect, it } from 'vitest';
import {
  AUTH_TOKEN,
  BASE_URL,
  buildTestApp,
  signedTwilioRequest,
  smsParams,
  twimlMessages,
} from '../support/test-app.ts';

const PHONE = '+15551234567';

async function send(app: ReturnType<typeof buildTestApp>['app'], body: string, from = PHONE) {
  const response = await app.request(signedTwilioRequest(smsParams(from, body)));
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/xml/);
  return twimlMessages(await response.text());
}

describe('POST /webhooks/twilio', () => {
  it('answers a correctly signed message with TwiML', async () => {
    const { app } = buildTestApp();
    const response = await app.request(signedTwilioRequest(smsParams(PHONE, 'hi')));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    const xml = await response.text();
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><Response><Message>/);
    expect(twimlMessages(xml)[0]).toContain('Reply YES to agree');
  });

  it('refuses an unsigned request with 403 and does not process it', async () => {
    const { app, calls } = buildTestApp();
    const signed = signedTwilioRequest(smsParams(PHONE, 'hi'));
    const unsigned = new Request(signed.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: await signed.text(),
    });
    const response = await app.request(unsigned);
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      error: { code: 'invalid_signature', message: expect.any(String) },
    });
    expect(calls.count).toBe(0);
  });

  it('refuses a forged signature, a signature for other parameters and one made with another token', async () => {
    const { app, calls } = buildTestApp();
    const params = smsParams(PHONE, 'hi');
    const wrongToken = signedTwilioRequest(params, 'another-token-0123456789abcdef00');
    const tampered = signedTwilioRequest(params);
    const tamperedBody = new Request(tampered.url, {
      method: 'POST',
      headers: tampered.headers,
      body: new URLSearchParams({ ...params, Body: 'STOP' }).toString(),
    });
    const forged = signedTwilioRequest(params);
    forged.headers.set('x-twilio-signature', 'AAAAAAAAAAAAAAAAAAAAAAAAAAA=');
    for (const request of [wrongToken, tamperedBody, forged])
      expect((await app.request(request)).status).toBe(403);
    expect(calls.count).toBe(0);
  });

  it('processes the same MessageSid once, answering every retry identically', async () => {
    const { app, calls } = buildTestApp();
    const params = smsParams(PHONE, 'hi');
    const bodies: string[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await app.request(signedTwilioRequest(params));
      expect(response.status).toBe(200);
      bodies.push(await response.text());
    }
    expect(calls.count).toBe(1);
    expect(new Set(bodies).size).toBe(1);
  });

  it('processes concurrent deliveries of one MessageSid once', async () => {
    const { app, calls } = buildTestApp();
    const params = smsParams(PHONE, 'hi');
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => app.request(signedTwilioRequest(params))),
    );
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(calls.count).toBe(1);
  });

  it('answers 400 with a reason for a signed but malformed body', async () => {
    const { app, calls } = buildTestApp();
    const cases: Record<string, string>[] = [
      { MessageSid: 'not-a-sid', From: PHONE, Body: 'hi' },
      { MessageSid: `SM${'a'.repeat(32)}`, Body: 'hi' },
      { MessageSid: `SM${'b'.repeat(32)}`, From: 'not a number', Body: 'hi' },
      { MessageSid: `SM${'c'.repeat(32)}`, From: PHONE, Body: 'hi', NumMedia: 'many' },
    ];
    for (const params of cases) {
      const response = await app.request(signedTwilioRequest(params));
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('invalid_body');
      expect(body.error.message.length).toBeGreaterThan(3);
    }
    expect(calls.count).toBe(0);
  });

  it('answers 415 for a body that is not form-encoded', async () => {
    const { app } = buildTestApp();
    const response = await app.request(`${BASE_URL}/webhooks/twilio`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-twilio-signature': 'x' },
      body: '{"From":"+15551234567"}',
    });
    expect(response.status).toBe(415);
  });

  it('answers 413 for a body over 64 KiB', async () => {
    const { app, calls } = buildTestApp();
    const response = await app.request(signedTwilioRequest(smsParams(PHONE, 'x'.repeat(70 * 1024))));
    expect(response.status).toBe(413);
    expect(calls.count).toBe(0);
  });

  it('answers 404, never 5xx, when no Twilio auth token is configured', async () => {
    const { app } = buildTestApp({ authToken: undefined });
    const response = await app.request(signedTwilioRequest(smsParams(PHONE, 'hi'), AUTH_TOKEN));
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not_configured');
  });

  it('treats whatsapp:+1… and +1… as one user', async () => {
    const { app, stores } = buildTestApp();
    await send(app, 'hi', `whatsapp:${PHONE}`);
    await send(app, 'YES', PHONE);
    const user = await stores.users.findByPhone(PHONE);
    expect(user?.lastChannel).toBe('sms');
    expect((await stores.consent.latest(PHONE, 'health_data'))?.granted).toBe(true);
  });

  it('replies to a photo that photos are not read yet', async () => {
    const { app } = buildTestApp();
    await send(app, 'hi');
    await send(app, 'yes');
    const response = await app.request(
      signedTwilioRequest(smsParams(PHONE, '', { NumMedia: '1', MediaUrl0: 'https://api.twilio.com/x.jpg' })),
    );
    const replies = twimlMessages(await response.text());
    expect(replies[0]).toMatch(/can't read photos yet/);
    expect(replies[0]).toMatch(/2 eggs/);
  });
});

describe('STOP, START and HELP over the webhook', () => {
  it('confirms STOP once, then stays silent until START; HELP always answers', async () => {
    const { app } = buildTestApp();
    await send(app, 'hi');
    await send(app, 'yes');
    const stop = await send(app, 'STOP');
    expect(stop).toHaveLength(1);
    expect(stop[0]).toMatch(/unsubscribed/);
    expect(await send(app, 'hello?')).toEqual([]);
    expect(await send(app, 'lose weight')).toEqual([]);
    expect(await send(app, 'stop')).toHaveLength(1); // a repeated STOP is confirmed again, never ignored silently
    const help = await send(app, 'HELP');
    expect(help).toHaveLength(1);
    for (const phrase of [
      'AI Nutritionist',
      'help@example.org',
      'Msg & data rates may apply',
      'Reply STOP to cancel',
      'not medical advice',
    ]) {
      expect(help[0]).toContain(phrase);
    }
    const start = await send(app, 'START');
    expect(start[0]).toMatch(/resubscribed/);
    expect((await send(app, 'lose weight')).length).toBeGreaterThan(0);
  });

  it('records the opt-out but sends no confirmation when the provider manages opt-outs', async () => {
    const { app, stores } = buildTestApp({ managedOptOut: true });
    await send(app, 'hi');
    expect(await send(app, 'STOP')).toEqual([]);
    expect((await stores.consent.latest(PHONE, 'messaging'))?.granted).toBe(false);
    expect(await send(app, 'anything')).toEqual([]);
  });

  it('answers HELP before consent, in every state', async () => {
    const { app } = buildTestApp();
    const help = await send(app, 'help');
    expect(help[0]).toContain('Reply STOP to cancel');
  });

  it('keeps message bodies out of the store until consent is given', async () => {
    const { app, stores, clock } = buildTestApp();
    await send(app, 'hi, I weigh 90 kg');
    await send(app, 'what is this?');
    const user = await stores.users.findByPhone(PHONE);
    expect(user?.profile).toEqual({});
    expect(await stores.messages.listForUser(user?.id ?? '', clock.now())).toEqual([]);
    await send(app, 'YES');
    await send(app, 'lose weight');
    const logged = await stores.messages.listForUser(user?.id ?? '', clock.now());
    expect(logged.map((entry) => entry.body)).toContain('lose weight');
  });
});
