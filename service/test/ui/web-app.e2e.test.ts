/// <reference lib="dom" />
/**
 * The web app end to end (issue 10; scenarios in test/fixtures/web-app-expectations.ts): Debian chromium headless
 * against the real local app (memory store, the real planner) on a free port. A phone user signs in with the link
 * from "web"; every page is used and photographed into web/test-results/. Skipped locally without chromium; fails
 * under CI=true.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeLocal, type LocalRuntime } from '../../src/composition/local.ts';
import { loadConfig } from '../../src/config/config.ts';
import { silentLogger } from '../../src/core/ports/logger.port.ts';
import { createApp } from '../../src/http/app.ts';
import { E2E_SCENARIOS } from '../fixtures/web-app-expectations.ts';

const CHROMIUM_PATH = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM_PATH);
if (!hasChromium && process.env.CI === 'true')
  throw new Error(`${CHROMIUM_PATH} not found: CI must run UI tests.`);
if (!hasChromium)
  console.warn(`web app end-to-end SKIPPED: ${CHROMIUM_PATH} not found (apt-get install -y chromium)`);

const WEB_DIR = path.resolve(import.meta.dirname, '../../../web');
const RESULTS = path.join(WEB_DIR, 'test-results');
const PHONE = '+15550140301';
const ONBOARDING = [
  'hi',
  'yes',
  'maintain',
  'no allergies, I eat everything',
  'just me, $80 a week',
  '40 female 165cm 62kg light',
];
const WIDTH = 360;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

const scenario = (id: string) => {
  const found = E2E_SCENARIOS.find((s) => s.id === id);
  if (!found) throw new Error(`no scenario ${id}`);
  return found;
};

describe.skipIf(!hasChromium)('web app end to end (real app, real browser)', () => {
  let browser: Browser;
  let baseUrl: string;
  let runtime: LocalRuntime;
  let close: () => Promise<void>;
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];

  const sms = async (text: string) =>
    (
      await runtime.appDeps.handleInbound({ channel: 'sms', sender: { phone: PHONE }, text, hasMedia: false })
    ).replies.join('\n');
  const shoot = async (name: string) => {
    // No page may scroll sideways at 360 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(WIDTH);
    await page.screenshot({ path: path.join(RESULTS, name), fullPage: true });
  };
  const open = async (route: string, heading: string | RegExp) => {
    // A full load each time (a hash-only change would keep the previous page's focus).
    await page.goto('about:blank');
    await page.goto(`${baseUrl}/app.html#${route}`);
    await expect.poll(async () => (await page.locator('h1').textContent()) ?? '').toMatch(heading);
    await expect.poll(() => page.locator('main[aria-busy]').count()).toBe(0);
  };

  beforeAll(async () => {
    execFileSync(process.execPath, [path.join(WEB_DIR, 'build.mjs')], { stdio: 'pipe' });
    await mkdir(RESULTS, { recursive: true });
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    runtime = composeLocal(loadConfig({ STORE: 'memory', LOG_LEVEL: 'silent', PUBLIC_BASE_URL: baseUrl }), {
      logger: silentLogger,
    });
    const app = createApp(runtime.appDeps);
    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const listening = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => resolve(listening));
    });
    close = async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await runtime.close();
    };
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    context = await browser.newContext({ viewport: { width: WIDTH, height: 780 }, acceptDownloads: true });
    page = await context.newPage();
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
        problems.push(message.text());
    });
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(`${baseUrl}/`) && !url.startsWith('data:'))
        problems.push(`third-party request ${url}`);
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await close?.();
    // No CSP violation, script error or request to another origin on any page.
    expect(problems).toEqual([]);
  });

  it(`${scenario('sign-in-link').id}: the link from "web" signs in once`, async () => {
    for (const text of ONBOARDING) await sms(text);
    expect(await sms('plan')).toContain('/p/');
    expect(await sms('had 2 eggs')).toMatch(/logged/i);
    const reply = await sms('web');
    const link = reply.match(/http:\/\/127\.0\.0\.1:\d+\/signin\/[A-Za-z0-9_-]+/)?.[0];
    expect(link, reply).toBeDefined();
    expect(link).not.toContain('5550140301');
    const response = await page.goto(link ?? '');
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByRole('button', { name: /sign in/i }).click();
    await page.waitForURL(/\/app\.html#plan$/);
    for (const name of ['Plan', 'Groceries', 'Log', 'Progress', 'Household', 'Settings'])
      await expect.poll(() => page.getByRole('link', { name, exact: true }).count()).toBe(1);
    await shoot('signin.png');
    await page.goto(link ?? '');
    await page.getByRole('button', { name: /sign in/i }).click();
    expect(await page.textContent('body')).toMatch(/already been used/);
  }, 120_000);

  it(`${scenario('plan-view').id} and ${scenario('swap').id}`, async () => {
    await open('plan', /This week/);
    expect(await page.locator('section.day').count()).toBe(7);
    expect(await page.textContent('main')).toMatch(/of a \$80\.00 budget/);
    expect(await page.getByRole('button', { name: 'Print' }).count()).toBe(1);
    await shoot('plan.png');
    const firstDinner = () =>
      page
        .locator('section.day')
        .first()
        .locator('li.meal', { hasText: 'Dinner' })
        .first()
        .locator('.recipe');
    const before = await firstDinner().textContent();
    const swap = page.getByRole('button', { name: /^Swap Dinner on/ }).first();
    await swap.click();
    await expect
      .poll(async () => (await page.locator('#status').textContent()) ?? '', { timeout: 60_000 })
      .toMatch(/\w/);
    // The page says so first and redraws the plan after refetching it: wait for the new dinner, not the status.
    await expect.poll(() => firstDinner().textContent(), { timeout: 60_000 }).not.toBe(before);
    const shown = await firstDinner().textContent();
    await page.reload();
    await expect.poll(() => page.locator('section.day').count()).toBe(7);
    expect(await firstDinner().textContent()).toBe(shown);
    // Printing hides the navigation and the buttons.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('nav').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
  }, 120_000);

  it(`${scenario('grocery-check-off').id}`, async () => {
    await open('grocery', /Grocery list/);
    const before = (await page.locator('#to-buy').textContent()) ?? '';
    const first = page.locator('.grocery input[type=checkbox]').first();
    await first.check();
    await expect.poll(async () => (await page.locator('#to-buy').textContent()) ?? '').not.toBe(before);
    await expect.poll(() => page.locator('.grocery input[type=checkbox]').first().isChecked()).toBe(true);
    await shoot('grocery.png');
    await page.reload();
    await expect.poll(() => page.locator('.grocery input[type=checkbox]').first().isChecked()).toBe(true);
  }, 60_000);

  it(`${scenario('food-log').id}`, async () => {
    await open('log', /Today's log/);
    await page.getByLabel('What did you eat?').fill('2 eggs and a banana');
    await page.getByRole('button', { name: 'Add' }).click();
    await expect.poll(async () => (await page.locator('.entries').textContent()) ?? '').toMatch(/banana/i);
    expect(await page.locator('#day-total').textContent()).toMatch(/Today: [1-9]\d* kcal of \d+/);
    await shoot('log.png');
  }, 60_000);

  it(`${scenario('charts-render').id}`, async () => {
    await open('progress', /Progress/);
    await expect.poll(() => page.locator('#chart-energy canvas').count()).toBe(1);
    const box = await page.locator('#chart-macros canvas').boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(100);
    expect(box?.height ?? 0).toBeGreaterThan(100);
    await shoot('progress.png');
    await page.getByRole('button', { name: '30 days' }).click();
    await expect
      .poll(() => page.getByRole('button', { name: '30 days' }).getAttribute('aria-pressed'))
      .toBe('true');
    expect(await page.locator('#chart-energy canvas').count()).toBe(1);
  }, 60_000);

  it(`${scenario('household').id}`, async () => {
    await open('household', /Household/);
    expect(await page.textContent('main')).toMatch(/1 adult/);
    expect(await page.textContent('main')).toMatch(/No invitations/);
    // Gap 3 (test/fixtures/web-app-gaps.ts): invite by number, then remove, through the chat's household use case.
    await page.locator('#invite-phone').fill('+1 555 017 0399');
    await page.locator('#invite-name').fill('Sam');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await expect
      .poll(async () => (await page.locator('#status').textContent()) ?? '')
      .toMatch(/ending in 0399/);
    await expect.poll(async () => (await page.textContent('main')) ?? '').toMatch(/Sam \(\+1•+99\)/);
    await shoot('household.png');
    await page.getByRole('button', { name: 'Remove Sam' }).click();
    await expect.poll(async () => (await page.textContent('main')) ?? '').toMatch(/No invitations/);
  }, 60_000);

  it(`${scenario('keyboard-and-width').id}`, async () => {
    await open('plan', /This week/);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('skip');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Chat');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Plan');
  }, 60_000);

  it(`${scenario('export-download').id}`, async () => {
    await open('settings', /Settings/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download my data' }).click(),
    ]);
    const file = JSON.parse(await readFile((await download.path()) ?? '', 'utf8')) as {
      format: string;
      user: { phone: string };
    };
    expect(file.format).toBe('ai-nutritionist-export/1');
    expect(file.user.phone).toBe(PHONE);
  }, 60_000);

  it(`${scenario('settings-change').id}`, async () => {
    await open('settings', /Settings/);
    await page.getByLabel('Language').selectOption('es');
    await page.getByLabel('Time zone').fill('Europe/Madrid');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(async () => (await page.locator('h1').textContent()) ?? '').toBe('Ajustes');
    for (const name of ['Plan', 'Compras', 'Registro'])
      await expect.poll(() => page.getByRole('link', { name, exact: true }).count()).toBe(1);
    const settings = await page.evaluate(async () => (await fetch('/api/settings')).json());
    expect(settings).toMatchObject({ locale: 'es', timeZone: 'Europe/Madrid' });
    // Gap 2 (test/fixtures/web-app-gaps.ts): goal weight under the BMI floor refused, body data saved, billing off.
    await expect.poll(async () => (await page.locator('#billing').textContent()) ?? '').toMatch(/gratis/);
    await page.locator('#goal-weight').fill('45');
    await page.getByRole('button', { name: 'Actualizar objetivo y cuerpo' }).click();
    await expect.poll(async () => (await page.locator('#status').textContent()) ?? '').toMatch(/peso/i);
    await page.locator('#goal-weight').fill('');
    await page.locator('#weight').fill('63');
    await page.getByRole('button', { name: 'Actualizar objetivo y cuerpo' }).click();
    await expect
      .poll(async () =>
        page.evaluate(async () => (await (await fetch('/api/settings')).json()).body?.weightKg),
      )
      .toBe(63);
    expect(
      await page.evaluate(async () => (await (await fetch('/api/settings')).json()).goalWeightKg),
    ).toBeNull();
    await shoot('settings.png');
  }, 60_000);

  it(`${scenario('delete').id}`, async () => {
    await open('settings', /Ajustes/);
    await page.getByLabel('Confirmación').fill('delete');
    await page.getByRole('button', { name: 'Borrar mis datos' }).click();
    await expect
      .poll(async () => (await page.locator('#status').textContent()) ?? '')
      .toMatch(/Nothing was deleted/);
    expect(await runtime.stores.users.findByPhone(PHONE)).toBeDefined();
    await page.getByLabel('Confirmación').fill('BORRAR TODO');
    await page.getByRole('button', { name: 'Borrar mis datos' }).click();
    await page.waitForURL(`${baseUrl}/`);
    expect(await runtime.stores.users.findByPhone(PHONE)).toBeUndefined();
    const after = await page.evaluate(async () => (await fetch('/api/plan')).status);
    expect(after).toBe(401);
  }, 60_000);

  it(`${scenario('onboarding-in-chat').id}`, async () => {
    const fresh = await browser.newContext({ viewport: { width: WIDTH, height: 780 } });
    const chat = await fresh.newPage();
    await chat.goto(baseUrl);
    const coach = chat.locator('#messages > li.bubble--coach');
    const send = async (text: string) => {
      const before = await coach.count();
      await chat.locator('#message-input').fill(text);
      await chat.locator('#message-input').press('Enter');
      await expect.poll(() => coach.count(), { timeout: 30_000 }).toBeGreaterThan(before);
      return ((await coach.last().textContent()) ?? '').trim();
    };
    expect(await send('hi')).toContain('Reply YES to agree');
    expect(await send('yes')).toContain('main goal');
    await send('maintain');
    await send('no allergies, I eat everything');
    await send('just me, $80 a week');
    await send('40 female 165cm 62kg light');
    expect(await chat.locator('#messages').textContent()).toMatch(/all set/i);
    await chat.screenshot({ path: path.join(RESULTS, 'chat.png'), fullPage: true });
    // The anonymous chat user reaches their own (empty) dashboard.
    await chat.goto(`${baseUrl}/app.html#log`);
    await expect.poll(async () => (await chat.locator('h1').textContent()) ?? '').toMatch(/Today's log/);
    // Gap 1 (test/fixtures/web-app-gaps.ts): the web-only user attaches a phone in Settings with the texted code.
    await chat.goto('about:blank');
    await chat.goto(`${baseUrl}/app.html#settings`);
    await chat.locator('#link-phone').fill('+1 555 017 0199');
    await chat.locator('#link-phone').press('Enter');
    await expect
      .poll(async () => (await chat.locator('#status').textContent()) ?? '')
      .toMatch(/6-digit code/);
    const webSessionId = (await fresh.cookies()).find((c) => c.name === 'nutritionist_session')?.value ?? '';
    // No Twilio here: the local outbox holds the SMS for the user.
    const texted = (await runtime.appDeps.takeWebDeliveries?.(webSessionId)) ?? [];
    const code = texted.join('\n').match(/\b(\d{6})\b/)?.[1] ?? '';
    expect(code).toMatch(/^\d{6}$/);
    await chat.locator('#link-code').fill(code);
    await chat.locator('#link-code').press('Enter');
    await expect.poll(async () => (await chat.locator('#status').textContent()) ?? '').toMatch(/now linked/);
    await expect.poll(() => chat.locator('#link-phone').count()).toBe(0);
    await chat.screenshot({ path: path.join(RESULTS, 'phone-linked.png'), fullPage: true });
    expect((await runtime.appDeps.stores.users.findByPhone('+15550170199'))?.webSessionId).toBe(webSessionId);
    await fresh.close();
  }, 120_000);
});
