import type { Hono, MiddlewareHandler } from 'hono';
import {
  type Counter,
  type Histogram,
  type MetricsRegistry,
  PROMETHEUS_CONTENT_TYPE,
} from '../core/metrics/metrics-registry.ts';
import { HttpError } from './http-error.ts';

/** The registry `GET /metrics` serves, the HTTP counters the app feeds, and the scrape token. */
export interface AppMetrics {
  registry: MetricsRegistry;
  http: HttpMetrics;
  /** `METRICS_TOKEN`; undefined: the route answers 404. */
  token?: string;
}

export interface HttpMetrics {
  requests: Counter;
  duration: Histogram;
}

export function registerHttpMetrics(registry: MetricsRegistry): HttpMetrics {
  return {
    requests: registry.counter('http_requests_total', 'HTTP requests answered, by route pattern and status', [
      'method',
      'route',
      'status',
    ]),
    duration: registry.histogram(
      'http_request_duration_seconds',
      'Time to answer an HTTP request, by route pattern',
      ['method', 'route'],
    ),
  };
}

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * Counts every request by the ROUTE PATTERN that answered it (`/p/:token`, never `/p/<the token>`): Hono's
 * `routePath` after the handler ran. Anything no route matched — static files and 404s — is `/*`, so a
 * path cannot add a series, and neither can a method Prometheus users would not expect (`OTHER`).
 */
export function httpMetricsMiddleware(metrics: HttpMetrics): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      const method = METHODS.has(c.req.method) ? c.req.method : 'OTHER';
      const route = c.req.routePath || '/*';
      metrics.requests.inc({ method, route, status: String(c.res.status) });
      metrics.duration.observe({ method, route }, (performance.now() - started) / 1000);
    }
  };
}

/**
 * `GET /metrics`: Prometheus text format, only with `Authorization: Bearer <METRICS_TOKEN>`. Without a configured
 * token the route does not exist (404), so a deployment never publishes its counters by accident; a wrong or
 * missing token is 401. The answer is never cached.
 */
export function registerMetricsRoute(app: Hono, metrics: AppMetrics | undefined): void {
  app.get('/metrics', (c) => {
    const token = metrics?.token;
    if (metrics === undefined || token === undefined) throw new HttpError(404, 'not_found', 'Not found');
    const given = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1];
    if (given === undefined || !sameSecret(given, token)) {
      c.header('www-authenticate', 'Bearer realm="metrics"');
      throw new HttpError(401, 'unauthorized', 'A valid metrics token is required');
    }
    return c.body(metrics.registry.render(), 200, {
      'content-type': PROMETHEUS_CONTENT_TYPE,
      'cache-control': 'no-store',
    });
  });
}

/** Compares every character whatever the first difference, so timing does not reveal how much was right. */
function sameSecret(given: string, expected: string): boolean {
  let difference = given.length ^ expected.length;
  for (let i = 0; i < expected.length; i++) difference |= (given.charCodeAt(i) || 0) ^ expected.charCodeAt(i);
  return difference === 0;
}
