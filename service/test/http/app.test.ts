import { describe, expect, it } from 'vitest';
import { BASE_URL, buildTestApp } from '../support/test-app.ts';

function chat(app: ReturnType<typeof buildTestApp>['app'], text: unknown, cookie?: string) {
  return app.request(`${BASE_URL}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ text }),
  });
}

describe('GET /health', () => {
  it('reports status, version and adapters', async () => {
    const { app } = buildTestApp();
    const response = await app.request(`${BASE_URL}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ok',
      version: '0.1.0-test',
      adapters: { store: 'memory' },
    });
  });
});

describe('POST /api/chat', () => {
  it('answers and sets an httpOnly, SameSite=Strict session cookie', async () => {
    const { app } = buildTestApp();
    const response = await chat(app, 'hi');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { replies: string[] };
    expect(body.replies[0]).toContain('Reply YES to agree');
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^nutritionist_session=[0-9a-f-]{36};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Secure/); // the base URL is https
  });

  it('keeps one conversation per session cookie', async () => {
    const { app } = buildTestApp();
    const first = await chat(app, 'hi');
    const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const second = await chat(app, 'yes', cookie);
    expect(second.headers.get('set-cookie')).toBeNull();
    const body = (await second.json()) as { replies: string[] };
    expect(body.replies[0]).toMatch(/main goal/);
    const stranger = await chat(app, 'yes');
    expect(((await stranger.json()) as { replies: string[] }).replies[0]).toMatch(/Reply YES to agree/);
  });

  it('gives web replies in full, without SMS shortening', async () => {
    const { app } = buildTestApp();
    const body = (await (await chat(app, 'hi')).json()) as { replies: string[] };
    expect(body.replies[0]).not.toContain('More:');
  });

  it.each([
    ['empty text', { text: '' }, 400],
    ['missing text', {}, 400],
    ['a number', { text: 5 }, 400],
    ['too long', { text: 'x'.repeat(1001) }, 400],
    ['extra fields', { text: 'hi', admin: true }, 400],
  ])('refuses %s with 400 and a reason', async (_name, payload, status) => {
    const { app, calls } = buildTestApp();
    const response = await app.request(`${BASE_URL}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    });
    expect(response.status).toBe(status);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('invalid_body');
    expect(calls.count).toBe(0);
  });

  it('refuses invalid JSON with 400 and a non-JSON content type with 415', async () => {
    const { app } = buildTestApp();
    const bad = await app.request(`${BASE_URL}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"text":',
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('invalid_json');
    const form = await app.request(`${BASE_URL}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'text=hi',
    });
    expect(form.status).toBe(415);
  });

  it('refuses a body over 64 KiB with 413', async () => {
    const { app } = buildTestApp();
    const response = await chat(app, 'x'.repeat(70 * 1024));
    expect(response.status).toBe(413);
  });
});

describe('GET /api/openapi.json', () => {
  it('describes every public route', async () => {
    const { app } = buildTestApp();
    const doc = (await (await app.request(`${BASE_URL}/api/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        '/api/chat',
        '/api/openapi.json',
        '/export/{token}',
        '/health',
        '/m/{id}',
        '/p/{token}',
        '/webhooks/twilio',
        '/webhooks/twilio/status',
        // Prometheus metrics, token-only (issue 7).
        '/metrics',
        // Billing (issue 8).
        '/webhooks/stripe',
        // The web app (issue 10).
        '/signin/{token}',
        '/api/session',
        '/api/session/logout',
        '/api/plan',
        '/api/plan/swap',
        '/api/grocery',
        '/api/grocery/at-home',
        '/api/log/today',
        '/api/log',
        '/api/progress',
        '/api/household',
        '/api/settings',
        '/api/export',
        '/api/account/delete',
      ].sort(),
    );
  });
});

describe('pages', () => {
  it('serves the privacy notice', async () => {
    const { app } = buildTestApp();
    const response = await app.request(`${BASE_URL}/privacy`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Until you reply YES');
  });

  it('shows the full text of a logged outbound message and 404s for unknown ids', async () => {
    const { app, stores, clock } = buildTestApp();
    await stores.messages.append({
      id: 'long-1',
      userId: 'u1',
      direction: 'out',
      channel: 'sms',
      body: 'The <whole> reply',
      at: clock.now().toISOString(),
      expiresAt: new Date(clock.now().getTime() + 60_000).toISOString(),
    });
    const response = await app.request(`${BASE_URL}/m/long-1`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('The &#60;whole&#62; reply');
    expect((await app.request(`${BASE_URL}/m/nope`)).status).toBe(404);
  });

  it('answers unknown routes with a JSON 404', async () => {
    const { app } = buildTestApp();
    const response = await app.request(`${BASE_URL}/nope`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: 'not_found', message: 'Not found' } });
  });
});
