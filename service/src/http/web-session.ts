import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { z } from 'zod';
import type { User } from '../core/domain/user.ts';
import { WEB_SESSION_TTL_DAYS, webTokenSchema } from '../core/domain/web-auth.ts';
import type { AppDeps } from './app-deps.ts';
import { HttpError } from './http-error.ts';

/** The signed-in session (after a "web" link): a random secret, the store keeps its SHA-256. */
export const AUTH_COOKIE = 'nutritionist_auth';
/** The anonymous web-chat identity (chat-route.ts): the user's `webSessionId` itself. */
export const ANONYMOUS_COOKIE = 'nutritionist_session';
const ANONYMOUS_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export interface WebCaller {
  user: User;
  /** The signed-in session token; absent for an anonymous web-chat user. */
  sessionToken?: string;
}

/** 256 random bits, base64url: a session cookie or nothing else. */
export function newSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return Buffer.from(bytes).toString('base64url');
}

/** Whoever the cookies say: a signed-in session first, else the anonymous web-chat user; never a request field. */
export async function webCaller(c: Context, deps: AppDeps): Promise<WebCaller | undefined> {
  const token = getCookie(c, AUTH_COOKIE);
  if (token && webTokenSchema.safeParse(token).success && deps.stores.webAuth) {
    const session = await deps.stores.webAuth.findSession(token, deps.clock.now());
    const user = session && (await deps.stores.users.findById(session.userId));
    if (user) return { user, sessionToken: token };
  }
  const anonymous = getCookie(c, ANONYMOUS_COOKIE);
  if (anonymous && ANONYMOUS_ID.test(anonymous)) {
    const user = await deps.stores.users.findByWebSession(anonymous);
    if (user) return { user };
  }
  return undefined;
}

export async function requireCaller(c: Context, deps: AppDeps): Promise<WebCaller> {
  const caller = await webCaller(c, deps);
  if (!caller) throw new HttpError(401, 'unauthenticated', 'Sign in first: text WEB to the coach for a link');
  return caller;
}

export function setAuthCookie(c: Context, deps: AppDeps, token: string): void {
  setCookie(c, AUTH_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: deps.publicBaseUrl.startsWith('https://'),
    path: '/',
    maxAge: WEB_SESSION_TTL_DAYS * 86_400,
  });
}

export function clearWebCookies(c: Context): void {
  deleteCookie(c, AUTH_COOKIE, { path: '/' });
  deleteCookie(c, ANONYMOUS_COOKIE, { path: '/' });
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * CSRF defence: the cookies are SameSite=Strict, and on top every state-changing request must come from the app's
 * own origin. A browser always sends `Origin` on a cross-origin POST (and `Sec-Fetch-Site`), so a request that
 * names another origin, `null`, or a cross-site/same-site fetch is refused with 403 before the route runs. A request
 * with neither header is not from a browser and so carries no victim's cookie (curl, the tests).
 */
export function sameOriginWrites(deps: AppDeps): MiddlewareHandler {
  const allowed = new Set([new URL(deps.publicBaseUrl).origin]);
  return async (c, next) => {
    if (STATE_CHANGING.has(c.req.method)) {
      const origin = c.req.header('origin');
      const site = c.req.header('sec-fetch-site');
      const ownOrigin = new URL(c.req.url).origin;
      if (origin !== undefined && origin !== ownOrigin && !allowed.has(origin))
        throw new HttpError(403, 'cross_origin', 'Cross-origin requests are refused');
      if (site !== undefined && site !== 'same-origin' && site !== 'none')
        throw new HttpError(403, 'cross_origin', 'Cross-site requests are refused');
    }
    await next();
  };
}

/** A JSON body checked by `schema`: 415 unless JSON, 400 when malformed or invalid (strict schemas refuse extra keys). */
export async function jsonBody<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  if (!(c.req.header('content-type') ?? '').startsWith('application/json'))
    throw new HttpError(415, 'unsupported_media_type', 'Expected application/json');
  let body: unknown;
  try {
    body = JSON.parse(await c.req.text());
  } catch {
    throw new HttpError(400, 'invalid_json', 'Body is not valid JSON');
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HttpError(
      400,
      'invalid_body',
      issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'invalid',
    );
  }
  return parsed.data;
}

/**
 * Every response's policy: scripts only from this origin (no inline script, no eval), nothing from other origins,
 * no framing. Inline styles stay allowed for the small server-rendered pages (/p/, /privacy), which carry a
 * `<style>` block; the web app itself uses its own stylesheet.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');
