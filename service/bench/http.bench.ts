/**
 * npm run bench:http — signed Twilio webhook throughput and p99 latency of the real app (SQLite, signature check,
 * idempotency, conversation) beside a bare Hono route, measured in the same run with autocannon.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpus } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import twilio from 'twilio';

const TOKEN = 'bench-auth-token-0123456789abcdef';
const BASE_URL = 'http://bench.local';
const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 10;
const USERS = 500;
const MESSAGES = [
  'hi',
  'YES',
  'lose weight',
  'no allergies, I eat everything',
  'just me, $60',
  'skip',
  'profile',
  'HELP',
];

type Mode = 'bare' | 'bare-body' | 'app';

async function startTarget(mode: Mode): Promise<{ child: ChildProcess; port: number }> {
  const script = path.join(import.meta.dirname, 'http-target.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script, mode], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (!child.stdout) throw new Error('no stdout');
  const lines = createInterface({ input: child.stdout });
  for await (const line of lines) return { child, port: (JSON.parse(line) as { port: number }).port };
  throw new Error(`${mode} target exited`);
}

let sequence = 0;
/** Every request a new MessageSid (so none is a replay) from one of USERS numbers, walking through onboarding. */
function nextSignedBody(): { body: string; signature: string } {
  sequence++;
  const params = {
    MessageSid: `SM${sequence.toString(16).padStart(32, '0')}`,
    AccountSid: `AC${'0'.repeat(32)}`,
    From: `+1555${String(sequence % USERS).padStart(7, '0')}`,
    To: '+15550001111',
    Body: MESSAGES[Math.floor(sequence / USERS) % MESSAGES.length] ?? 'hi',
    NumMedia: '0',
  };
  const signature = twilio.getExpectedTwilioSignature(TOKEN, `${BASE_URL}/webhooks/twilio`, params);
  return { body: new URLSearchParams(params).toString(), signature };
}

async function measure(mode: Mode) {
  const { child, port } = await startTarget(mode);
  try {
    const result = await autocannon({
      url: `http://127.0.0.1:${port}/webhooks/twilio`,
      connections: CONNECTIONS,
      duration: DURATION_SECONDS,
      requests: [
        {
          method: 'POST',
          setupRequest: (request) => {
            const { body, signature } = nextSignedBody();
            return {
              ...request,
              body,
              headers: {
                'content-type': 'application/x-www-form-urlencoded',
                'x-twilio-signature': signature,
              },
            };
          },
        },
      ],
    });
    return {
      mode,
      requestsPerSecond: Math.round(result.requests.average),
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      non2xx: result.non2xx,
      errors: result.errors,
    };
  } finally {
    child.kill('SIGTERM');
  }
}

const bare = await measure('bare');
const bareBody = await measure('bare-body');
const app = await measure('app');
const ratio = app.requestsPerSecond / bare.requestsPerSecond;
const ratioBody = app.requestsPerSecond / bareBody.requestsPerSecond;
console.log(
  `bench:http ${new Date().toISOString()} · ${cpus().length} cores · ${CONNECTIONS} connections · ${DURATION_SECONDS} s each`,
);
console.table([bare, bareBody, app]);
console.log(
  `signed webhook / bare Hono = ${ratio.toFixed(2)} · / bare Hono reading the body = ${ratioBody.toFixed(2)} (target ≥ 0.6) · app p99 ${app.p99Ms} ms (target ≤ 50 ms)`,
);
