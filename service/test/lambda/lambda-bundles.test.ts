import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltFunction, buildLambdaBundles } from '../../scripts/build-lambda.ts';
import {
  BUNDLE_ENV,
  BUNDLE_PROBES,
  LAMBDA_FUNCTIONS,
  type LambdaFunction,
  MAX_JS_BYTES,
  SHIPS_HIGHS_WASM,
} from '../fixtures/lambda/bundles.ts';
import { FakeTwilioApi } from '../support/fake-twilio-api.ts';

/**
 * The bundles `npm run build:lambda` writes, built into a temporary directory and each imported in a fresh Node
 * process with only the documented environment (dummy values): a bundle that cannot load (a missing file, a
 * CommonJS `require` with no banner, a `.wasm` not beside it) fails here, not on AWS.
 */

let outDir = '';
let built: BuiltFunction[] = [];

beforeAll(async () => {
  outDir = mkdtempSync(path.join(tmpdir(), 'lambda-bundles-'));
  built = await buildLambdaBundles({ outDir });
}, 180_000);
afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

/** Imports the bundle in a new process, calls its handler with `event` (if any) and returns what it resolved to. */
function runBundle(fn: LambdaFunction, event?: unknown): { handlerType: string; result?: unknown } {
  const bundle = pathToFileURL(path.join(outDir, fn, 'index.mjs')).href;
  const script = `
    const mod = await import(${JSON.stringify(bundle)});
    const out = { handlerType: typeof mod.handler };
    const event = ${JSON.stringify(event ?? null)};
    const context = {
      functionName: 'bundle-test-${fn}',
      awsRequestId: 'bundle-test-request',
      getRemainingTimeInMillis: () => 60000,
    };
    if (event !== null) out.result = await mod.handler(event, context);
    process.stdout.write('\\nBUNDLE_RESULT ' + JSON.stringify(out) + '\\n');
  `;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { PATH: process.env.PATH ?? '', ...BUNDLE_ENV },
    encoding: 'utf8',
    timeout: 60_000,
  });
  const line = child.stdout.split('\n').find((text) => text.startsWith('BUNDLE_RESULT '));
  if (child.status !== 0 || line === undefined) {
    throw new Error(`${fn} bundle failed (exit ${child.status}):\n${child.stderr.slice(-2000)}`);
  }
  return JSON.parse(line.slice('BUNDLE_RESULT '.length));
}

