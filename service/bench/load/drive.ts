/**
 * Runs autocannon against one server with a ConnectionDriver per connection and times every turn itself (setup to
 * answer), so latency and errors can be given per route. In the last seconds the drivers send only `GET /health`,
 * so the run's hard stop cuts off no conversation turn; those health checks are left out of every figure.
 */
import autocannon from 'autocannon';
import type { SentMessage } from './consistency.ts';
import { ConnectionDriver, type Ledger, type RouteName, type Turn } from './workload.ts';

export const WIND_DOWN_SECONDS = 2;

export interface RouteFigures {
  route: RouteName;
  sent: number;
  ok2xx: number;
  /** Count per non-2xx status. */
  non2xx: Record<string, number>;
  /** Sends that got no answer (socket error, timeout, or cut off at the end). */
  noAnswer: number;
  durationsMs: number[];
}

export interface DriveResult {
  routes: Map<RouteName, RouteFigures>;
  /** Seconds in which the workload (not the wind-down) ran. */
  activeSeconds: number;
  /** autocannon's own counts (its latency figures include the wind-down's health checks, so are not used). */
  autocannon: { errors: number; timeouts: number };
}

interface InFlight {
  turn: Turn;
  started: number;
  /** Index of this send in its message's `statuses`. */
  slot?: number;
}

export async function drive(
  port: number,
  options: { connections: number; durationSeconds: number; seed: number; plans: boolean },
  ledger: Ledger,
): Promise<DriveResult> {
  const routes = new Map<RouteName, RouteFigures>();
  const figures = (route: RouteName) => {
    let entry = routes.get(route);
    if (!entry) {
      entry = { route, sent: 0, ok2xx: 0, non2xx: {}, noAnswer: 0, durationsMs: [] };
      routes.set(route, entry);
    }
    return entry;
  };
  const started = performance.now();
  const windDownAt = started + (options.durationSeconds - WIND_DOWN_SECONDS) * 1000;
  let connectionId = 0;
  const openTurns: (() => InFlight | undefined)[] = [];
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: options.connections,
    duration: options.durationSeconds,
    requests: [{ method: 'GET', path: '/health' }],
    setupClient: (client) => {
      const driver = new ConnectionDriver(connectionId++, ledger, options);
      let inFlight: InFlight | undefined;
      openTurns.push(() => inFlight);
      client.setRequests([
        {
          setupRequest: (request) => {
            // A turn still in flight here was never answered: the connection was reset or timed out.
            if (inFlight) figures(inFlight.turn.route).noAnswer++;
            if (performance.now() >= windDownAt) {
              inFlight = undefined;
              return { ...request, method: 'GET', path: '/health', headers: {}, body: '' };
            }
            const turn = driver.next();
            figures(turn.route).sent++;
            inFlight = {
              turn,
              started: performance.now(),
              ...(turn.message ? { slot: turn.message.statuses.push(0) - 1 } : {}),
            };
            return {
              ...request,
              method: turn.method,
              path: turn.path,
              headers: turn.headers,
              body: turn.body ?? '',
            };
          },
          onResponse: (status, body, _context, headers) => {
            if (!inFlight) return;
            const { turn, slot } = inFlight;
            const entry = figures(turn.route);
            entry.durationsMs.push(performance.now() - inFlight.started);
            // Opening a sign-in link answers with a redirect to the app.
            const ok = (status >= 200 && status < 300) || (turn.route === 'web sign-in' && status === 303);
            if (ok) entry.ok2xx++;
            else entry.non2xx[status] = (entry.non2xx[status] ?? 0) + 1;
            if (turn.message && slot !== undefined) turn.message.statuses[slot] = status;
            turn.onAnswer?.(status, body, (headers ?? {}) as Record<string, string | string[]>);
            inFlight = undefined;
          },
        },
      ]);
    },
  });
  // Turns still open when autocannon stopped (slower than the wind-down) got no answer either.
  for (const open of openTurns) {
    const turn = open()?.turn;
    if (turn) figures(turn.route).noAnswer++;
  }
  const activeSeconds = (windDownAt - started) / 1000;
  return {
    routes,
    activeSeconds,
    autocannon: { errors: result.errors, timeouts: result.timeouts },
  };
}

/** Sends of messages still unanswered after the run (their status is 0). */
export function unanswered(sent: SentMessage[]): SentMessage[] {
  return sent.filter((message) => message.statuses.every((status) => status === 0));
}

export function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}
