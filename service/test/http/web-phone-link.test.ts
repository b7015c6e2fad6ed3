import { describe, expect, it } from 'vitest';
import { PHONE_LINK_ROWS } from '../fixtures/web-app-gaps.ts';
import { cookieOf, webTestApp } from './web-test-client.ts';

const PHONE = '+15550170101';
const OTHER_PHONE = '+15550170102';
const MINUTE = 60_000;

/** An anonymous web-chat user W (and, when asked, a second one B), with helpers to ask for and enter codes. */
async function setUp() {
  const web = webTestApp();
  const anonymous = async () => {
    const first = await web.api('/api/chat', undefined, { method: 'POST', body: { text: 'hi' } });
    const cookie = cookieOf(first);
    await web.api('/api/chat', cookie, { method: 'POST', body: { text: 'yes' } });
    return cookie;
  };
  const w = await anonymous();
  const userOf = async (cookie: string) => {
    const user = await web.stores.users.findByWebSession(cookie.split('=')[1] ?? '');
    if (!user) throw new Error('no such web user');
    return user;
  };
  const requestCode = (phone: string, cookie = w) =>
    web.api('/api/phone/code', cookie, { method: 'POST', body: { phone } });
  const verify = (code: string, cookie = w) =>
    web.api('/api/phone/verify', cookie, { method: 'POST', body: { code } });
  /** Every code texted to W so far, oldest first. */
  const codes = async () =>
    web.outbox
      .delivered((await userOf(w)).id)
      .map((body) => body.match(/\b(\d{6})\b/)?.[1])
      .filter((code): code is string => code !== undefined);
  const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');
  return { ...web, w, anonymous, userOf, requestCode, verify, codes, wrong };
}

type Setup = Awaited<ReturnType<typeof setUp>>;

/** Each fixture row, run as its steps say; returns the last response. */
type Run = (s: Setup) => Response | Promise<Response>;

const RUNS: Record<string, Run> = {
  [PHONE_LINK_ROWS[0]?.name ?? '']: (s) => s.requestCode(PHONE),
  [PHONE_LINK_ROWS[1]?.name ?? '']: async (s) => {
    await s.requestCode(PHONE);
    const response = await s.verify((await s.codes())[0] ?? '');
    const session = await s.api('/api/session', s.w);
    expect(await session.json()).toMatchObject({ hasPhone: true });
    return response;
  },
  [PHONE_LINK_ROWS[2]?.name ?? '']: async (s) => {
    await s.requestCode(PHONE);
    const response = await s.verify(s.wrong((await s.codes())[0] ?? ''));
    const body = (await response.clone().json()) as { error: { message: string } };
    expect(body.error.message).toContain('4 tries left');
    return response;
  },
  [PHONE_LINK_ROWS[3]?.name ?? '']: async (s) => {
    await s.requestCode(PHONE);
    const code = (await s.codes())[0] ?? '';
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await s.verify(s.wrong(code))).status);
    expect(statuses).toEqual([400, 400, 400, 400, 429]);
    return s.verify(code);
  },
  [PHONE_LINK_ROWS[4]?.name ?? '']: async (s) => {
    await s.requestCode(PHONE);
    s.clock.advance(10 * MINUTE + 1000);
    return s.verify((await s.codes())[0] ?? '');
  },
  [PHONE_LINK_ROWS[5]?.name ?? '']: async (s) => {
    await s.requestCode(PHONE);
    const b = await s.anonymous();
    const response = await s.verify((await s.codes())[0] ?? '', b);
    expect((await s.userOf(b)).phone).toBeUndefined();
    return response;
  },
  [PHONE_LINK_ROWS[6]?.name ?? '']: async (s) => {
    await s.onboard(PHONE);
    const owner = await s.stores.users.findByPhone(PHONE);
    const response = await s.requestCode(PHONE);
    const body = (await response.clone().json()) as { error: { message: string } };
    expect(body.error.message).toMatch(/already has its own account.*not merged/);
    expect(await s.stores.users.findByPhone(PHONE)).toEqual(owner);
    return response;
  },
  [PHONE_LINK_ROWS[7]?.name ?? '']: async (s) => {
    await s.stores.consent.append({
      subject: PHONE,
      purpose: 'messaging',
      granted: false,
      method: 'sms:keyword:STOP',
      textVersion: '1',
      at: s.clock.now().toISOString(),
    });
    return s.requestCode(PHONE);
  },
  [PHONE_LINK_ROWS[8]?.name ?? '']: async (s) => {
    for (let i = 0; i < 3; i++) {
      expect((await s.requestCode(PHONE)).status).toBe(200);
      s.clock.advance(MINUTE);
    }
    return s.requestCode(PHONE);
  },
  [PHONE_LINK_ROWS[9]?.name ?? '']: async (s) => {
    await s.requestCode(PHONE);
    await s.requestCode(PHONE);
    const [first, second] = await s.codes();
    // One in a million: the second code may equal the first; then the row says nothing.
    if (first === second) return s.verify(s.wrong(first ?? ''));
    return s.verify(first ?? '');
  },
  [PHONE_LINK_ROWS[10]?.name ?? '']: (s) => s.requestCode('555-0199'),
  [PHONE_LINK_ROWS[11]?.name ?? '']: async (s) => {
    expect((await s.requestCode(PHONE, '')).status).toBe(401);
    return s.api('/api/phone/code', s.w, {
      method: 'POST',
      body: { phone: PHONE },
      headers: { origin: 'https://evil.example' },
    });
  },
};

