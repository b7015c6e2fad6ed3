/**
 * A server for bench/http.bench.ts, in its own process so the load generator does not share its event loop.
 * `bare`: one Hono route that answers TwiML, the floor any webhook can reach.
 * `app`: the real app over a fresh SQLite file, signature checks, idempotency and the conversation included.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { composeLocal } from '../src/composition/local.ts';
import { loadConfig } from '../src/config/config.ts';
import { silentLogger } from '../src/core/ports/logger.port.ts';
import { createApp } from '../src/http/app.ts';

export const BENCH_TOKEN = 'bench-auth-token-0123456789abcdef';
export const BENCH_BASE_URL = 'http://bench.local';

const mode = process.argv[2];
let fetchHandler: (request: Request) => Response | Promise<Response>;
if (mode === 'bare') {
  const bare = new Hono();
  bare.post('/webhooks/twilio', (c) =>
    c.body('<?xml version="1.0" encoding="UTF-8"?><Response><Message>ok</Message></Response>', 200, {
      'content-type': 'text/xml',
    }),
  );
  fetchHandler = bare.fetch;
} else if (mode === 'bare-body') {
  const bare = new Hono();
  bare.post('/webhooks/twilio', async (c) => {
    const body = await c.req.text();
    return c.body(
      `<?xml version="1.0" encoding="UTF-8"?><Response><Message>${body.length}</Message></Response>`,
      200,
      {
        'content-type': 'text/xml',
      },
    );
  });
  fetchHandler = bare.fetch;
} else if (mode === 'app') {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'nutritionist-bench-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    TWILIO_AUTH_TOKEN: BENCH_TOKEN,
    PUBLIC_BASE_URL: BENCH_BASE_URL,
    LOG_LEVEL: 'silent',
    // The abuse limits are counted but out of reach: with the defaults this bench would measure the slow-down.
    RATE_LIMIT_PER_NUMBER: '100000',
    RATE_LIMIT_GLOBAL_PER_MINUTE: '10000000',
  });
  fetchHandler = createApp(composeLocal(config, { logger: silentLogger }).appDeps).fetch;
} else {
  throw new Error('usage: http-target.ts bare|app');
}

const server = serve({ fetch: fetchHandler, port: 0, hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`${JSON.stringify({ port: info.port })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
