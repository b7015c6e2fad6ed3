/**
 * The server for bench:load, in its own process (the load generator must not share its event loop), driven over
 * IPC. `app`: what `npm start` runs — SQLite in a fresh temporary directory, the in-process queue and scheduler,
 * the local language engine — with a Twilio auth token so webhooks are signature-checked. `bare`: a Hono app that
 * answers every route with a fixed body, the floor the same autocannon settings reach on this machine.
 * Prints `{"port":…,"dataDir":…}` once listening; answers `drain` when the queue is idle and `stop` once closed.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { composeLocal } from '../../src/composition/local.ts';
import { loadConfig } from '../../src/config/config.ts';
import { silentLogger } from '../../src/core/ports/logger.port.ts';
import { createApp } from '../../src/http/app.ts';
import { BENCH_BASE_URL, BENCH_TOKEN } from './workload.ts';

export type ServerCommand = 'drain' | 'stop';
export interface ServerReply {
  reply: ServerCommand;
}

const mode = process.argv[2];
let dataDir: string | undefined;
let fetchHandler: (request: Request) => Response | Promise<Response>;
let drain = async () => {};
let close = async () => {};

if (mode === 'bare') {
  const bare = new Hono();
  bare.all('*', async (c) => {
    await c.req.text();
    return c.body('<?xml version="1.0" encoding="UTF-8"?><Response><Message>ok</Message></Response>', 200, {
      'content-type': 'text/xml',
    });
  });
  fetchHandler = bare.fetch;
} else if (mode === 'app') {
  dataDir = mkdtempSync(path.join(tmpdir(), 'nutritionist-load-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    TWILIO_AUTH_TOKEN: BENCH_TOKEN,
    PUBLIC_BASE_URL: BENCH_BASE_URL,
    LOG_LEVEL: 'silent',
    // The abuse limits stay on (their counting is part of every message's cost) but out of reach: with the
    // defaults the server would turn away all but ten messages a second, and this bench would measure that.
    RATE_LIMIT_PER_NUMBER: '100000',
    RATE_LIMIT_GLOBAL_PER_MINUTE: '10000000',
  });
  const runtime = composeLocal(config, { logger: silentLogger });
  // As startLocalServer: housekeeping first, the weekly scheduler running.
  await runtime.queue.enqueue({ type: 'purge_expired' });
  runtime.weeklyScheduler.start();
  fetchHandler = createApp(runtime.appDeps).fetch;
  drain = async () => {
    // A job may queue another: idle means the tail stopped moving.
    let tail: Promise<void>;
    do {
      tail = runtime.queue.whenIdle();
      await tail;
    } while (tail !== runtime.queue.whenIdle());
  };
  close = () => runtime.close();
} else {
  throw new Error('usage: load-server.ts bare|app');
}

const server = serve({ fetch: fetchHandler, port: 0, hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`${JSON.stringify({ port: info.port, dataDir })}\n`);
});

process.on('message', (command: ServerCommand) => {
  const send = (reply: ServerReply) => process.send?.(reply);
  if (command === 'drain') void drain().then(() => send({ reply: 'drain' }));
  if (command === 'stop')
    server.close(async () => {
      await close();
      send({ reply: 'stop' });
      process.disconnect();
    });
});
