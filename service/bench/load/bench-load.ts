/**
 * npm run bench:load [-- --duration 20 --connections 10 --seed 20261126 --skip-baseline --without-plans]
 *
 * A mixed workload (onboarding, food logs, plans, today/list, questions, STOP/HELP/START, web chat, web sign-in and
 * a signed-in read, Twilio retries of the same MessageSid) against the server `npm start` runs, beside a bare Hono
 * app under the same autocannon settings. Prints throughput, latency and errors per route, then checks the SQLite
 * stores: every accepted message logged exactly once, no dialogue state lost, queued work finished. Exits 1 when
 * the check fails.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { checkConsistency, type SentMessage } from './consistency.ts';
import { type DriveResult, drive, percentile, unanswered, WIND_DOWN_SECONDS } from './drive.ts';
import type { ServerCommand, ServerReply } from './load-server.ts';
import { readSnapshot } from './read-snapshot.ts';
import { newLedger, smsTurn, warmUpMessages } from './workload.ts';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '20' },
    connections: { type: 'string', default: '10' },
    seed: { type: 'string', default: '20261126' },
    'skip-baseline': { type: 'boolean', default: false },
    'without-plans': { type: 'boolean', default: false },
  },
});
const options = {
  durationSeconds: Number(values.duration),
  connections: Number(values.connections),
  seed: Number(values.seed),
  plans: !values['without-plans'],
};
if (!(options.durationSeconds > WIND_DOWN_SECONDS + 1) || !(options.connections >= 1))
  throw new Error(`--duration must be over ${WIND_DOWN_SECONDS + 1} s and --connections at least 1`);

interface Server {
  port: number;
  dataDir?: string;
  command(command: ServerCommand): Promise<void>;
}

async function startServer(mode: 'bare' | 'app'): Promise<Server> {
  const script = path.join(import.meta.dirname, 'load-server.ts');
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', script, mode], {
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  if (!child.stdout) throw new Error('no stdout');
  const command = (name: ServerCommand) =>
    new Promise<void>((resolve, reject) => {
      const onReply = (reply: ServerReply) => {
        if (reply.reply !== name) return;
        child.off('message', onReply);
        resolve();
      };
      child.on('message', onReply);
      child.once('exit', (code) => reject(new Error(`${mode} server exited (${code}) before ${name}`)));
      child.send(name);
    });
  for await (const line of createInterface({ input: child.stdout })) {
    const { port, dataDir } = JSON.parse(line) as { port: number; dataDir?: string };
    return { port, ...(dataDir ? { dataDir } : {}), command };
  }
  throw new Error(`${mode} server exited before listening`);
}

/** Messages never answered during the run are sent again, as Twilio retries them (idempotent by MessageSid). */
async function settle(port: number, ledger: ReturnType<typeof newLedger>): Promise<number> {
  const pending = unanswered(ledger.sent).filter((message) => message.channel === 'sms');
  await sendInTurn(port, pending);
  return pending.length;
}

