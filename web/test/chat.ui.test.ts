/**
 * Drives the built chat page in headless Chromium against a fake `/api/chat`.
 * Without /usr/bin/chromium the suite is skipped locally, but fails in CI (CI=true) so it can never silently vanish.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { echoResponder, type FakeChatServer, startFakeChatServer } from './fake-chat-server.ts';

const CHROMIUM_PATH = '/usr/bin/chromium';
const webDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const distDir = join(webDir, 'dist');
const screenshotPath = join(webDir, 'test-results', 'chat.png');
const UNREACHABLE = "Couldn't reach the coach — try again";

const hasChromium = existsSync(CHROMIUM_PATH);
if (!hasChromium && process.env.CI === 'true') {
  throw new Error(`${CHROMIUM_PATH} not found: CI must run the browser tests (apt-get install -y chromium).`);
}
const skipReason = `${CHROMIUM_PATH} not found (apt-get install -y chromium)`;
if (!hasChromium) console.warn(`chat page UI tests SKIPPED: ${skipReason}`);
const suiteName = hasChromium ? 'chat page' : `chat page — SKIPPED: ${skipReason}`;

describe.skipIf(!hasChromium)(suiteName, () => {
  let browser: Browser;
  let server: FakeChatServer;
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[];
  let foreignRequests: string[];
  let dialogs: string[];

  beforeAll(async () => {
    // Build through the real script so the test sees exactly what `npm start` serves.
    execFileSync(process.execPath, [join(webDir, 'build.mjs')], { stdio: 'pipe' });
    server = await startFakeChatServer(distDir);
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
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  beforeEach(async () => {
    server.apiRequests.length = 0;
    server.respondWith(echoResponder);
    pageErrors = [];
    foreignRequests = [];
    dialogs = [];
    context = await browser.newContext({ viewport: { width: 400, height: 740 }, deviceScaleFactor: 2 });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      // A 4xx/5xx from the fake API is logged by Chromium itself; anything else (CSP, exceptions) is a bug.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        pageErrors.push(message.text());
      }
    });
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(`${server.origin}/`) && !url.startsWith('data:')) foreignRequests.push(url);
    });
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(server.origin);
  });

  afterEach(async () => {
    await context.close();
    expect(pageErrors).toEqual([]);
    // Nothing is fetched from anywhere but our own origin: no CDNs, fonts or trackers.
    expect(foreignRequests).toEqual([]);
  });

  const input = () => page.locator('#message-input');
  const sendButton = () => page.locator('#send-button');
  const bubbleTexts = () => page.locator('#messages > li').evaluateAll(innerTextsWithoutSpeaker);

  it('greets with a hint, the brand and the disclaimer, and sends nothing until the user does', async () => {
    await expect.poll(() => page.locator('#hint').isVisible()).toBe(true);
    expect(await page.locator('#hint').textContent()).toContain('Say hi to get started');
    expect(await page.locator('header h1').textContent()).toBe('AI Nutritionist');
    expect(await page.locator('footer').textContent()).toBe('General wellness guidance, not medical advice.');
    expect(await page.locator('#messages').getAttribute('aria-live')).toBe('polite');
    expect(await input().getAttribute('maxlength')).toBe('1000');
    expect(await sendButton().isDisabled()).toBe(true);
    await input().fill('   ');
    expect(await sendButton().isDisabled()).toBe(true);
    expect(server.apiRequests).toEqual([]);
  });

  it('sends on Enter as a JSON POST and shows the user bubble, then both replies in order', async () => {
    await input().fill('hi coach');
    expect(await sendButton().isEnabled()).toBe(true);
    await input().press('Enter');

    await expect
      .poll(bubbleTexts)
      .toEqual(['hi coach', 'You said: hi coach', 'Second reply https://example.test/p/abc']);
    expect(
      await page.locator('#messages > li').evaluateAll((items) => items.map((li) => li.className)),
    ).toEqual(['bubble bubble--user', 'bubble bubble--coach', 'bubble bubble--coach']);
    const link = page.locator('#messages a');
    expect(await link.count()).toBe(1);
    expect(await link.getAttribute('href')).toBe('https://example.test/p/abc');
    expect(await link.textContent()).toBe('https://example.test/p/abc');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await input().inputValue()).toBe('');
    expect(await page.locator('#hint').isHidden()).toBe(true);

    expect(server.apiRequests).toHaveLength(1);
    const [request] = server.apiRequests;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/api/chat');
    expect(request?.contentType).toBe('application/json');
    expect(JSON.parse(request?.body ?? '')).toEqual({ text: 'hi coach' });

    await mkdir(dirname(screenshotPath), { recursive: true });
    await page.screenshot({ path: screenshotPath });
  });

  it('shows HTML-looking text as text, never as markup', async () => {
    const attack = '<img src=x onerror=alert(1)>';
    await input().fill(attack);
    await input().press('Enter');

    await expect
      .poll(bubbleTexts)
      .toEqual([attack, `You said: ${attack}`, 'Second reply https://example.test/p/abc']);
    expect(await page.locator('#messages img').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('shows the error bubble on a 500 and gives the text back for a retry', async () => {
    server.respondWith(() => ({ status: 500, body: 'Internal Server Error' }));
    await input().fill('plan my week');
    await input().press('Enter');

    await expect.poll(bubbleTexts).toEqual(['plan my week', UNREACHABLE]);
    expect(await page.locator('#messages > li').last().getAttribute('class')).toBe('bubble bubble--error');
    expect(await input().inputValue()).toBe('plan my week');
    expect(await sendButton().isEnabled()).toBe(true);
  });

  it("shows the service's own message when a non-2xx answer carries an ApiError", async () => {
    const message = 'You are sending messages too fast. Try again in a minute.';
    server.respondWith(() => ({
      status: 429,
      body: JSON.stringify({ error: { code: 'rate_limited', message } }),
    }));
    await input().fill('hello');
    await input().press('Enter');

    await expect.poll(bubbleTexts).toEqual(['hello', message]);
    expect(await input().inputValue()).toBe('hello');
  });

  it('inserts a newline on Shift+Enter without sending', async () => {
    await input().fill('line one');
    await input().press('Shift+Enter');
    await input().pressSequentially('line two');

    expect(await input().inputValue()).toBe('line one\nline two');
    expect(await page.locator('#messages > li').count()).toBe(0);
    expect(server.apiRequests).toEqual([]);

    await input().press('Enter');
    await expect.poll(bubbleTexts).toHaveLength(3);
    expect(JSON.parse(server.apiRequests[0]?.body ?? '')).toEqual({ text: 'line one\nline two' });
  });

  it('shows the typing indicator and disables Send while waiting for the coach', async () => {
    let answer: () => void = () => {};
    const answered = new Promise<void>((resolve) => {
      answer = resolve;
    });
    server.respondWith(async (text) => {
      await answered;
      return echoResponder(text);
    });
    await input().fill('first');
    await input().press('Enter');

    await expect.poll(() => page.locator('#typing').isVisible()).toBe(true);
    await input().fill('second');
    expect(await sendButton().isDisabled()).toBe(true);
    await input().press('Enter'); // ignored: one message in flight at a time
    answer();

    await expect.poll(() => page.locator('#typing').isHidden()).toBe(true);
    expect(server.apiRequests).toHaveLength(1);
    expect(await input().inputValue()).toBe('second');
    expect(await sendButton().isEnabled()).toBe(true);
  });
});

// Runs in the page. Bubbles start with a visually hidden "You: " / "Coach: " for screen readers; compare only
// the text that is seen.
function innerTextsWithoutSpeaker(items: Element[]): string[] {
  return items.map((item) => {
    const copy = item.cloneNode(true) as Element;
    for (const hidden of copy.querySelectorAll('.visually-hidden')) hidden.remove();
    return copy.textContent ?? '';
  });
}
