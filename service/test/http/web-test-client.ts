import { expect } from 'vitest';
import { handleInboundMessage } from '../../src/core/use-cases/handle-inbound-message.ts';
import { BASE_URL, buildTestApp, type TestAppOptions } from '../support/test-app.ts';

export const ONBOARDING = [
  'hi',
  'yes',
  'maintain',
  'no allergies, I eat everything',
  'just me, $80 a week',
  '40 female 165cm 62kg light',
];

/** The test app, texting as a phone user through the use case, and signing that user in on the web. */
export function webTestApp(options: TestAppOptions = {}) {
  const test = buildTestApp(options);
  const sms = async (phone: string, text: string) =>
    (
      await handleInboundMessage(test.inboundDeps, {
        channel: 'sms',
        sender: { phone },
        text,
        hasMedia: false,
      })
    ).replies.join('\n');
  const onboard = async (phone: string) => {
    for (const text of ONBOARDING) await sms(phone, text);
  };
  /** Texts "web" and returns the link's token. */
  const signInToken = async (phone: string) => {
    const reply = await sms(phone, 'web');
    const match = reply.match(/\/signin\/([A-Za-z0-9_-]+)/);
    expect(match, reply).not.toBeNull();
    return match?.[1] ?? '';
  };
  const openLink = (token: string, headers: Record<string, string> = {}) =>
    test.app.request(`${BASE_URL}/signin/${token}`, { method: 'POST', headers });
  /** Signs in and returns the Cookie header value of the session. */
  const signIn = async (phone: string) => {
    const response = await openLink(await signInToken(phone));
    expect(response.status).toBe(303);
    return cookieOf(response);
  };
  const api = (
    path: string,
    cookie: string | undefined,
    init: { method?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
  ) => {
    const headers: Record<string, string> = { ...(cookie ? { cookie } : {}), ...init.headers };
    const hasBody = init.body !== undefined || init.raw !== undefined;
    if (hasBody && !('content-type' in headers)) headers['content-type'] = 'application/json';
    return test.app.request(`${BASE_URL}${path}`, {
      method: init.method ?? 'GET',
      headers,
      ...(hasBody ? { body: init.raw ?? JSON.stringify(init.body) } : {}),
    });
  };
  return { ...test, sms, onboard, signInToken, openLink, signIn, api };
}

/** `name=value` of the session cookie a response set. */
export function cookieOf(response: Response): string {
  const header = response.headers.get('set-cookie') ?? '';
  return header.split(';')[0] ?? '';
}
