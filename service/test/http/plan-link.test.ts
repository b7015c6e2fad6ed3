import { describe, expect, it } from 'vitest';
import {
  BASE_URL,
  buildTestApp,
  signedTwilioRequest,
  smsParams,
  twimlMessages,
} from '../support/test-app.ts';

const PHONE = '+15557770002';

describe('a plan over SMS and its /p/<token> page', () => {
  it('answers "plan" with the week and a link that shows the whole week until it expires', async () => {
    const { app, clock } = buildTestApp();
    const send = async (body: string) =>
      twimlMessages(await (await app.request(signedTwilioRequest(smsParams(PHONE, body)))).text());
    for (const message of [
      'hi',
      'yes',
      'maintain',
      'no allergies, I eat everything',
      'just me, $90 a week',
    ]) {
      await send(message);
    }
    await send('41 male 180cm 80kg light');
    const [reply] = await send('plan');
    const link = reply?.match(/https:\/\/coach\.example\.test\/p\/([A-Za-z0-9_-]{22,})/);
    expect(link, reply).not.toBeNull();
    expect(link?.[1]).not.toContain(PHONE.slice(1));
    const today = reply?.match(/Today: (.+?)\.$/)?.[1] ?? '';
    const page = await app.request(link?.[0] ?? '');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Shopping list');
    expect(html).toContain('Day 7');
    for (const dish of today.split(', ')) expect(html).toContain(dish.replace(/&/g, '&#38;'));
    expect((await app.request(`${BASE_URL}/p/not-a-real-token-at-all-123`)).status).toBe(404);
    clock.advance(15 * 86_400_000);
    expect((await app.request(link?.[0] ?? '')).status).toBe(404);
  }, 60_000);
});
