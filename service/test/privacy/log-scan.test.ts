import { describe, expect, it } from 'vitest';
import { createJsonLogger } from '../../src/adapters/system/json-logger.ts';
import { cookieOf } from '../http/web-test-client.ts';
import {
  BASE_URL,
  buildTestApp,
  signedTwilioRequest,
  smsParams,
  twimlMessages,
} from '../support/test-app.ts';

const PHONE = '+15550960001';
const WHATSAPP = '+15550960002';
const INVITEE = '+15550960003';
const PHONES = [PHONE, WHATSAPP, INVITEE];

/** Every way a number might be printed: E.164, bare digits, national digits and the usual US punctuation. */
function phoneForms(e164: string): string[] {
  const digits = e164.slice(1);
  const national = digits.slice(1);
  const [area, prefix, line] = [national.slice(0, 3), national.slice(3, 6), national.slice(6)];
  return [
    e164,
    digits,
    national,
    `(${area}) ${prefix}-${line}`,
    `${area}-${prefix}-${line}`,
    `${area}.${prefix}.${line}`,
  ];
}

/** A representative run: onboarding over SMS and WhatsApp, plan, logging, export, web API, STOP, erasure. */
async function representativeRun() {
  const lines: string[] = [];
  const logger = createJsonLogger('debug', (line) => lines.push(line));
  const test = buildTestApp({ logger });
  const { app } = test;
  const sent: string[] = [];
  const replies: string[] = [];
  const sms = async (from: string, body: string) => {
    sent.push(body);
    const response = await app.request(signedTwilioRequest(smsParams(from, body)));
    expect(response.status).toBe(200);
    const said = twimlMessages(await response.text());
    replies.push(...said);
    return said.join('\n');
  };
  const api = async (path: string, cookie: string, init: { method?: string; body?: unknown } = {}) => {
    if (init.body !== undefined && typeof init.body === 'object' && init.body && 'text' in init.body) {
      sent.push(String((init.body as { text: unknown }).text));
    }
    const response = await app.request(`${BASE_URL}${path}`, {
      method: init.method ?? 'GET',
      headers: { cookie, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    expect(response.status, `${path}: ${response.status}`).toBeLessThan(500);
    return response;
  };

  for (const from of [PHONE, `whatsapp:${WHATSAPP}`]) {
    for (const text of [
      'hello there coach',
      'yes please',
      'maintain my weight',
      'allergic to peanuts, vegetarian',
      'just me, $85 a week',
      '38 female 168cm 64kg moderate',
    ]) {
      await sms(from, text);
    }
  }
  const planReply = await sms(PHONE, 'plan');
  const planToken = planReply.match(/\/p\/([A-Za-z0-9_-]+)/)?.[1] ?? '';
  expect(planToken, planReply).not.toBe('');
  expect((await app.request(`${BASE_URL}/p/${planToken}`)).status).toBe(200);
  await sms(PHONE, 'had two scrambled eggs and a banana for breakfast');
  await sms(PHONE, 'what should I eat before my marathon training run');
  const exportReply = await sms(PHONE, 'export my data');
  const exportLink = exportReply.match(/https:\/\/coach\.example\.test\/export\/[A-Za-z0-9_-]+/)?.[0];
  expect(exportLink, exportReply).toBeDefined();
  expect((await app.request(exportLink ?? '')).status).toBe(200);

  const signIn = (await sms(PHONE, 'web')).match(/\/signin\/([A-Za-z0-9_-]+)/)?.[1];
  expect(signIn).toBeDefined();
  // The page before the button: the token is still unused when this request is logged.
  expect((await app.request(`${BASE_URL}/signin/${signIn}`)).status).toBe(200);
  const cookie = cookieOf(await app.request(`${BASE_URL}/signin/${signIn}`, { method: 'POST' }));
  expect(cookie).toContain('=');
  await api('/api/session', cookie);
  await api('/api/plan', cookie);
  await api('/api/log', cookie, { method: 'POST', body: { text: 'a bowl of oatmeal with blueberries' } });
  await api('/api/chat', cookie, {
    method: 'POST',
    body: { text: 'can I swap dinner for lentil soup tonight' },
  });
  await api('/api/settings', cookie, { method: 'PATCH', body: { goalWeightKg: 62 } });
  await api('/api/household/invite', cookie, {
    method: 'POST',
    body: { phone: INVITEE, relation: 'partner' },
  });
  await api('/api/export', cookie, { method: 'POST', body: {} });

  await sms(`whatsapp:${WHATSAPP}`, 'STOP');
  await sms(`whatsapp:${WHATSAPP}`, 'START');
  await sms(PHONE, 'delete my data');
  await sms(PHONE, 'DELETE ALL');
  await test.queue.whenIdle();
  const exportToken = exportLink?.split('/').pop() ?? '';
  const bearerTokens = [planToken, exportToken, signIn ?? ''];
  return { log: lines.join(''), lines, sent, replies, bearerTokens };
}

describe('the JSON logs of a representative run', () => {
  it('hold no phone number and no message text, in or out', async () => {
    const { log, lines, sent, replies } = await representativeRun();
    // The run did log (an empty log would pass every check below).
    expect(lines.length).toBeGreaterThan(20);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    for (const phone of PHONES) {
      for (const form of phoneForms(phone)) expect(log, `a log line holds ${form}`).not.toContain(form);
    }
    const leakedE164 = log.match(/\+\d{7,15}/g) ?? [];
    expect(leakedE164).toEqual([]);
    for (const text of sent.filter((body) => body.length >= 8)) {
      expect(log.toLowerCase(), `a log line holds the text "${text}"`).not.toContain(text.toLowerCase());
    }
    for (const reply of replies) {
      for (const sentence of reply.split(/(?<=[.!?])\s+|\n/).filter((part) => part.length >= 30)) {
        expect(log, `a log line holds the reply "${sentence}"`).not.toContain(sentence);
      }
    }
  }, 30_000);
});

describe('the request log of a representative run', () => {
  it('holds no bearer token of a /p/, /export/ or /signin/ link, only the route pattern', async () => {
    const { log, lines, bearerTokens } = await representativeRun();
    for (const token of bearerTokens) {
      expect(token.length).toBeGreaterThan(10);
      expect(log, `a log line holds the bearer token ${token}`).not.toContain(token);
    }
    const paths = lines
      .map((line) => JSON.parse(line) as { event: string; path?: string })
      .filter((entry) => entry.event === 'http_request')
      .map((entry) => entry.path);
    expect(paths).toEqual(expect.arrayContaining(['/p/:token', '/export/:token', '/signin/:token']));
  }, 30_000);

  it('holds no /m/<id> message id either (the id alone shows the message)', async () => {
    const lines: string[] = [];
    const { app } = buildTestApp({ logger: createJsonLogger('debug', (line) => lines.push(line)) });
    const id = '3f1c2b9e-8d7a-4c21-9e55-0a1b2c3d4e5f';
    expect((await app.request(`${BASE_URL}/m/${id}`)).status).toBe(404);
    expect(lines.join('')).not.toContain(id);
    expect(lines.join('')).toContain('/m/:id');
  });
});

describe('the JSON logger itself', () => {
  it('masks an E.164 number that slips into any field, however deep, as the Powertools logger does', () => {
    const lines: string[] = [];
    const logger = createJsonLogger('debug', (line) => lines.push(line));
    logger.error('send_failed', {
      error: 'Twilio 21211: invalid To number +15550960009',
      nested: { to: 'whatsapp:+34600111222', list: ['+447700900123'] },
    });
    const [line] = lines;
    expect(line).toBeDefined();
    for (const digits of ['15550960009', '34600111222', '447700900123']) expect(line).not.toContain(digits);
    const parsed = JSON.parse(line ?? '{}') as { event: string; error: string; nested: { to: string } };
    expect(parsed.event).toBe('send_failed');
    expect(parsed.error).toMatch(/^Twilio 21211: invalid To number \+1•+09$/);
    expect(parsed.nested.to).toMatch(/^whatsapp:\+3•+22$/);
  });
});
