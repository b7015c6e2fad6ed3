import { InProcessQueue } from '../../src/adapters/in-process-queue/in-process-queue.ts';
import { LocalOutbox } from '../../src/adapters/local-outbox/local-outbox.ts';
import { createMemoryStores } from '../../src/adapters/memory/index.ts';
import { consentCheckedMessenger } from '../../src/core/messaging/consent-checked-messenger.ts';
import type { Job } from '../../src/core/ports/job-queue.port.ts';
import type { LanguageModel } from '../../src/core/ports/language-model.port.ts';
import type { Logger } from '../../src/core/ports/logger.port.ts';
import type { Stores } from '../../src/core/ports/stores.ts';
import {
  type HandleInboundDeps,
  handleInboundMessage,
} from '../../src/core/use-cases/handle-inbound-message.ts';
import { runJob } from '../../src/core/use-cases/run-job.ts';
import { DEFAULT_DELIVERY_WINDOW } from '../../src/core/use-cases/weekly-delivery.ts';
import { ManualClock, sequentialIds } from '../support/test-app.ts';
import { sequentialTokens, testPlanner } from '../support/test-planner.ts';

export interface LogLine {
  level: string;
  event: string;
  fields?: Record<string, unknown>;
}

/** Every log line, as the production logger would print it (event plus fields). */
export function capturingLogger(): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at =
    (level: string) =>
    (event: string, fields?: Record<string, unknown>): void => {
      lines.push({ level, event, ...(fields ? { fields } : {}) });
    };
  return { logger: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') }, lines };
}

/** Fake AWS credentials and region: the SDK signs with them; the fake server only checks a signature is there. */
export const FAKE_AWS = {
  region: 'us-east-1',
  credentials: { accessKeyId: 'AKIDFAKE00000000', secretAccessKey: 'fake-secret-key-0000000000000000' },
};

/** A short budget for retry and error tests (the defaults are tested on their own). */
export const TEST_BUDGET = { totalMs: 1_500, attemptMs: 600, maxAttempts: 3 };

/** How a user gets to "ready": adult, losing weight, allergic to peanuts, body data given. */
export const ONBOARDING = {
  en: [
    'hi',
    'yes',
    'lose weight',
    'allergic to peanuts, I eat everything',
    'just me, $80',
    '30 female 165cm 70kg moderate',
  ],
  es: [
    'hola',
    'sí',
    'bajar de peso',
    'alérgica al cacahuate, como de todo',
    'solo yo, 80 dólares',
    '30 mujer 165cm 70kg moderada',
  ],
} as const;

/**
 * `conversation` with an in-process queue running the real job dispatcher: `inline` answers the webhook, `queued`
 * (the longer budget) answers queued questions, delivered through the consent-checked local outbox. Every job
 * enqueued is kept in `jobs`, so a test can enqueue one again as SQS would redeliver it.
 */
export function queuedConversation(inline: LanguageModel, queued: LanguageModel, logger: Logger) {
  const chat = conversation(inline, logger);
  const outbox = new LocalOutbox(logger);
  const messenger = consentCheckedMessenger(outbox, { consent: chat.stores.consent, logger });
  const jobs: Job[] = [];
  const runner = new InProcessQueue(
    (job) =>
      runJob(
        {
          ...chat.deps,
          messenger,
          language: queued,
          deliveryWindow: DEFAULT_DELIVERY_WINDOW,
        },
        job,
      ),
    logger,
  );
  chat.deps.jobs = {
    kind: 'recording',
    enqueue: async (job) => {
      jobs.push(job);
      await runner.enqueue(job);
    },
    whenIdle: () => runner.whenIdle(),
  };
  /** Delivered to the user with this phone since the last call, once every queued job has finished. */
  const deliveries = async (phone: string): Promise<string[]> => {
    await runner.whenIdle();
    const user = await chat.stores.users.findByPhone(phone);
    return user ? outbox.takeNew(user.id) : [];
  };
  return { ...chat, jobs, queue: chat.deps.jobs, deliveries };
}

/** The inbound use case with memory stores, answering open questions through `language`. */
export function conversation(language: LanguageModel, logger: Logger) {
  const stores: Stores = createMemoryStores();
  const deps: HandleInboundDeps = {
    stores,
    clock: new ManualClock(),
    ids: sequentialIds(),
    tokens: sequentialTokens(),
    planner: testPlanner,
    logger,
    conversation: {
      brand: { name: 'AI Nutritionist', contact: 'help@example.org' },
      privacyUrl: 'https://coach.example.test/privacy',
      providerConfirmsOptOut: false,
    },
    publicBaseUrl: 'https://coach.example.test',
    messageRetentionDays: 90,
    language,
  };
  const send = async (phone: string, text: string): Promise<string[]> =>
    (await handleInboundMessage(deps, { channel: 'sms', sender: { phone }, text, hasMedia: false })).replies;
  const onboard = async (phone: string, locale: 'en' | 'es') => {
    for (const text of ONBOARDING[locale]) await send(phone, text);
  };
  return { stores, deps, send, onboard };
}
