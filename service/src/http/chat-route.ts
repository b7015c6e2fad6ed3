import type { Context, Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { ChatResponse, ChatUpdatesResponse } from './api-types.ts';
import type { AppDeps } from './app-deps.ts';
import { jsonBody, webCaller } from './web-session.ts';

const SESSION_COOKIE = 'nutritionist_session';
const SESSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const SESSION_MAX_AGE_SECONDS = 180 * 24 * 60 * 60;

const chatRequestSchema = z
  .object({ text: z.string().trim().min(1, 'text must not be empty').max(1000) })
  .strict();

export function registerChatRoute(app: Hono, deps: AppDeps): void {
  app.post('/api/chat', async (c) => {
    // JSON only: a cross-site form cannot send it without a CORS preflight, which this API never grants.
    const { text } = await jsonBody(c, chatRequestSchema);
    // Signed in by a "web" link: the same conversation as their texts (the phone is their identity).
    const caller = await webCaller(c, deps);
    const phone = caller?.sessionToken ? caller.user.phone : undefined;
    const result = await deps.handleInbound({
      channel: 'web',
      sender: phone ? { phone } : { webSessionId: session(c, deps) },
      text,
      hasMedia: false,
    });
    const response: ChatResponse = { replies: result.replies };
    return c.json(response);
  });

  // Plans for a household arrive after the reply: the page asks here (by its session cookie, never a number).
  app.get('/api/chat/updates', async (c) => {
    const existing = getCookie(c, SESSION_COOKIE);
    const messages =
      existing && SESSION_ID.test(existing) && deps.takeWebDeliveries
        ? await deps.takeWebDeliveries(existing)
        : [];
    const response: ChatUpdatesResponse = { messages };
    c.header('cache-control', 'no-store');
    return c.json(response);
  });
}

/** The anonymous web user: an opaque random id in an httpOnly, SameSite=Strict cookie. */
function session(c: Context, deps: AppDeps): string {
  const existing = getCookie(c, SESSION_COOKIE);
  if (existing && SESSION_ID.test(existing)) return existing;
  const id = crypto.randomUUID();
  setCookie(c, SESSION_COOKIE, id, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: deps.publicBaseUrl.startsWith('https://'),
    path: '/',
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
  return id;
}
