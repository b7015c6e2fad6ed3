import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LocalOutbox } from '../../src/adapters/local-outbox/local-outbox.ts';
import { createMemoryStores } from '../../src/adapters/memory/index.ts';
import { openSqliteStores } from '../../src/adapters/sqlite/index.ts';
import { createJsonLogger } from '../../src/adapters/system/json-logger.ts';
import { composeLocal } from '../../src/composition/local.ts';
import { composeMessenger } from '../../src/composition/messenger.ts';
import { loadConfig } from '../../src/config/config.ts';
import type { User } from '../../src/core/domain/user.ts';
import { MessengerError, type SendOutcome } from '../../src/core/ports/messenger.port.ts';
import type { OutboundMessageStore } from '../../src/core/ports/outbound-message-store.port.ts';
import type { Stores } from '../../src/core/ports/stores.ts';
import { deliverMessage } from '../../src/core/use-cases/deliver-message.ts';
import { createApp } from '../../src/http/app.ts';
import {
  OUTBOUND_ACCOUNT_SID,
  OUTBOUND_FROM_NUMBER,
  OUTBOUND_MESSAGING_SERVICE_SID,
  OUTBOUND_ROWS,
  OUTBOUND_TEMPLATE_SID,
  OUTBOUND_WHATSAPP_FROM,
  type OutboundRow,
  type SendOutcomeName,
} from '../fixtures/twilio-outbound/expected-outbound.ts';
import { FakeTwilioApi } from '../support/fake-twilio-api.ts';
import { ManualClock, sequentialIds } from '../support/test-app.ts';

const AUTH_TOKEN = 'outbound-auth-token-0123456789ab';
const BASE_URL = 'https://coach.example.test';
const HOUR = 3_600_000;

const api = new FakeTwilioApi(OUTBOUND_ACCOUNT_SID, AUTH_TOKEN);
beforeAll(async () => {
  await api.start();
});
afterAll(async () => {
  await api.stop();
});
beforeEach(() => api.reset());

type OutboundStores = Stores & { outboundMessages: OutboundMessageStore };

/** One process: its stores, messenger and log lines; `restart` opens a new one over the same SQLite file. */
async function openProcess(row: OutboundRow, file: string | undefined, clock: ManualClock, lines: string[]) {
  const stores: OutboundStores = file ? openSqliteStores({ file }) : createMemoryStores();
  const config = loadConfig({
    PUBLIC_BASE_URL: BASE_URL,
    STORE: file ? 'sqlite' : 'memory',
    TWILIO_AUTH_TOKEN: AUTH_TOKEN,
    TWILIO_ACCOUNT_SID: OUTBOUND_ACCOUNT_SID,
    ...(row.sender === 'number'
      ? { TWILIO_FROM_NUMBER: OUTBOUND_FROM_NUMBER }
      : { TWILIO_MESSAGING_SERVICE_SID: OUTBOUND_MESSAGING_SERVICE_SID }),
    TWILIO_WHATSAPP_FROM: OUTBOUND_WHATSAPP_FROM,
    ...(row.templateConfigured ? { TWILIO_WHATSAPP_TEMPLATE_SID: OUTBOUND_TEMPLATE_SID } : {}),
  });
  const logger = createJsonLogger('debug', (line) => lines.push(line));
  const outbox = new LocalOutbox(logger);
  const messenger = composeMessenger(config, {
    outbox,
    outboundMessages: stores.outboundMessages,
    consent: stores.consent,
    clock,
    logger,
    twilioApiBaseUrl: api.url,
  });
  const deps = {
    stores,
    clock,
    ids: sequentialIds(),
    logger,
    messenger,
    publicBaseUrl: BASE_URL,
    messageRetentionDays: 90,
  };
  return { stores, deps, outbox, config };
}

async function seedUser(stores: Stores, row: OutboundRow, clock: ManualClock): Promise<User> {
  const now = clock.now();
  const user: User = {
    id: `user-${row.phone.slice(-4)}`,
    ...(row.channel === 'web' ? { webSessionId: `web-${row.phone.slice(-4)}` } : { phone: row.phone }),
    lastChannel: row.channel,
    locale: 'en',
    profile: {},
    ...(row.lastInboundHoursAgo === undefined
      ? {}
      : { lastInboundAt: new Date(now.getTime() - row.lastInboundHoursAgo * HOUR).toISOString() }),
    createdAt: new Date(now.getTime() - 72 * HOUR).toISOString(),
    updatedAt: now.toISOString(),
  };
  await stores.users.create(user);
  const subject = user.phone ?? `web:${user.webSessionId}`;
  const consent = (granted: boolean, method: string, hoursAgo: number) =>
    stores.consent.append({
      subject,
      purpose: 'messaging',
      granted,
      method,
      textVersion: 'consent-2026-11-v1',
      at: new Date(now.getTime() - hoursAgo * HOUR).toISOString(),
    });
  await consent(true, `${row.channel}:first-message`, 48);
  if (row.optedOut) await consent(false, `${row.channel}:keyword:STOP`, 3);
  return user;
}

function outcomeName(outcome: SendOutcome): SendOutcomeName {
  if (outcome.status !== 'not_sent') return outcome.status;
  if (outcome.reason === 'no_route') throw new Error('no route: the test configuration is wrong');
  return outcome.reason;
}