describe('a web-only user attaches a phone with an SMS code (expected rows)', () => {
  it.each(PHONE_LINK_ROWS)('$name', async (row) => {
    const run = RUNS[row.name];
    expect(run, 'a run for every row').toBeDefined();
    const s = await setUp();
    const response = await (run as Run)(s);
    expect(response.status).toBe(row.status);
    if (row.errorCode) {
      const body = (await response.json()) as { error: { code: string } };
      expect(body.error.code).toBe(row.errorCode);
    }
    const w = await s.userOf(s.w);
    expect(w.phone === PHONE).toBe(row.linked);
    expect(await s.codes()).toHaveLength(row.smsSent);
  });
});

describe('linking keeps the account whole', () => {
  it('stores only a hash of the code, and the linked account keeps chatting without a new consent question', async () => {
    const s = await setUp();
    await s.requestCode(PHONE);
    const [code = ''] = await s.codes();
    const pending = (await s.userOf(s.w)).profile.phoneLink;
    expect(pending?.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(pending)).not.toContain(code);
    expect((await s.verify(code)).status).toBe(200);
    const linked = await s.userOf(s.w);
    expect(linked.profile.phoneLink).toBeUndefined();
    expect((await s.stores.consent.latest(PHONE, 'messaging'))?.granted).toBe(true);
    // The number now reaches the same account by SMS, and the web chat goes on where it was.
    expect((await s.stores.users.findByPhone(PHONE))?.id).toBe(linked.id);
    const reply = await s.api('/api/chat', s.w, { method: 'POST', body: { text: 'maintain' } });
    const replyText = JSON.stringify(await reply.json());
    expect(replyText).toMatch(/allergies/i);
    expect(replyText).not.toMatch(/agree|consent/i);
    // A second number cannot be attached on top.
    const again = await s.requestCode(OTHER_PHONE);
    expect(again.status).toBe(409);
  });

  it('speaks Spanish to a Spanish account: the SMS and the refusal', async () => {
    const s = await setUp();
    await s.api('/api/settings', s.w, { method: 'PATCH', body: { locale: 'es' } });
    await s.requestCode(PHONE);
    const user = await s.userOf(s.w);
    expect(s.outbox.delivered(user.id).at(-1)).toContain('Tu código');
    const wrong = await s.verify('000000');
    const body = (await wrong.json()) as { error: { message: string } };
    expect(body.error.message).toMatch(/no es correcto|Quedan/);
  });
});
