import type { Hono } from 'hono';
import { systemClock } from '../adapters/system/system-clock.ts';
import type { Config } from '../config/config.ts';
import type { Logger } from '../core/ports/logger.port.ts';
import { type HandleInboundDeps, handleInboundMessage } from '../core/use-cases/handle-inbound-message.ts';
import { createApp } from '../http/app.ts';
import type { AppDeps } from '../http/app-deps.ts';
import { awsSecretConfig, awsSecrets, awsTelemetry, oncePerContainer } from './aws-container.ts';
import { type AwsInboundParts, awsInboundParts } from './aws-inbound.ts';
import { stripeWebhook } from './billing.ts';

/**
 * The HTTP app behind API Gateway: the same Hono app as `npm start`, over DynamoDB and SQS, without web assets
 * (CloudFront serves the web UI from S3 and sends `/api/*` here, so pages and API share one origin); web-chat
 * messages from queued work come from the stores' web inbox (the worker wrote them there). The web app's routes, web sign-in and Stripe billing (when
 * configured) run as locally. `deps.twilio` is the object the function refreshes the auth token in (a rotated
 * secret is picked up without a new container).
 */
export function composeAwsApp(
  config: Config,
  parts: AwsInboundParts,
  logger: Logger,
): { app: Hono; deps: AppDeps } {
  const inboundDeps: HandleInboundDeps = {
    ...parts.inbound,
    conversation: {
      brand: { name: config.brandName, contact: config.supportContact },
      privacyUrl: `${config.publicBaseUrl}/privacy`,
      providerConfirmsOptOut: config.twilio.managedOptOut,
    },
  };
  const { billing } = parts.inbound;
  const stripe = billing
    ? stripeWebhook(config, () => ({ ...inboundDeps, messenger: parts.messenger, billing }))
    : undefined;
  const deps: AppDeps = {
    version: config.version,
    publicBaseUrl: config.publicBaseUrl,
    adapters: {
      store: parts.stores.kind,
      queue: parts.jobs.kind,
      cache: parts.cache.kind,
      language: 'local',
      twilio: config.twilio.authToken ? 'on' : 'off',
      messenger: parts.messenger.kind,
      billing: billing ? 'stripe' : 'off',
    },
    stores: parts.stores,
    logger,
    clock: systemClock,
    handleInbound: (message) => handleInboundMessage(inboundDeps, message),
    takeWebDeliveries: async (webSessionId) => {
      const user = await parts.stores.users.findByWebSession(webSessionId);
      return user && parts.stores.webInbox ? parts.stores.webInbox.takeNew(user.id, systemClock.now()) : [];
    },
    twilio: { ...(config.twilio.authToken === undefined ? {} : { authToken: config.twilio.authToken }) },
    outboundMessages: parts.stores.outboundMessages,
    brandName: config.brandName,
    cache: parts.cache,
    useCases: inboundDeps,
    ...(stripe ? { stripe } : {}),
  };
  return { app: createApp(deps), deps };
}

/** The HTTP function's app, and a way to pick up a rotated Twilio auth token from the secret cache. */
export const awsHttpApp: () => Promise<{ app: Hono; refreshSecrets(): Promise<void> }> =
  /* @__PURE__ */ oncePerContainer(async () => {
    const resolved = await awsSecretConfig();
    const { app, deps } = composeAwsApp(resolved, await awsInboundParts(), awsTelemetry().logger);
    const secretId = resolved.lambda.secretIds.twilioAuthToken;
    return {
      app,
      refreshSecrets: async () => {
        // Read through Powertools' cache: Secrets Manager is asked at most once per SECRETS_MAX_AGE_SECONDS.
        if (secretId !== undefined) deps.twilio.authToken = await awsSecrets().read(secretId);
      },
    };
  });
