/**
 * End to end in headless Chromium: the real web page, served by the real app (memory store), talking to the real
 * conversation over /api/chat with its session cookie. Skipped locally without /usr/bin/chromium; fails under CI.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeLocal } from '../../src/composition/local.ts';
import { loadConfig } from '../../src/config/config.ts';
import { silentLogger } from '../../src/core/ports/logger.port.ts';
import { createApp } from '../../src/http/app.ts';

const CHROMIUM_PATH = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM_PATH);
if (!hasChromium && process.env.CI === 'true')
  throw new Error(`${CHROMIUM_PATH} not found: CI must run UI tests.`);
if (!hasChromium)
  console.warn(`web chat end-to-end SKIPPED: ${CHROMIUM_PATH} not found (apt-get install -y chromium)`);

describe.skipIf(!hasChromium)('web chat end to end (real app, real browser)', () => {
  let browser: Browser;
  let baseUrl: string;
  let close: () => Promise<void>;

  beforeAll(async () => {
    execFileSync(process.execPath, [path.resolve(import.meta.dirname, '../../../web/build.mjs')], {
      stdio: 'pipe',
    });
    const runtime = composeLocal(loadConfig({ STORE: 'memory', LOG_LEVEL: 'silent' }), {
      logger: silentLogger,
    });
    const app = createApp(runtime.appDeps);
    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const listening = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(listening));
    });
    const address = server.address();
    baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
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
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await close?.();
  });

  it('onboards through the page: consent, then the first question, in one session', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(baseUrl);
    const coach = page.locator('#messages > li.bubble--coach');
    const send = async (text: string) => {
      const before = await coach.count();
      await page.locator('#message-input').fill(text);
      await page.locator('#message-input').press('Enter');
      await expect.poll(() => coach.count(), { timeout: 10_000 }).toBeGreaterThan(before);
      return ((await coach.last().textContent()) ?? '').trim();
    };
    expect(await send('hi')).toContain('Reply YES to agree');
    expect(await send('yes')).toContain('main goal');
    expect(await send('lose weight')).toContain('allergies');
    const cookies = await context.cookies();
    const session = cookies.find((cookie) => cookie.name === 'nutritionist_session');
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe('Strict');
    await context.close();
  }, 60_000);
});
