import { describe, expect, it } from 'vitest';
import { BASE_URL } from '../support/test-app.ts';
import { cookieOf, webTestApp } from './web-test-client.ts';

const PHONE = '+15550140101';
const MINUTE = 60_000;

describe('sign-in link (web over SMS)', () => {
  it('GET shows a button and uses nothing; POST signs in once; a second POST is 410', async () => {
    const { onboard, signInToken, openLink, app, api } = webTestApp();
    await onboard(PHONE);
    const token = await signInToken(PHONE);
    expect(token).not.toContain('5550140101');
    const shown = await app.request(`${BASE_URL}/signin/${token}`);
    expect(shown.status).toBe(200);
    expect(await shown.text()).toContain(`<form method="post" action="/signin/${token}">`);
    const first = await openLink(token);
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/#plan');
    const setCookie = first.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^nutritionist_auth=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Secure/);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).toMatch(/Max-Age=2592000/);
    expect(setCookie).not.toContain('5550140101');
    const session = await api('/api/session', cookieOf(first));
    expect(await session.json()).toEqual({ signedIn: true, known: true, locale: 'en', hasPhone: true });
    expect((await openLink(token)).status).toBe(410);
  });

  it('a link 15 minutes and 1 second old, an unknown and a malformed token are 404', async () => {
    const { onboard, signInToken, openLink, clock } = webTestApp();
    await onboard(PHONE);
    const token = await signInToken(PHONE);
    clock.advance(15 * MINUTE + 1000);
    expect((await openLink(token)).status).toBe(404);
    expect((await openLink('A'.repeat(30))).status).toBe(404);
    expect((await openLink('short')).status).toBe(404);
    expect((await openLink('bad$token%20with.odd.chars....')).status).toBe(404);
  });

  it('a link exactly 15 minutes old still works', async () => {
    const { onboard, signInToken, openLink, clock } = webTestApp();
    await onboard(PHONE);
    const token = await signInToken(PHONE);
    clock.advance(15 * MINUTE);
    expect((await openLink(token)).status).toBe(303);
  });

  it('a link POSTed from another origin is 403 and stays usable', async () => {
    const { onboard, signInToken, openLink } = webTestApp();
    await onboard(PHONE);
    const token = await signInToken(PHONE);
    expect((await openLink(token, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await openLink(token, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await openLink(token, { origin: BASE_URL, 'sec-fetch-site': 'same-origin' })).status).toBe(303);
  });

  it('the store keeps no token in clear, and erasure removes links and sessions', async () => {
    const { onboard, signIn, stores, api, sms } = webTestApp();
    await onboard(PHONE);
    const cookie = await signIn(PHONE);
    expect((await api('/api/settings', cookie)).status).toBe(200);
    await sms(PHONE, 'delete my data');
    await sms(PHONE, 'DELETE ALL');
    expect((await api('/api/settings', cookie)).status).toBe(401);
    const token = cookie.split('=')[1] ?? '';
    expect(await stores.webAuth?.findSession(token, new Date('2026-11-26T12:00:00Z'))).toBeUndefined();
  });
});

describe('sessions', () => {
  it('logout ends the session: the same cookie then gets 401', async () => {
    const { onboard, signIn, api } = webTestApp();
    await onboard(PHONE);
    const cookie = await signIn(PHONE);
    expect((await api('/api/settings', cookie)).status).toBe(200);
    const out = await api('/api/session/logout', cookie, { method: 'POST', body: {} });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/nutritionist_auth=;.*Max-Age=0/);
    expect((await api('/api/settings', cookie)).status).toBe(401);
  });

  it('a session 30 days and 1 second old gets 401; at 30 days it still works', async () => {
    const { onboard, signIn, api, clock } = webTestApp();
    await onboard(PHONE);
    const cookie = await signIn(PHONE);
    clock.advance(30 * 86_400_000);
    expect((await api('/api/settings', cookie)).status).toBe(200);
    clock.advance(1000);
    expect((await api('/api/settings', cookie)).status).toBe(401);
  });

  it('a signed-in phone user chats on the web as their own number, and their channel stays SMS', async () => {
    const { onboard, signIn, api, stores } = webTestApp();
    await onboard(PHONE);
    const cookie = await signIn(PHONE);
    const response = await api('/api/chat', cookie, { method: 'POST', body: { text: 'my profile' } });
    expect(response.status).toBe(200);
    const { replies } = (await response.json()) as { replies: string[] };
    expect(replies.join('\n')).toMatch(/maintain/i);
    const user = await stores.users.findByPhone(PHONE);
    expect(user?.lastChannel).toBe('sms');
    expect(user?.webSessionId).toBeUndefined();
  });

  it('an anonymous web-chat user reaches the API through their chat cookie, without signing in', async () => {
    const { api } = webTestApp();
    const first = await api('/api/chat', undefined, { method: 'POST', body: { text: 'hi' } });
    const cookie = cookieOf(first);
    expect(cookie).toMatch(/^nutritionist_session=/);
    const session = await api('/api/session', cookie);
    expect(await session.json()).toMatchObject({ signedIn: false, known: true, hasPhone: false });
    expect((await api('/api/log/today', cookie)).status).toBe(200);
    expect(await (await api('/api/session', undefined)).json()).toMatchObject({ known: false });
  });
});

describe('CSRF: SameSite=Strict cookies and an origin check on every state-changing request', () => {
  it.each([
    { name: 'another origin', headers: { origin: 'https://evil.example' } },
    { name: 'a null origin', headers: { origin: 'null' } },
    { name: 'a cross-site fetch', headers: { 'sec-fetch-site': 'cross-site' } },
    { name: 'a same-site (sibling subdomain) fetch', headers: { 'sec-fetch-site': 'same-site' } },
  ] as { name: string; headers: Record<string, string> }[])(
    'refuses $name with 403 and changes nothing',
    async ({ headers }) => {
      const { onboard, signIn, api, stores } = webTestApp();
      await onboard(PHONE);
      const cookie = await signIn(PHONE);
      const response = await api('/api/settings', cookie, {
        method: 'PATCH',
        body: { locale: 'es' },
        headers,
      });
      expect(response.status).toBe(403);
      expect((await stores.users.findByPhone(PHONE))?.locale).toBe('en');
      const chat = await api('/api/chat', cookie, { method: 'POST', body: { text: 'español' }, headers });
      expect(chat.status).toBe(403);
      expect((await stores.users.findByPhone(PHONE))?.locale).toBe('en');
    },
  );

  it('accepts the same request from the app itself, and refuses a form-encoded body with 415', async () => {
    const { onboard, signIn, api, stores } = webTestApp();
    await onboard(PHONE);
    const cookie = await signIn(PHONE);
    const form = await api('/api/settings', cookie, {
      method: 'PATCH',
      raw: 'locale=es',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: BASE_URL },
    });
    expect(form.status).toBe(415);
    const ok = await api('/api/settings', cookie, {
      method: 'PATCH',
      body: { locale: 'es' },
      headers: { origin: BASE_URL, 'sec-fetch-site': 'same-origin' },
    });
    expect(ok.status).toBe(200);
    expect((await stores.users.findByPhone(PHONE))?.locale).toBe('es');
  });

  it('sends the strict Content-Security-Policy on pages and API answers', async () => {
    const { app } = webTestApp();
    const response = await app.request(`${BASE_URL}/privacy`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
  });
});
