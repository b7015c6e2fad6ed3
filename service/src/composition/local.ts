import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { InProcessQueue } from '../adapters/in-process-queue/in-process-queue.ts';
import { InProcessScheduler } from '../adapters/in-process-scheduler/in-process-scheduler.ts';
import { LocalOutbox } from '../adapters/local-outbox/local-outbox.ts';
import { createMemoryStores } from '../adapters/memory/index.ts';
import { openSqliteStores } from '../adapters/sqlite/index.ts';
import { staticFiles } from '../adapters/static-files/static-files.ts';
import { createJsonLogger } from '../adapters/system/json-logger.ts';
import { clockStartingAt, randomIds, randomTokens, systemClock } from '../adapters/system/system-clock.ts';
import type { Config } from '../config/config.ts';
import { planStoreDroppingCache } from '../core/cache/cache-tags.ts';
import { QUEUED_CALL_BUDGET } from '../core/knowledge/model-call-budget.ts';
import type { Clock } from '../core/ports/clock.port.ts';
import type { JobQueue } from '../core/ports/job-queue.port.ts';
import type { Logger } from '../core/ports/logger.port.ts';
import type { Stores } from '../core/ports/stores.ts';
import { type HandleInboundDeps, handleInboundMessage } from '../core/use-cases/handle-inbound-message.ts';
import { runJob } from '../core/use-cases/run-job.ts';
import { runWeeklyDeliveries } from '../core/use-cases/weekly-delivery.ts';
import type { AppDeps } from '../http/app-deps.ts';
import { composeBilling, familyLapseScheduler, stripeWebhook } from './billing.ts';
import { composeCache } from './cache.ts';
import { composeObservedLanguage } from './language-cache.ts';
import { composeMessenger } from './messenger.ts';
import { composeMetrics } from './metrics.ts';
import { composePlanner } from './planner.ts';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

export interface LocalRuntime {
  appDeps: AppDeps;
  stores: Stores;
  queue: JobQueue;
  /** Messages delivered by queued work (a household plan), per user. */
  outbox: LocalOutbox;
  logger: Logger;
  /** Weekly plans that are due become jobs; `npm start` starts it, `close` stops it. */
  weeklyScheduler: InProcessScheduler;
  /** Tells members when a Family plan's paid period is over; present only with billing on. */
  billingScheduler?: InProcessScheduler;
  close(): Promise<void>;
}

/** One machine: SQLite (or memory), the in-process queue, the built web UI. The only place adapters are built. */
export function composeLocal(
  config: Config,
  /** `startAt`: replay as if the process started then (`nutritionist chat --now`); time still passes. */
  overrides: { logger?: Logger; clock?: Clock; startAt?: Date } = {},
): LocalRuntime {
  const logger = overrides.logger ?? createJsonLogger(config.logLevel);
  const clock = overrides.clock ?? (overrides.startAt ? clockStartingAt(overrides.startAt) : systemClock);
  const stores =
    config.store === 'memory'
      ? createMemoryStores({ pseudonymKey: config.pseudonymKey })
      : openSqliteStores({
          file: path.join(config.dataDir, 'nutritionist.sqlite'),
          clock,
          pseudonymKey: config.pseudonymKey,
        });
  const { cache, close: closeCache } = composeCache(config, { clock, logger });
  // Plan edits and erasures drop what was cached from the plans (their pages).
  stores.plans = planStoreDroppingCache(stores.plans, cache);
  const metrics = composeMetrics(config);
  const outbox = new LocalOutbox(logger);
  const messenger = composeMessenger(config, {
    outbox,
    outboundMessages: stores.outboundMessages,
    consent: stores.consent,
    clock,
    logger,
  });
  // The same dispatcher as the SQS worker (core/use-cases/run-job.ts).
  const queue = new InProcessQueue(
    (job) => runJob({ ...inboundDeps, messenger, deliveryWindow, language: queuedLanguage }, job),
    logger,
  );
  const planner = composePlanner();
  // A queued answer (the model outlasted the inline budget) asks again with the longer budget; same cache.
  const queuedLanguage = composeObservedLanguage(
    config,
    { cache, logger, metrics: metrics.language },
    { budget: QUEUED_CALL_BUDGET },
  );
  const deliveryWindow = config.weeklyDelivery.window;
  const weeklyScheduler = new InProcessScheduler(
    'weekly_delivery',
    () => runWeeklyDeliveries({ stores, clock, logger, jobs: queue, deliveryWindow }),
    config.weeklyDelivery.tickSeconds * 1000,
    logger,
  );
  const billing = composeBilling(config, stores);
  const inboundDeps: HandleInboundDeps = {
    stores,
    clock,
    ids: randomIds,
    tokens: randomTokens,
    planner,
    logger,
    conversation: {
      brand: { name: config.brandName, contact: config.supportContact },
      privacyUrl: `${config.publicBaseUrl}/privacy`,
      providerConfirmsOptOut: config.twilio.managedOptOut,
    },
    publicBaseUrl: config.publicBaseUrl,
    messageRetentionDays: config.messageRetentionDays,
    dormantAfterDays: config.dormantAfterDays,
    jobs: queue,
    deliveryWindow,
    messenger,
    cache,
    language: composeObservedLanguage(config, { cache, logger, metrics: metrics.language }),
    ...(billing ? { billing } : {}),
    abuse: config.abuse,
  };
  const billingScheduler = billing
    ? familyLapseScheduler(config, { ...inboundDeps, messenger, billing }, logger)
    : undefined;
  const stripe = billing ? stripeWebhook(config, () => ({ ...inboundDeps, messenger, billing })) : undefined;
  const appDeps: AppDeps = {
    version: config.version,
    publicBaseUrl: config.publicBaseUrl,
    adapters: {
      store: stores.kind,
      queue: queue.kind,
      cache: cache.kind,
      language: 'local',
      twilio: config.twilio.authToken ? 'on' : 'off',
      messenger: messenger.kind,
      billing: billing ? 'stripe' : 'off',
    },
    stores,
    logger,
    clock,
    handleInbound: (message) => handleInboundMessage(inboundDeps, message),
    takeWebDeliveries: async (webSessionId) => {
      const user = await stores.users.findByWebSession(webSessionId);
      return user ? outbox.takeNew(user.id) : [];
    },
    twilio: { authToken: config.twilio.authToken },
    outboundMessages: stores.outboundMessages,
    brandName: config.brandName,
    assets: staticFiles(WEB_DIST),
    metrics: metrics.app,
    useCases: inboundDeps,
    cache,
    ...(stripe ? { stripe } : {}),
  };
  return {
    appDeps,
    stores,
    queue,
    outbox,
    logger,
    weeklyScheduler,
    ...(billingScheduler ? { billingScheduler } : {}),
    close: async () => {
      await weeklyScheduler.stop();
      await billingScheduler?.stop();
      await queue.whenIdle();
      await stores.close();
      await closeCache();
    },
  };
}
