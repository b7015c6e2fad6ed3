import { InProcessQueue } from '../../src/adapters/in-process-queue/in-process-queue.ts';
import { createMemoryStores } from '../../src/adapters/memory/index.ts';
import type { Clock } from '../../src/core/ports/clock.port.ts';
import type { Job, JobQueue } from '../../src/core/ports/job-queue.port.ts';
import { silentLogger } from '../../src/core/ports/logger.port.ts';
import type { Messenger, SendOutcome } from '../../src/core/ports/messenger.port.ts';
import type { Stores } from '../../src/core/ports/stores.ts';
import {
  type HandleInboundDeps,
  handleInboundMessage,
} from '../../src/core/use-cases/handle-inbound-message.ts';
import {
  DEFAULT_DELIVERY_WINDOW,
  deliverWeeklyPlan,
  runWeeklyDeliveries,
} from '../../src/core/use-cases/weekly-delivery.ts';
import { sequentialIds } from '../support/test-app.ts';
import { sequentialTokens, testPlanner } from '../support/test-planner.ts';

/** A clock the test sets to any instant. */
export class SettableClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  set(instant: string | Date): void {
    this.current = new Date(instant);
  }
}

export interface SentMessage {
  userId: string;
  at: string;
  key: string;
  body: string;
}

/** Records every send with the clock's time; it drops nothing, so a repeated key would show as a second send. */
export class RecordingMessenger implements Messenger {
  readonly kind = 'recording';
  readonly sent: SentMessage[] = [];
  constructor(private readonly clock: Clock) {}
  async send(to: { userId: string }, body: string, key: string): Promise<SendOutcome> {
    this.sent.push({ userId: to.userId, at: this.clock.now().toISOString(), key, body });
    return { status: 'sent' };
  }
}

/** The use case, the queue running weekly jobs and the scheduler's tick, over the given stores and clock. */
export function weeklyHarness(options: {
  clock: SettableClock;
  stores?: Stores;
  jobs?: JobQueue;
  /** A restarted process over the same file: ids and link tokens must not repeat the first run's. */
  run?: number;
}) {
  const { clock } = options;
  const stores = options.stores ?? createMemoryStores();
  const messenger = new RecordingMessenger(clock);
  const queue =
    options.jobs ??
    new InProcessQueue(async (job: Job) => {
      if (job.type === 'weekly_plan')
        await deliverWeeklyPlan({ ...inboundDeps, messenger, deliveryWindow: DEFAULT_DELIVERY_WINDOW }, job);
    }, silentLogger);
  const inboundDeps: HandleInboundDeps = {
    stores,
    clock,
    ids: offsetIds(sequentialIds(), options.run ?? 0),
    tokens: offsetIds(sequentialTokens(), options.run ?? 0),
    planner: testPlanner,
    logger: silentLogger,
    conversation: {
      brand: { name: 'AI Nutritionist', contact: 'help@example.org' },
      privacyUrl: 'https://coach.example.test/privacy',
      providerConfirmsOptOut: false,
    },
    publicBaseUrl: 'https://coach.example.test',
    messageRetentionDays: 90,
    jobs: queue,
  };
  const say = async (phone: string, text: string): Promise<string[]> =>
    (await handleInboundMessage(inboundDeps, { channel: 'sms', sender: { phone }, text, hasMedia: false }))
      .replies;
  /** One scheduler tick at the clock's time, then every job it queued run to the end. */
  const tick = async () => {
    const queued = await runWeeklyDeliveries({
      stores,
      clock,
      logger: silentLogger,
      jobs: queue,
      deliveryWindow: DEFAULT_DELIVERY_WINDOW,
    });
    await queue.whenIdle();
    return queued;
  };
  return { stores, clock, messenger, queue, say, tick, inboundDeps };
}

/** The same generator shifted by `run` thousand, so two runs of the test process never hand out the same id. */
function offsetIds(generator: { next(): string }, run: number): { next(): string } {
  for (let skipped = 0; skipped < run * 1000; skipped++) generator.next();
  return generator;
}
