import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppDeps } from './app-deps.ts';
import { registerChatRoute } from './chat-route.ts';
import { registerExportRoute } from './export-route.ts';
import { errorBody, HttpError } from './http-error.ts';
import { loggedPath } from './logged-path.ts';
import { httpMetricsMiddleware, registerMetricsRoute } from './metrics-route.ts';
import { openApiDocument } from './openapi.ts';
import { escapeHtml, page, privacyPage } from './pages.ts';
import { cachedPlanPage } from './plan-page-cache.ts';
import { registerSignInRoutes } from './sign-in-route.ts';
import { registerStripeWebhook } from './stripe-webhook.ts';
import { isTransientStoreFault } from './transient-fault.ts';
import { registerTwilioStatusWebhook } from './twilio-status-webhook.ts';
import { registerTwilioWebhook } from './twilio-webhook.ts';
import { registerWebAccountRoutes } from './web-account-routes.ts';
import { registerWebHouseholdRoutes } from './web-household-routes.ts';
import { registerWebLogRoutes } from './web-log-routes.ts';
import { registerWebPhoneRoutes } from './web-phone-routes.ts';
import { registerWebPlanRoutes } from './web-plan-routes.ts';
import { CONTENT_SECURITY_POLICY, sameOriginWrites } from './web-session.ts';

export const MAX_BODY_BYTES = 64 * 1024;

/** The HTTP edge, runtime-agnostic (web-standard Request/Response): the local server and Lambda both wrap it. */
export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  // First, so the count and the duration cover every other middleware and the handler.
  if (deps.metrics) app.use('*', httpMetricsMiddleware(deps.metrics.http));

  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    // Paths never carry phone numbers or message text; bearer tokens in them are replaced by the route pattern.
    deps.logger.info('http_request', {
      method: c.req.method,
      path: loggedPath(new URL(c.req.url).pathname, c.req.routePath),
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  });
  app.use('*', async (c, next) => {
    await next();
    c.header('x-content-type-options', 'nosniff');
    // A route may ask for more (the sign-in page: its form POST must carry its origin, which no-referrer nulls).
    if (!c.res.headers.has('referrer-policy')) c.header('referrer-policy', 'no-referrer');
    c.header('content-security-policy', CONTENT_SECURITY_POLICY);
  });
  // CSRF: state-changing requests only from our own origin (web-session.ts says why that suffices).
  app.use('/api/*', sameOriginWrites(deps));
  app.use('/signin/*', sameOriginWrites(deps));
  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => c.json(errorBody('payload_too_large', `Body over ${MAX_BODY_BYTES} bytes`), 413),
    }),
  );

  app.get('/health', (c) => c.json({ status: 'ok', version: deps.version, adapters: deps.adapters }));
  app.get('/api/openapi.json', (c) => c.json(openApiDocument(deps.version, deps.publicBaseUrl)));
  registerMetricsRoute(app, deps.metrics);
  registerTwilioWebhook(app, deps);
  registerTwilioStatusWebhook(app, deps);
  registerStripeWebhook(app, deps);
  registerChatRoute(app, deps);
  registerExportRoute(app, deps);
  registerSignInRoutes(app, deps);
  registerWebPlanRoutes(app, deps);
  registerWebLogRoutes(app, deps);
  registerWebAccountRoutes(app, deps);
  registerWebPhoneRoutes(app, deps);
  registerWebHouseholdRoutes(app, deps);
  app.get('/privacy', (c) => c.html(privacyPage(deps.brandName)));
  app.get('/m/:id', async (c) => {
    const entry = await deps.stores.messages.getById(c.req.param('id'), deps.clock.now());
    if (entry?.direction !== 'out') throw new HttpError(404, 'not_found', 'This message has expired');
    return c.html(
      page(deps.brandName, `<h1>${escapeHtml(deps.brandName)}</h1><p>${escapeHtml(entry.body)}</p>`),
    );
  });
  app.get('/p/:token', async (c) => {
    const now = deps.clock.now();
    const stored = await deps.stores.plans.byToken(c.req.param('token'), now);
    if (!stored) throw new HttpError(404, 'not_found', 'This plan link has expired or does not exist');
    return c.html(await cachedPlanPage(deps.cache, deps.brandName, stored, now));
  });
  app.get('*', async (c) => {
    const assets = deps.assets;
    if (!assets) throw new HttpError(404, 'not_found', 'Not found');
    const path = new URL(c.req.url).pathname;
    const asset = await assets(path === '/' ? '/index.html' : path);
    if (!asset) throw new HttpError(404, 'not_found', 'Not found');
    return c.body(asset.body as Uint8Array<ArrayBuffer>, 200, { 'content-type': asset.contentType });
  });

  app.notFound((c) => c.json(errorBody('not_found', 'Not found'), 404));
  app.onError((error, c) => {
    if (error instanceof HttpError) return c.json(errorBody(error.code, error.message), error.status);
    if (isTransientStoreFault(error)) {
      deps.logger.warn('store_busy', { error: error.name });
      c.header('retry-after', '1');
      return c.json(errorBody('store_busy', 'The store is busy; retry shortly'), 503);
    }
    // Faults are logged with their name only: raw errors may carry user data and never reach the client.
    deps.logger.error('unhandled_error', { error: error.name, message: error.message.slice(0, 200) });
    return c.json(errorBody('internal_error', 'Something went wrong on our side'), 500);
  });
  return app;
}
