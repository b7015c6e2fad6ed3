import { describe, expect, it } from 'vitest';
import { SETTINGS_PROFILE_ROWS } from '../fixtures/web-app-gaps.ts';
import { webTestApp } from './web-test-client.ts';

const PHONE = '+15550170201';
const GET_ROW = SETTINGS_PROFILE_ROWS.at(-1);

describe('Settings sets goal, goal weight and body through the chat rules (expected rows)', () => {
  it.each(SETTINGS_PROFILE_ROWS.filter((row) => row !== GET_ROW))('$name', async (row) => {
    const { onboard, signIn, api, stores } = webTestApp();
    await onboard(PHONE);
    const cookie = await signIn(PHONE);
    const response = await api('/api/settings', cookie, { method: 'PATCH', body: row.body });
    const json = (await response.json()) as { message?: string; error?: { code: string; message: string } };
    expect(response.status, JSON.stringify(json)).toBe(row.status);
    if (row.errorCode) expect(json.error?.code).toBe(row.errorCode);
    const said = (json.message ?? json.error?.message ?? '').toLowerCase();
    for (const fragment of row.says) expect(said).toContain(fragment.toLowerCase());
    const profile = (await stores.users.findByPhone(PHONE))?.profile;
    expect(profile).toMatchObject(row.profile);
    if (row.name.includes('clears')) expect(profile?.goalWeightKg).toBeUndefined();
  });

  it(`${GET_ROW?.name}`, async () => {
    const { onboard, signIn, api } = webTestApp();
    await onboard(PHONE);
    const cookie = await signIn(PHONE);
    await api('/api/settings', cookie, { method: 'PATCH', body: { goalWeightKg: 60 } });
    const settings = await (await api('/api/settings', cookie)).json();
    expect(settings).toMatchObject({
      goal: 'maintain',
      goalWeightKg: 60,
      body: { age: 40, sex: 'female', heightCm: 165, weightKg: 62, activity: 'light' },
      billing: { enabled: false, tier: null },
    });
  });
});

describe('the chat rules apply in the chat and on the page alike', () => {
  it('a goal weight the chat refuses is refused on the page with the same words, in Spanish too', async () => {
    const { onboard, signIn, api, sms } = webTestApp();
    await onboard(PHONE);
    const chat = await sms(PHONE, 'my goal weight is 45 kg');
    const cookie = await signIn(PHONE);
    const page = await api('/api/settings', cookie, { method: 'PATCH', body: { goalWeightKg: 45 } });
    expect(((await page.json()) as { error: { message: string } }).error.message).toBe(chat);
    const es = await api('/api/settings', cookie, {
      method: 'PATCH',
      body: { locale: 'es', goalWeightKg: 45 },
    });
    expect(((await es.json()) as { error: { message: string } }).error.message).toMatch(/peso/i);
  });

  it('allergies from the page: the ticked list replaces the old one (an untick is explicit) and is confirmed', async () => {
    const { onboard, signIn, api, stores } = webTestApp();
    await onboard(PHONE);
    const cookie = await signIn(PHONE);
    const added = await api('/api/settings', cookie, {
      method: 'PATCH',
      body: { allergies: ['peanut', 'sesame'] },
    });
    expect(((await added.json()) as { message: string }).message).toMatch(/got it.*peanut/i);
    expect((await stores.users.findByPhone(PHONE))?.profile.allergies).toEqual(['peanut', 'sesame']);
    await api('/api/settings', cookie, { method: 'PATCH', body: { allergies: ['sesame'] } });
    expect((await stores.users.findByPhone(PHONE))?.profile.allergies).toEqual(['sesame']);
  });

  it('an anonymous web user who has not agreed to keep health data cannot store body data', async () => {
    const { api } = webTestApp();
    const first = await api('/api/chat', undefined, { method: 'POST', body: { text: 'hi' } });
    const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const response = await api('/api/settings', cookie, {
      method: 'PATCH',
      body: { body: { weightKg: 70 } },
    });
    expect(response.status).toBe(409);
  });
});
