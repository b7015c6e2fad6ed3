import type { Hono } from 'hono';
import { webTokenSchema } from '../core/domain/web-auth.ts';
import { openWebSession } from '../core/use-cases/web-sign-in.ts';
import type { SessionResponse } from './api-types.ts';
import type { AppDeps } from './app-deps.ts';
import { escapeHtml, page } from './pages.ts';
import { clearWebCookies, newSecret, setAuthCookie, webCaller } from './web-session.ts';

const EXPIRED = 'This sign-in link has expired or does not exist. Text WEB to the coach for a new one.';
const USED = 'This sign-in link has already been used: each link works once. Text WEB for a new one.';

/**
 * `/signin/<token>`: GET only shows a button, so link previewers and scanners that fetch the URL use nothing; the
 * button POSTs (same origin, checked by `sameOriginWrites`), which uses the link once and sets the session cookie.
 */
export function registerSignInRoutes(app: Hono, deps: AppDeps): void {
  app.get('/signin/:token', (c) => {
    c.header('cache-control', 'no-store');
    const token = c.req.param('token');
    if (!webTokenSchema.safeParse(token).success) return c.html(message(deps, EXPIRED), 404);
    // With no-referrer, Chromium sends `Origin: null` on the form POST, which the origin check refuses.
    c.header('referrer-policy', 'same-origin');
    const form = `<h1>${escapeHtml(deps.brandName)}</h1><form method="post" action="/signin/${token}"><button type="submit">Sign in / Entrar</button></form>`;
    return c.html(page(`${deps.brandName} – sign in`, form));
  });

  app.post('/signin/:token', async (c) => {
    c.header('cache-control', 'no-store');
    const token = c.req.param('token');
    if (!webTokenSchema.safeParse(token).success) return c.html(message(deps, EXPIRED), 404);
    const sessionToken = newSecret();
    const outcome = await openWebSession(deps, token, sessionToken);
    if (outcome.status === 'used') return c.html(message(deps, USED), 410);
    if (outcome.status === 'not_found') return c.html(message(deps, EXPIRED), 404);
    setAuthCookie(c, deps, sessionToken);
    deps.logger.info('web_signed_in', { userId: outcome.session.userId });
    return c.redirect('/#plan', 303);
  });

  app.get('/api/session', async (c) => {
    c.header('cache-control', 'no-store');
    const caller = await webCaller(c, deps);
    const response: SessionResponse = caller
      ? {
          signedIn: caller.sessionToken !== undefined,
          known: true,
          locale: caller.user.locale,
          hasPhone: caller.user.phone !== undefined,
        }
      : { signedIn: false, known: false, locale: 'en', hasPhone: false };
    return c.json(response);
  });

  app.post('/api/session/logout', async (c) => {
    const caller = await webCaller(c, deps);
    if (caller?.sessionToken) await deps.stores.webAuth?.deleteSession(caller.sessionToken);
    clearWebCookies(c);
    return c.json({ signedIn: false });
  });
}

function message(deps: AppDeps, text: string): string {
  return page(deps.brandName, `<h1>${escapeHtml(deps.brandName)}</h1><p>${escapeHtml(text)}</p>`);
}
