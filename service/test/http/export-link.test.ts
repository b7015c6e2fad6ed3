import { describe, expect, it } from 'vitest';
import type { UserExport } from '../../src/core/use-cases/export-user.ts';
import {
  BASE_URL,
  buildTestApp,
  signedTwilioRequest,
  smsParams,
  twimlMessages,
} from '../support/test-app.ts';

const PHONE = '+15550069101';
const ONBOARDING = [
  'hi',
  'yes',
  'maintain',
  'vegetarian, no allergies',
  'just me, $80 a week',
  '52 male 175cm 78kg light',
];

function setUp() {
  const test = buildTestApp();
  const send = async (body: string) =>
    twimlMessages(await (await test.app.request(signedTwilioRequest(smsParams(PHONE, body)))).text()).join(
      '\n',
    );
  const exportLink = async () => {
    const reply = await send('export my data');
    const link = reply.match(/https:\/\/coach\.example\.test\/export\/([A-Za-z0-9_-]+)/);
    expect(link, reply).not.toBeNull();
    return link?.[0] ?? '';
  };
  return { ...test, send, exportLink };
}

describe('GET /export/<token>', () => {
  it('downloads everything stored about the user once, as a JSON attachment', async () => {
    const { app, send, exportLink, stores } = setUp();
    for (const text of ONBOARDING) await send(text);
    expect(await send('plan')).toContain('/p/');
    expect(await send('had 2 eggs and a slice of toast')).toMatch(/logged/i);
    const link = await exportLink();
    // The token says nothing about the user.
    expect(link).not.toContain(PHONE.slice(2));
    const user = await stores.users.findByPhone(PHONE);
    expect(link).not.toContain(user?.id ?? 'no user');

    const response = await app.request(link);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="nutritionist-export-2026-11-26\.json"$/,
    );
    expect(response.headers.get('cache-control')).toBe('no-store');
    const data = (await response.json()) as UserExport;
    expect(data.format).toBe('ai-nutritionist-export/1');
    // Whole records: the stored user exactly as the store returns it, profile and all.
    expect(data.user).toEqual(user);
    expect(data.user.profile.diet).toBe('vegetarian');
    expect(data.consent.map((record) => `${record.purpose}:${record.granted}`)).toEqual([
      'health_data:true',
      'messaging:true',
    ]);
    const bodies = data.messages.map((message) => message.body);
    expect(bodies).toEqual(
      expect.arrayContaining(['52 male 175cm 78kg light', 'had 2 eggs and a slice of toast']),
    );
    const times = data.messages.map((message) => message.at);
    expect(times).toEqual([...times].sort());
    // The bearer link itself is never logged, so it cannot leak through the message log or a later export.
    expect(bodies.some((body) => body.includes('/export/'))).toBe(false);
    expect(data.plans).toHaveLength(1);
    expect(data.plans[0]?.plan.days.length).toBeGreaterThan(0);
    expect(data.foodLog.map((entry) => entry.foodId).length).toBeGreaterThan(0);
    expect(data.conversationState).toMatchObject({ stage: 'ready' });

    const again = await app.request(link);
    expect(again.status).toBe(410);
    expect(await again.json()).toEqual({
      error: { code: 'gone', message: expect.stringContaining('already been used') },
    });
  });

  it('answers 404 for unknown, malformed and expired links, and after an erasure', async () => {
    const { app, send, exportLink, clock } = setUp();
    for (const text of ONBOARDING) await send(text);
    expect((await app.request(`${BASE_URL}/export/AAAAAAAAAAAAAAAAAAAAAAAAAA`)).status).toBe(404);
    expect(
      (await app.request(`${BASE_URL}/export/${encodeURIComponent("'; DROP TABLE users;--")}`)).status,
    ).toBe(404);

    const expiring = await exportLink();
    clock.advance(24 * 3_600_000);
    const fresh = await exportLink();
    clock.advance(1);
    const gone = await app.request(expiring);
    expect(gone.status).toBe(404);
    expect(await gone.json()).toEqual({
      error: { code: 'not_found', message: expect.stringContaining('EXPORT') },
    });

    await send('delete my data');
    await send('DELETE ALL');
    expect((await app.request(fresh)).status).toBe(404);
  });

  it('works in Spanish and for a user who only sent STOP', async () => {
    const { app, send } = setUp();
    await send('STOP');
    const reply = await send('exportar mis datos');
    expect(reply).toContain('24 horas');
    const link = reply.match(/https:\/\/coach\.example\.test\/export\/[A-Za-z0-9_-]+/)?.[0] ?? '';
    const data = (await (await app.request(link)).json()) as UserExport;
    expect(data.user.phone).toBe(PHONE);
    expect(data.consent.map((record) => record.method)).toEqual(['sms:keyword:STOP']);
    expect(data.messages).toEqual([]);
  });
});