async function sendInTurn(port: number, messages: SentMessage[]): Promise<void> {
  for (const message of messages) {
    const turn = smsTurn(message, 'sms retry');
    for (let attempt = 0; attempt < 5; attempt++) {
      const status = await fetch(`http://127.0.0.1:${port}${turn.path}`, {
        method: 'POST',
        headers: turn.headers,
        body: turn.body ?? '',
      })
        .then(async (response) => {
          await response.text();
          return response.status;
        })
        .catch(() => 0);
      message.statuses.push(status);
      // 409: the first send is still being processed; ask again as Twilio would.
      if (status !== 409 && status !== 0) break;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

function summarise(name: string, result: DriveResult) {
  const rows = [...result.routes.values()].map((route) => {
    const sorted = route.durationsMs.toSorted((a, b) => a - b);
    const non2xx = Object.entries(route.non2xx).map(([status, count]) => `${status}×${count}`);
    return {
      route: route.route,
      sent: route.sent,
      '2xx': route.ok2xx,
      'non-2xx': non2xx.join(' ') || '0',
      'no answer': route.noAnswer,
      'p50 ms': round(percentile(sorted, 0.5)),
      'p99 ms': round(percentile(sorted, 0.99)),
    };
  });
  const all = [...result.routes.values()].flatMap((route) => route.durationsMs).toSorted((a, b) => a - b);
  const overall = {
    target: name,
    'req/s': Math.round(all.length / result.activeSeconds),
    answered: all.length,
    'p50 ms': round(percentile(all, 0.5)),
    'p97.5 ms': round(percentile(all, 0.975)),
    'p99 ms': round(percentile(all, 0.99)),
    'non-2xx': [...result.routes.values()].reduce(
      (sum, route) => sum + Object.values(route.non2xx).reduce((a, b) => a + b, 0),
      0,
    ),
    'no answer': [...result.routes.values()].reduce((sum, route) => sum + route.noAnswer, 0),
  };
  return { rows, overall };
}

const round = (value: number) => Math.round(value * 10) / 10;
const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');

async function measure(mode: 'bare' | 'app') {
  const server = await startServer(mode);
  const ledger = newLedger();
  // Untimed: the first plan loads the solver and the food data, as bench:planner's warm-up plan does.
  if (mode === 'app') await sendInTurn(server.port, warmUpMessages(ledger));
  const loadBefore = load();
  const result = await drive(server.port, options, ledger);
  const resent = mode === 'app' ? await settle(server.port, ledger) : 0;
  await server.command('drain');
  await server.command('stop');
  return { server, ledger, result, loadBefore, resent };
}

console.log(
  `bench:load ${new Date().toISOString()} · ${cpus().length} cores · Node ${process.version} · ${options.connections} connections · ${options.durationSeconds} s per target (last ${WIND_DOWN_SECONDS} s: GET /health only, left out) · seed ${options.seed}${options.plans ? '' : ' · without plan requests'}`,
);
const overall = [];
if (!values['skip-baseline']) {
  const bare = await measure('bare');
  overall.push({
    ...summarise('bare Hono route (same workload)', bare.result).overall,
    load: bare.loadBefore,
  });
}
const app = await measure('app');
const appSummary = summarise('app: npm start composition, SQLite', app.result);
overall.push({ ...appSummary.overall, load: app.loadBefore });
console.log(
  'Throughput and latency (per answered workload request; load = 1/5/15-min load average at start):',
);
console.table(overall);
console.log('App, per route:');
console.table(appSummary.rows);
console.log(
  `autocannon counted ${app.result.autocannon.errors} socket errors and ${app.result.autocannon.timeouts} timeouts in the app run`,
);
console.log(
  `Twilio retries during the run: ${app.result.routes.get('sms retry')?.sent ?? 0}, of which ${app.ledger.retriesWhileInFlight} while the first send was still unanswered · unanswered SMS sent again after the run: ${app.resent}`,
);

if (!app.server.dataDir) throw new Error('the app server reported no data directory');
const snapshot = readSnapshot(path.join(app.server.dataDir, 'nutritionist.sqlite'));
const report = checkConsistency(app.ledger.sent, snapshot);
console.log(
  `Consistency: ${report.ok ? 'OK' : 'FAILED'} · ${report.acceptedMessages} accepted messages (${report.retriedMessages} sent more than once) from ${report.senders} senders · ${report.disturbedSenders} senders with a refused message (version and duplicates checked only) · queue drained · ${snapshot.inboundLog.length} inbound log rows, ${snapshot.plans.length} users with a plan`,
);
const byKind = new Map<string, number>();
for (const problem of report.problems) byKind.set(problem.kind, (byKind.get(problem.kind) ?? 0) + 1);
if (byKind.size > 0) console.table(Object.fromEntries(byKind));
for (const problem of report.problems.slice(0, 20))
  console.log(`  ${problem.kind} · ${problem.sender} · ${problem.detail}`);
if (report.ok) rmSync(app.server.dataDir, { recursive: true, force: true });
else {
  // Kept to look into: the database and what was sent (numbers are the bench's own, made up).
  writeFileSync(path.join(app.server.dataDir, 'sent.json'), JSON.stringify(app.ledger.sent));
  console.log(`Database and sent messages kept in ${app.server.dataDir}`);
}
process.exitCode = report.ok ? 0 : 1;