describe('Lambda bundles', () => {
  it('builds one index.mjs per function, with highs.wasm beside exactly the functions that plan', () => {
    expect(built.map((fn) => fn.name)).toStrictEqual([...LAMBDA_FUNCTIONS]);
    for (const fn of LAMBDA_FUNCTIONS) {
      expect(existsSync(path.join(outDir, fn, 'index.mjs')), fn).toBe(true);
      expect(existsSync(path.join(outDir, fn, 'highs.wasm')), `${fn} highs.wasm`).toBe(SHIPS_HIGHS_WASM[fn]);
    }
  });

  it.each(LAMBDA_FUNCTIONS)('%s parses at most 1.5 MB of JavaScript at init', (fn) => {
    const bundle = built.find((one) => one.name === fn);
    expect(bundle?.initJsBytes, fn).toBeLessThanOrEqual(MAX_JS_BYTES);
    expect(bundle?.totalJsBytes, fn).toBeGreaterThanOrEqual(bundle?.initJsBytes ?? Number.POSITIVE_INFINITY);
  });

  it('http loads the Stripe SDK from a lazy chunk beside it, whose signature check accepts and refuses', () => {
    const http = built.find((one) => one.name === 'http');
    const chunk = http?.lazyChunks.find((file) => file.startsWith('stripe'));
    expect(chunk, 'a lazy Stripe chunk').toBeDefined();
    const url = pathToFileURL(path.join(outDir, 'http', chunk ?? '')).href;
    const script = `
      const { default: Stripe } = await import(${JSON.stringify(url)});
      const payload = JSON.stringify({ id: 'evt_bundle', object: 'event', type: 'customer.created' });
      const secret = 'whsec_bundle_test';
      const header = Stripe.webhooks.generateTestHeaderString({ payload, secret });
      const event = Stripe.webhooks.constructEvent(payload, header, secret);
      let refused = false;
      try {
        Stripe.webhooks.constructEvent(payload, header, 'whsec_another');
      } catch (error) {
        refused = error instanceof Stripe.errors.StripeSignatureVerificationError;
      }
      process.stdout.write('\\nSTRIPE_RESULT ' + JSON.stringify({ id: event.id, refused }) + '\\n');
    `;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      env: { PATH: process.env.PATH ?? '', ...BUNDLE_ENV },
      encoding: 'utf8',
      timeout: 60_000,
    });
    const line = child.stdout.split('\n').find((text) => text.startsWith('STRIPE_RESULT '));
    expect(line, child.stderr.slice(-2000)).toBeDefined();
    expect(JSON.parse(line?.slice('STRIPE_RESULT '.length) ?? '{}')).toStrictEqual({
      id: 'evt_bundle',
      refused: true,
    });
  });

  it('worker loads the Twilio SDK from lazy chunks beside it, and its messenger sends through it', async () => {
    const worker = built.find((one) => one.name === 'worker');
    const chunk = (prefix: string) => {
      const file = worker?.lazyChunks.find((name) => name.startsWith(prefix));
      expect(file, `a lazy ${prefix} chunk`).toBeDefined();
      return pathToFileURL(path.join(outDir, 'worker', file ?? '')).href;
    };
    const accountSid = `AC${'b2'.repeat(16)}`;
    const api = new FakeTwilioApi(accountSid, 'bundle-auth-token-0123456789abcd');
    await api.start();
    try {
      // The messenger's outbound store is a stand-in here: this test is about the bundled SDK reaching the API.
      const script = `
        const { TwilioMessenger } = await import(${JSON.stringify(chunk('twilio-messenger'))});
        const { createTwilioRestClient } = await import(${JSON.stringify(chunk('twilio-rest-client'))});
        const store = {
          claim: async () => ({ status: 'claimed' }),
          markSent: async () => {}, markFailed: async () => {}, release: async () => {},
        };
        const messenger = new TwilioMessenger({
          client: createTwilioRestClient({
            accountSid: '${accountSid}', authToken: 'bundle-auth-token-0123456789abcd', apiBaseUrl: process.argv[1],
          }),
          store, clock: { now: () => new Date() },
          logger: { debug() {}, info() {}, warn() {}, error() {} },
          senders: { fromNumber: '+15550009999' },
          statusCallbackUrl: 'https://coach.example.test/webhooks/twilio/status',
        });
        const outcome = await messenger.send({ userId: 'u', channel: 'sms', phone: '+15557770303' }, 'hello', 'k');
        process.stdout.write('\\nTWILIO_RESULT ' + JSON.stringify(outcome.status) + '\\n');
      `;
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ['--input-type=module', '-e', script, api.url],
        { env: { PATH: process.env.PATH ?? '', ...BUNDLE_ENV }, encoding: 'utf8', timeout: 60_000 },
      );
      expect(stdout).toContain('TWILIO_RESULT "sent"');
      expect(api.requests.map((request) => request.form.To)).toEqual(['+15557770303']);
    } finally {
      await api.stop();
    }
  });

  it.each(LAMBDA_FUNCTIONS)('%s imports in a fresh Node process and exports a handler', (fn) => {
    expect(runBundle(fn).handlerType).toBe('function');
  });

  it.each(BUNDLE_PROBES.map((probe) => [probe.name, probe] as const))('%s', (_name, probe) => {
    const { result } = runBundle(probe.fn, probe.event);
    const answer =
      probe.fn === 'http' && result !== null && typeof result === 'object' && 'body' in result
        ? { ...result, body: JSON.parse(String(result.body)) }
        : result;
    expect(answer).toMatchObject(probe.expected as object);
  });
});
