import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { PinpointSMSVoiceV2Client } from '@aws-sdk/client-pinpoint-sms-voice-v2';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SQSClient } from '@aws-sdk/client-sqs';
import { createAwsSmsClient } from '../adapters/aws-sms/aws-sms-client.ts';
import { type SecretReader, SecretsManagerSecrets } from '../adapters/powertools/secrets-manager-secrets.ts';
import { withBillingSecrets } from '../config/billing-config.ts';
import { type Config, ConfigError, loadConfig } from '../config/config.ts';
import { lambdaEnvironment } from '../config/lambda-config.ts';
import type { AwsClients } from './aws-parts.ts';
import { createLambdaTelemetry, type LambdaTelemetry } from './aws-telemetry.ts';

/**
 * What a Lambda container keeps between invocations. Lambda reuses a container, so the configuration, telemetry
 * and every AWS SDK client (traced) are built once, on first use; the parts that need a secret from Secrets Manager are built
 * once that secret is read. A start that fails (a secret not readable yet) is not kept: the next invocation tries
 * again. Each function's own parts live in their own module (aws.ts for the worker, aws-scheduler.ts,
 * aws-inbound.ts), so a function's bundle holds only what it runs.
 */

let config: Config | undefined;
let telemetry: LambdaTelemetry | undefined;
const clients: {
  dynamo?: DynamoDBClient;
  sqs?: SQSClient;
  secrets?: SecretsManagerClient;
  sms?: PinpointSMSVoiceV2Client;
} = {};

/** The environment as validated once per container (config/ is its only reader). */
export function awsConfig(): Config {
  config ??= loadConfig(lambdaEnvironment());
  return config;
}

/** Logger port, metrics and tracing of this container. */
export function awsTelemetry(): LambdaTelemetry {
  telemetry ??= createLambdaTelemetry(awsConfig());
  return telemetry;
}

export function dynamoClient(): DynamoDBClient {
  clients.dynamo ??= awsTelemetry().traced(new DynamoDBClient({}));
  return clients.dynamo;
}
export function sqsClient(): SQSClient {
  clients.sqs ??= awsTelemetry().traced(new SQSClient({}));
  return clients.sqs;
}
export function smsClient(): PinpointSMSVoiceV2Client {
  clients.sms ??= awsTelemetry().traced(createAwsSmsClient());
  return clients.sms;
}
/** Only functions that send SMS build its client. */
export function containerClients(options: { sms: boolean }): AwsClients & { sqs: SQSClient } {
  return { dynamo: dynamoClient(), sqs: sqsClient(), ...(options.sms ? { sms: smsClient() } : {}) };
}

let secrets: SecretReader | undefined;
/** AWS Secrets Manager through Powertools Parameters, values cached for SECRETS_MAX_AGE_SECONDS. */
export function awsSecrets(): SecretReader {
  clients.secrets ??= awsTelemetry().traced(new SecretsManagerClient({}));
  secrets ??= new SecretsManagerSecrets(clients.secrets, awsConfig().lambda.secretsMaxAgeSeconds);
  return secrets;
}

/** The configuration with each secret named by a `…_SECRET_ID` variable read from Secrets Manager into its place. */
export async function withSecrets(base: Config, reader: SecretReader = awsSecrets()): Promise<Config> {
  const names = base.lambda.secretIds;
  const read = (id: string | undefined) => (id === undefined ? undefined : reader.read(id));
  const [twilioAuthToken, pseudonymKey, redisPassword, stripeSecretKey, stripeWebhookSecret] =
    await Promise.all([
      read(names.twilioAuthToken),
      read(names.pseudonymKey),
      read(names.redisPassword),
      read(names.stripeSecretKey),
      read(names.stripeWebhookSecret),
    ]);
  const redis = base.cache.redis;
  return {
    ...base,
    twilio: { ...base.twilio, ...(twilioAuthToken === undefined ? {} : { authToken: twilioAuthToken }) },
    ...(pseudonymKey === undefined ? {} : { pseudonymKey }),
    cache:
      redis === undefined || redisPassword === undefined
        ? base.cache
        : { ...base.cache, redis: { ...redis, password: redisPassword } },
    billing: withBillingSecrets(
      base.billing,
      { secretKey: stripeSecretKey, webhookSecret: stripeWebhookSecret },
      (message) => {
        throw new ConfigError(message);
      },
    ),
  };
}

/** A build run once per container; a failed one is forgotten, so the next call tries again. */
export function oncePerContainer<T>(build: () => Promise<T>): () => Promise<T> {
  let built: Promise<T> | undefined;
  return () => {
    built ??= build().catch((error: unknown) => {
      built = undefined;
      throw error;
    });
    return built;
  };
}

/** The configuration with its secrets read, once per container. */
export const awsSecretConfig = /* @__PURE__ */ oncePerContainer(() => withSecrets(awsConfig()));
