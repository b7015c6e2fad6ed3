import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { profileSchema } from '../../src/core/domain/profile.ts';
import { webTestApp } from '../http/web-test-client.ts';
import { BASE_URL } from '../support/test-app.ts';

const PHONE = '+15550950001';
const OTHER = '+15550950002';

/** A user with a plan and an unused export link: what a guessed or mangled token must never reach. */
async function userWithLinks() {
  const test = webTestApp();
  await test.onboard(PHONE);
  const planReply = await test.sms(PHONE, 'plan');
  const exportReply = await test.sms(PHONE, 'export my data');
  const planToken = planReply.match(/\/p\/([A-Za-z0-9_-]+)/)?.[1];
  const exportToken = exportReply.match(/\/export\/([A-Za-z0-9_-]+)/)?.[1];
  expect(planToken, planReply).toBeDefined();
  expect(exportToken, exportReply).toBeDefined();
  const user = await test.stores.users.findByPhone(PHONE);
  return { ...test, planToken: planToken ?? '', exportToken: exportToken ?? '', userId: user?.id ?? '' };
}

/** Near misses of a real token (one character changed, case flipped, cut, padded, encoded) and random strings. */
function tokenGuesses(real: string) {
  const nearMiss = fc
    .tuple(fc.nat({ max: real.length - 1 }), fc.constantFrom(...'abcXYZ019_-%./'.split('')))
    .map(([at, char]) => real.slice(0, at) + char + real.slice(at + 1));
  return fc
    .oneof(
      nearMiss,
      fc.constantFrom(
        real.toUpperCase(),
        real.slice(0, -1),
        `${real}x`,
        `${real}/`,
        `${real}%00`,
        `../${real}`,
        encodeURIComponent(`../../export/${real}`),
        '',
        '%2e%2e%2f',
      ),
      fc.string({ maxLength: 60 }).map(encodeURIComponent),
      fc.string({ unit: 'binary', maxLength: 30 }).map(encodeURIComponent),
      fc.integer({ min: 300, max: 5_000 }).map((size) => 'A'.repeat(size)),
    )
    .filter((guess) => guess !== real);
}

describe('guessed and mangled /p/<token> and /export/<token> links', () => {
  it("never answer 5xx and never show the user's plan or data", async () => {
    const { app, planToken, exportToken, userId } = await userWithLinks();
    const realPlan = await app.request(`${BASE_URL}/p/${planToken}`);
    expect(realPlan.status).toBe(200);
    expect(await realPlan.text()).toContain('Shopping list');
    for (const [path, real] of [
      ['p', planToken],
      ['export', exportToken],
    ] as const) {
      await fc.assert(
        fc.asyncProperty(tokenGuesses(real), async (guess) => {
          const response = await app.request(`${BASE_URL}/${path}/${guess}`);
          const text = await response.text();
          expect(response.status, `${path}/${guess}`).toBeGreaterThanOrEqual(400);
          expect(response.status, `${path}/${guess}`).toBeLessThan(500);
          expect(text).not.toContain('Shopping list');
          expect(text).not.toContain(userId);
          expect(text).not.toContain(PHONE.slice(2));
        }),
        { seed: path === 'p' ? 11_020 : 11_021, numRuns: 150 },
      );
    }
    // The guesses consumed nothing: the real export link still works once.
    expect((await app.request(`${BASE_URL}/export/${exportToken}`)).status).toBe(200);
  }, 30_000);
});

describe('fuzzed JSON to PATCH /api/settings', () => {
  it('answers 200 or a 4xx with an error code, never 5xx, and never writes an invalid profile', async () => {
    const { onboard, signIn, api, stores } = webTestApp();
    await onboard(PHONE);
    await onboard(OTHER);
    const cookie = await signIn(PHONE);
    const other = await stores.users.findByPhone(OTHER);
    const settingsValue = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom(-1, 0, 1e308, Number.MAX_SAFE_INTEGER, 'es', 'en', 'xx', 'lose', 'gain', null, [], {}),
    );
    const patch = fc.oneof(
      fc.dictionary(
        fc.oneof(
          fc.constantFrom(
            'goal',
            'goalWeightKg',
            'locale',
            'body',
            'diet',
            'allergies',
            'budget',
            'userId',
            'phone',
            '__proto__',
            'constructor',
          ),
          fc.string({ maxLength: 10 }),
        ),
        settingsValue,
        { maxKeys: 4 },
      ),
      fc.jsonValue({ maxDepth: 2 }),
    );
    const raw = fc.oneof(
      patch.map((value) => JSON.stringify(value)),
      fc.string({ maxLength: 80 }),
      fc.constantFrom('{', '{"goal":', '\u0000', '[]', 'null', '{"__proto__":{"isAdmin":true}}'),
    );
    await fc.assert(
      fc.asyncProperty(raw, async (body) => {
        const response = await api('/api/settings', cookie, { method: 'PATCH', raw: body });
        const text = await response.text();
        expect(response.status, `${body} -> ${text}`).toBeLessThan(500);
        if (response.status >= 400) {
          const json = JSON.parse(text) as { error?: { code?: string; message?: string } };
          expect(json.error?.code, text).toBeTruthy();
          expect(json.error?.message, text).toBeTruthy();
        }
      }),
      { seed: 11_022, numRuns: 200 },
    );
    const user = await stores.users.findByPhone(PHONE);
    expect(user?.phone).toBe(PHONE);
    expect(profileSchema.safeParse(user?.profile).success).toBe(true);
    expect((await stores.users.findByPhone(OTHER))?.profile).toEqual(other?.profile);
  }, 30_000);
});
