import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { InProcessQueue } from '../adapters/in-process-queue/in-process-queue.ts';
import { LocalOutbox } from '../adapters/local-outbox/local-outbox.ts';
import { createMemoryStores } from '../adapters/memory/index.ts';
import { openSqliteStores } from '../adapters/sqlite/index.ts';
import { staticFiles } from '../adapters/static-files/static-files.ts';
import { createJsonLogger } from '../adapters/system/json-logger.ts';
import { clockStartingAt, randomIds, randomTokens, systemClock } from '../adapters/system/system-clock.ts';
import type { Config } from '../config/config.ts';
import type { Clock } from '../core/ports/clock.port.ts';
import type { JobQueue } from '../core/ports/job-queue.port.ts';
import type { Logger } from '../core/ports/logger.port.ts';
import type { Stores } from '../core/ports/stores.ts';
import { deliverHouseholdPlan } from '../core/use-cases/deliver-household-plan.ts';
import { type HandleInboundDeps, handleInboundMessage } from '../core/use-cases/handle-inbound-message.ts';
import { purgeExpired } from '../core/use-cases/purge-expired.ts';
import type { AppDeps } from '../http/app-deps.ts';
import { composePlanner } from './planner.ts';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

export interface LocalRuntime {
  appDeps: AppDeps;
  stores: Stores;
  queue: JobQueue;
  /** Messages delivered by queued work (a household plan), per user. */
  outbox: LocalOutbox;
  logger: Logger;
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
  const outbox = new LocalOutbox(logger);
  const queue = new InProcessQueue(async (job) => {
    switch (job.type) {
      case 'purge_expired':
        return purgeExpired({ stores, clock, logger });
      case 'household_plan':
        return deliverHouseholdPlan({ ...inboundDeps, messenger: outbox }, job);
    }
  }, logger);
  const planner = composePlanner();
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
    jobs: queue,
  };
  const appDeps: AppDeps = {
    version: config.version,
    publicBaseUrl: config.publicBaseUrl,
    adapters: {
      store: stores.kind,
      queue: queue.kind,
      cache: 'none',
      language: 'local',
      twilio: config.twilio.authToken ? 'on' : 'off',
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
    brandName: config.brandName,
    assets: staticFiles(WEB_DIST),
  };
  return {
    appDeps,
    stores,
    queue,
    outbox,
    logger,
    close: async () => {
      await queue.whenIdle();
      await stores.close();
    },
  };
}
