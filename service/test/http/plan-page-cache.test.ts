import { describe, expect, it } from 'vitest';
import { MemoryCache } from '../../src/adapters/memory-cache/memory-cache.ts';
import type { Cache } from '../../src/core/ports/cache.port.ts';
import { planPage } from '../../src/http/plan-page.ts';
import {
  BASE_URL,
  buildTestApp,
  ManualClock,
  signedTwilioRequest,
  smsParams,
  twimlMessages,
} from '../support/test-app.ts';

const ALICE = '+15550106101';
const BOB = '+15550106102';
const ONBOARDING = [
  'hi',
  'yes',
  'maintain',
  'no allergies, I eat everything',
  'just me, $90 a week',
  '34 female 165cm 62kg moderate',
];

/** The memory cache, counting what the app asks of it. */
function countedCache() {
  const memory = new MemoryCache({ clock: new ManualClock() });
  const counts = { hits: 0, misses: 0, sets: 0, dropped: [] as string[] };
  const cache: Cache = {
    kind: memory.kind,
    get: async (key) => {
      const value = await memory.get(key);
      if (value === undefined) counts.misses++;
      else counts.hits++;
      return value;
    },
    set: async (key, value, options) => {
      counts.sets++;
      await memory.set(key, value, options);
    },
    delete: (key) => memory.delete(key),
    deleteTagged: async (tag) => {
      counts.dropped.push(tag.replace(/:.*/, ':…'));
      await memory.deleteTagged(tag);
    },
    increment: (key, ttlSeconds) => memory.increment(key, ttlSeconds),
  };
  return { cache, memory, counts };
}

function setUp() {
  const { cache, memory, counts } = countedCache();
  const test = buildTestApp({ cache });
  const sender = (phone: string) => async (body: string) =>
    twimlMessages(await (await test.app.request(signedTwilioRequest(smsParams(phone, body)))).text()).join(
      '\n',
    );
  const planLink = async (send: (body: string) => Promise<string>) => {
    for (const text of ONBOARDING) await send(text);
    const link = (await send('plan')).match(/https:\/\/coach\.example\.test\/p\/[A-Za-z0-9_-]{22,}/)?.[0];
    if (!link) throw new Error('no plan link');
    return link;
  };
  const page = async (link: string) => {
    const response = await test.app.request(link);
    return { status: response.status, html: await response.text() };
  };
  return { ...test, memory, counts, sender, planLink, page };
}

describe('the /p/<token> page through the cache', () => {
  it('renders a plan once, serves it from the cache after, and never shows an edited plan stale', async () => {
    const { app, stores, clock, memory, counts, sender, planLink, page } = setUp();
    const send = sender(ALICE);
    const link = await planLink(send);
    const first = await page(link);
    expect(first.status).toBe(200);
    expect(counts).toMatchObject({ misses: 1, sets: 1, hits: 0 });
    expect(memory.size).toBe(1);
    expect((await page(link)).html).toBe(first.html);
    expect(counts).toMatchObject({ misses: 1, sets: 1, hits: 1 });

    expect(await send('swap tuesday lunch')).toContain(link);
    // The edit dropped the old page; the next view renders the new week, exactly as the renderer makes it.
    expect(counts.dropped).toContain('plan:…');
    expect(memory.size).toBe(0);
    const edited = await page(link);
    expect(edited.html).not.toBe(first.html);
    const user = await stores.users.findByPhone(ALICE);
    const stored = user && (await stores.plans.current(user.id, clock.now()));
    expect(stored).toBeDefined();
    if (stored) expect(edited.html).toBe(planPage('AI Nutritionist', stored));
    expect((await page(link)).html).toBe(edited.html);
    expect(counts.hits).toBe(2);

    const health = (await (await app.request(`${BASE_URL}/health`)).json()) as {
      adapters: Record<string, string>;
    };
    expect(health.adapters.cache).toBe('memory');
  }, 120_000);

  it('shows the new page after an edit even when dropping the old one failed (keys follow the content)', async () => {
    const { cache: inner, memory } = countedCache();
    // A cache whose drops fail silently, as a ResilientCache over a Redis that is down for the moment.
    const cache: Cache = { ...inner, deleteTagged: async () => {} };
    const test = buildTestApp({ cache });
    const send = async (body: string) =>
      twimlMessages(await (await test.app.request(signedTwilioRequest(smsParams(ALICE, body)))).text()).join(
        '\n',
      );
    for (const text of ONBOARDING) await send(text);
    const link =
      (await send('plan')).match(/https:\/\/coach\.example\.test\/p\/[A-Za-z0-9_-]{22,}/)?.[0] ?? '';
    const before = await (await test.app.request(link)).text();
    await send('swap tuesday lunch');
    const after = await (await test.app.request(link)).text();
    expect(after).not.toBe(before);
    const user = await test.stores.users.findByPhone(ALICE);
    const stored = user && (await test.stores.plans.current(user.id, test.clock.now()));
    if (stored) expect(after).toBe(planPage('AI Nutritionist', stored));
    expect(memory.size).toBe(2);
  }, 120_000);

  it("drops every cached page of a user who erases their data, and nobody else's", async () => {
    const { memory, counts, sender, planLink, page } = setUp();
    const alice = sender(ALICE);
    const bob = sender(BOB);
    const aliceLink = await planLink(alice);
    const bobLink = await planLink(bob);
    const bobPage = (await page(bobLink)).html;
    expect((await page(aliceLink)).status).toBe(200);
    expect(memory.size).toBe(2);
    await alice('delete my data');
    await alice('DELETE ALL');
    expect(counts.dropped).toContain('user:…');
    expect(memory.size).toBe(1);
    expect((await page(aliceLink)).status).toBe(404);
    const hits = counts.hits;
    expect((await page(bobLink)).html).toBe(bobPage);
    expect(counts.hits).toBe(hits + 1);
  }, 120_000);
});
