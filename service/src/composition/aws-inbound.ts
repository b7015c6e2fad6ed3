import type { SQSClient } from '@aws-sdk/client-sqs';
import { randomIds, randomTokens, systemClock } from '../adapters/system/system-clock.ts';
import type { Config } from '../config/config.ts';
import { planStoreDroppingCache } from '../core/cache/cache-tags.ts';
import type { Cache } from '../core/ports/cache.port.ts';
import type { JobQueue } from '../core/ports/job-queue.port.ts';
import type { Logger } from '../core/ports/logger.port.ts';
import type { Messenger } from '../core/ports/messenger.port.ts';
import type { Stores } from '../core/ports/stores.ts';
import type { AnswerInboundOnceDeps } from '../core/use-cases/answer-inbound-once.ts';
import type { HandleInboundDeps } from '../core/use-cases/handle-inbound-message.ts';
import { awsSecretConfig, awsTelemetry, containerClients, oncePerContainer } from './aws-container.ts';
import { composeAwsMessenger } from './aws-messenger.ts';
import { type AwsClients, composeAwsJobQueue, composeAwsStores } from './aws-parts.ts';
import { composeAwsSmsInbound, createAwsSmsMessenger } from './aws-sms.ts';
import { composeBilling } from './billing.ts';
import { composeCache } from './cache.ts';
import { composeLanguage } from './language.ts';
import { composePlanner } from './planner.ts';

/** Everything the inbound use case needs but its conversation settings (which depend on the provider). */
export interface AwsInboundParts {
  stores: Stores;
  cache: Cache;
  messenger: Messenger;
  jobs: JobQueue;
  inbound: Omit<HandleInboundDeps, 'conversation'>;
  closeCache(): Promise<void>;
}

export function composeAwsInboundParts(
  config: Config,
  clients: AwsClients & { sqs: SQSClient },
  logger: Logger,
): AwsInboundParts {
  const stores = composeAwsStores(config, clients);
  const { cache, close } = composeCache(config, { clock: systemClock, logger });
  // Plan edits and erasures drop what was cached from the plans (their pages).
  stores.plans = planStoreDroppingCache(stores.plans, cache);
  const jobs = composeAwsJobQueue(config, clients);
  // Entitlements are checked wherever a message comes in (webhook or AWS SMS), before anything costly runs.
  const billing = composeBilling(config, stores);
  const messenger = composeAwsMessenger(config, {
    stores,
    clock: systemClock,
    logger,
    ...(clients.sms === undefined ? {} : { sms: clients.sms }),
  });
  return {
    stores,
    cache,
    messenger,
    jobs,
    closeCache: close,
    inbound: {
      stores,
      clock: systemClock,
      ids: randomIds,
      tokens: randomTokens,
      planner: composePlanner(),
      logger,
      publicBaseUrl: config.publicBaseUrl,
      messageRetentionDays: config.messageRetentionDays,
      dormantAfterDays: config.dormantAfterDays,
      jobs,
      deliveryWindow: config.weeklyDelivery.window,
      messenger,
      cache,
      language: composeLanguage(config, logger),
      ...(billing ? { billing } : {}),
      abuse: config.abuse,
    },
  };
}

/** The inbound-SMS function's use case: AWS's opt-out settings, replies through SendTextMessage as they are. */
export function composeAwsSmsInboundDeps(
  config: Config,
  parts: AwsInboundParts,
  clients: AwsClients,
): AnswerInboundOnceDeps {
  const replies = createAwsSmsMessenger(config, {
    outboundMessages: parts.stores.outboundMessages,
    clock: systemClock,
    logger: parts.inbound.logger,
    ...(clients.sms === undefined ? {} : { client: clients.sms }),
  });
  return composeAwsSmsInbound(config, {
    inbound: parts.inbound,
    receipts: parts.stores.webhookReceipts,
    replies,
  });
}

/** Stores, cache, queue and messenger of a function that runs the inbound use case (HTTP, inbound SMS). */
export const awsInboundParts = /* @__PURE__ */ oncePerContainer(async () =>
  composeAwsInboundParts(await awsSecretConfig(), containerClients({ sms: true }), awsTelemetry().logger),
);

/** The inbound-SMS function's use case. */
export const awsSmsInbound: () => Promise<AnswerInboundOnceDeps> = /* @__PURE__ */ oncePerContainer(
  async () =>
    composeAwsSmsInboundDeps(
      await awsSecretConfig(),
      await awsInboundParts(),
      containerClients({ sms: true }),
    ),
);
