import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemoryCache } from '../../src/adapters/memory-cache/memory-cache.ts';
import { composeLocal, type LocalRuntime } from '../../src/composition/local.ts';
import { loadConfig } from '../../src/config/config.ts';
import { createApp } from '../../src/http/app.ts';

const TOKEN = 'metrics-token-0123456789abcdef-0123456789';
const PHONE = '+15550160001';

/**
 * The response cache and `GET /metrics` as the local runtime composes them: a chat through the real use case,
 * then the counters as Prometheus scrapes them, then an erasure that must leave nothing of the user in the cache.
 */
describe('language response cache and /metrics in the local runtime', () => {
  let runtime: LocalRuntime;
  let app: ReturnType<typeof createApp>;
  const send = async (text: string) =>
    (
      await runtime.appDeps.handleInbound({ channel: 'sms', sender: { phone: PHONE }, text, hasMedia: false })
    ).replies.join('\n');
  const scrape = async () =>
    (await app.request('/metrics', { headers: { authorization: `Bearer ${TOKEN}` } })).text();
  const value = (text: string, series: string) =>
    Number(
      text
        .split('\n')
        .find((line) => line.startsWith(`${series} `))
        ?.slice(series.length + 1) ?? 'NaN',
    );

  beforeAll(() => {
    runtime = composeLocal(loadConfig({ STORE: 'memory', LOG_LEVEL: 'silent', METRICS_TOKEN: TOKEN }));
    app = createApp(runtime.appDeps);
  });
  afterAll(async () => {
    await runtime.close();
  });

  it('counts a shared question once, a paraphrase as a hit, and a personal one as bypassed', async () => {
    for (const text of ['hi', 'yes', 'maintain', 'no allergies, I eat everything', 'just me, $70 a week'])
      await send(text);
    expect(await send('34 female 5\'6" 154 lb moderate')).toContain('all set');
    expect(await send('how much protein do I need?')).toContain('0.8 g');
    expect(await send('how much protien should i eat a day')).toContain('0.8 g');
    await send('is coffee bad for me?');
    const text = await scrape();
    expect(value(text, 'language_cache_misses_total')).toBe(1);
    expect(value(text, 'language_cache_hits_total')).toBe(1);
    expect(value(text, 'language_cache_model_calls_saved_total')).toBe(1);
    expect(value(text, 'language_cache_bypassed_total')).toBe(1);
    // The local engine spends no tokens, so none are claimed saved.
    expect(value(text, 'language_cache_tokens_saved_total')).toBe(0);
    expect(value(text, 'language_model_calls_total{provider="local",operation="answer_question"}')).toBe(2);
    expect(text).toContain('# TYPE language_model_errors_total counter');
  });

  it('counts HTTP requests by route pattern, never by the path a token is in, with a duration histogram', async () => {
    expect(await send('plan')).toContain('/p/');
    const stored = (
      await runtime.stores.plans.current(
        (await runtime.stores.users.findByPhone(PHONE))?.id ?? '',
        new Date(),
      )
    )?.token;
    expect(stored).toBeDefined();
    expect((await app.request(`/p/${stored}`)).status).toBe(200);
    expect((await app.request('/p/not-a-real-token')).status).toBe(404);
    await app.request('/health');
    const text = await scrape();
    expect(value(text, 'http_requests_total{method="GET",route="/p/:token",status="200"}')).toBe(1);
    expect(value(text, 'http_requests_total{method="GET",route="/p/:token",status="404"}')).toBe(1);
    expect(value(text, 'http_requests_total{method="GET",route="/health",status="200"}')).toBe(1);
    expect(value(text, 'http_request_duration_seconds_count{method="GET",route="/p/:token"}')).toBe(2);
    expect(text).toContain(
      'http_request_duration_seconds_bucket{method="GET",route="/p/:token",le="+Inf"} 2',
    );
    expect(text).not.toContain(String(stored));
    expect(text).not.toContain('not-a-real-token');
  });

  it('answers /metrics only with the token: 401 without or with a wrong one, never cached', async () => {
    expect((await app.request('/metrics')).status).toBe(401);
    const wrong = await app.request('/metrics', { headers: { authorization: `Bearer ${TOKEN}x` } });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toContain('Bearer');
    const ok = await app.request('/metrics', { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(ok.headers.get('cache-control')).toBe('no-store');
  });

  it('after DELETE ALL the cache holds only the one shared answer: nothing of the user', async () => {
    await send('Delete my data');
    expect(await send('DELETE ALL')).toContain('deleted everything');
    // The plan page went with the erasure (user tag); the protein answer, no one's, stays.
    // Changed after the abuse limits landed (2026-11-26): the user's rate-limit counter goes with the erasure too,
    // and the one other entry left is the global inbound counter, which holds a count and no one's data.
    const cache = runtime.appDeps.cache as MemoryCache;
    expect(cache.size).toBe(2);
    expect(await cache.get('abuse:in:global')).toBeDefined();
  });
});

describe('/metrics without METRICS_TOKEN', () => {
  it('does not exist (404), so counters are never public by accident', async () => {
    const runtime = composeLocal(loadConfig({ STORE: 'memory', LOG_LEVEL: 'silent' }));
    try {
      const response = await createApp(runtime.appDeps).request('/metrics', {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(response.status).toBe(404);
    } finally {
      await runtime.close();
    }
  });
});