describe('outbound messages through the official Twilio SDK against a fake Twilio API', () => {
  it.each(OUTBOUND_ROWS.map((row) => [row.name, row] as const))('%s', async (_name, row) => {
    const clock = new ManualClock();
    const lines: string[] = [];
    const dir = row.restartBetweenSends ? await mkdtemp(join(tmpdir(), 'nutritionist-twilio-')) : undefined;
    const file = dir ? join(dir, 'stores.db') : undefined;
    api.script(row.answers ?? []);
    let process = await openProcess(row, file, clock, lines);
    try {
      const user = await seedUser(process.stores, row, clock);
      const key = `plan:${row.phone}`;
      const outcomes: SendOutcomeName[] = [];
      for (let send = 0; send < row.sends; send++) {
        if (send > 0 && row.restartBetweenSends) {
          await process.stores.close();
          process = await openProcess(row, file, clock, lines);
        }
        try {
          outcomes.push(outcomeName(await deliverMessage(process.deps, user, row.body, key)));
        } catch (error) {
          expect(error).toBeInstanceOf(MessengerError);
          outcomes.push('retryable_error');
        }
        clock.advance(60_000);
      }

      expect(outcomes).toEqual(row.expect.outcomes);
      expect(api.requests).toHaveLength(row.expect.requests);
      for (const request of api.requests) {
        expect(request).toMatchObject({
          method: 'POST',
          path: `/2010-04-01/Accounts/${OUTBOUND_ACCOUNT_SID}/Messages.json`,
          username: OUTBOUND_ACCOUNT_SID,
          password: AUTH_TOKEN,
          contentType: 'application/x-www-form-urlencoded',
        });
      }
      const first = api.requests[0];
      if (row.expect.fields) expect(first?.form).toMatchObject(row.expect.fields);
      for (const field of row.expect.absent ?? []) expect(first?.form).not.toHaveProperty(field);

      const stored = await process.stores.outboundMessages.find(key);
      if (row.expect.stored === 'none') expect(stored).toBeUndefined();
      else expect(stored).toMatchObject(row.expect.stored);
      if (row.channel === 'web' && row.expect.outcomes.includes('sent')) {
        expect(process.outbox.delivered(user.id)).toEqual([row.body]);
      }

      // Privacy: the logs name the user by id, never by number, and never hold the text.
      const digits = row.phone.slice(1);
      for (const line of lines) {
        expect(line).not.toContain(digits);
        expect(line).not.toContain(row.body);
      }
    } finally {
      await process.stores.close();
      if (dir) await rm(dir, { recursive: true, force: true });
    }
  });

  it('a sent message reports its MessageSid, so its status callbacks find the user', async () => {
    const clock = new ManualClock();
    const row = OUTBOUND_ROWS[0] as OutboundRow;
    const { stores, deps } = await openProcess(row, undefined, clock, []);
    const user = await seedUser(stores, row, clock);
    const outcome = await deliverMessage(deps, user, row.body, 'plan:sid');
    expect(outcome.status).toBe('sent');
    const record = await stores.outboundMessages.find('plan:sid');
    expect(record?.state === 'sent' && outcome.status === 'sent' && record.messageSid).toBe(
      outcome.status === 'sent' ? outcome.providerMessageId : undefined,
    );
  });

  it('without an account SID or a sender, text messages stay in the local outbox', async () => {
    const clock = new ManualClock();
    const stores = createMemoryStores();
    const base = { PUBLIC_BASE_URL: BASE_URL, TWILIO_AUTH_TOKEN: AUTH_TOKEN };
    const parts = {
      outbox: new LocalOutbox(createJsonLogger('silent')),
      outboundMessages: stores.outboundMessages,
      consent: stores.consent,
      clock,
      logger: createJsonLogger('silent'),
      twilioApiBaseUrl: api.url,
    };
    expect(composeMessenger(loadConfig(base), parts).kind).toBe('local-outbox');
    expect(
      composeMessenger(loadConfig({ ...base, TWILIO_ACCOUNT_SID: OUTBOUND_ACCOUNT_SID }), parts).kind,
    ).toBe('local-outbox');
    expect(
      composeMessenger(
        loadConfig({
          ...base,
          TWILIO_ACCOUNT_SID: OUTBOUND_ACCOUNT_SID,
          TWILIO_WHATSAPP_FROM: OUTBOUND_WHATSAPP_FROM,
        }),
        parts,
      ).kind,
    ).toBe('twilio');
  });

  it('/health names the messenger the local runtime composed', async () => {
    const health = async (env: Record<string, string>) => {
      const runtime = composeLocal(loadConfig({ STORE: 'memory', LOG_LEVEL: 'silent', ...env }));
      try {
        const body = (await (await createApp(runtime.appDeps).request('/health')).json()) as {
          adapters: Record<string, string>;
        };
        return body.adapters.messenger;
      } finally {
        await runtime.close();
      }
    };
    expect(await health({})).toBe('local-outbox');
    expect(
      await health({
        TWILIO_AUTH_TOKEN: AUTH_TOKEN,
        TWILIO_ACCOUNT_SID: OUTBOUND_ACCOUNT_SID,
        TWILIO_FROM_NUMBER: OUTBOUND_FROM_NUMBER,
      }),
    ).toBe('twilio');
  });

  it('rejects malformed Twilio settings at start-up, naming the variable', () => {
    for (const [variable, value] of [
      ['TWILIO_ACCOUNT_SID', 'AC123'],
      ['TWILIO_FROM_NUMBER', '5551234567'],
      ['TWILIO_MESSAGING_SERVICE_SID', 'MG-nope'],
      ['TWILIO_WHATSAPP_FROM', '+15551234567'],
      ['TWILIO_WHATSAPP_TEMPLATE_SID', 'template-1'],
    ] as const) {
      expect(() => loadConfig({ [variable]: value })).toThrow(variable);
    }
  });
});
