import { z } from 'zod';

export const ENVIRONMENT_NAMES = ['dev', 'staging', 'prod'] as const;
export type EnvironmentName = (typeof ENVIRONMENT_NAMES)[number];

export const SECURITY_TIERS = ['basic', 'standard', 'enterprise'] as const;
export type SecurityTierName = (typeof SECURITY_TIERS)[number];

/** The functions `npm run build:lambda` bundles to service/dist/lambda/<name>/index.mjs. */
export const FUNCTION_NAMES = ['http', 'worker', 'scheduler', 'aws-sms-inbound'] as const;
export type FunctionName = (typeof FUNCTION_NAMES)[number];

// The retention periods CloudWatch Logs accepts (days).
const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 3653,
] as const;

const awsRegion = z.string().regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, 'must be an AWS region such as us-east-1');
const scheduleExpression = z
  .string()
  .regex(/^(rate\(\d+ (minute|minutes|hour|hours|day|days)\)|cron\([^)]+\))$/, 'must be rate(…) or cron(…)');

const functionSettings = z.strictObject({
  memoryMb: z.number().int().min(128).max(10_240),
  timeoutSeconds: z.number().int().min(1).max(900),
  /** null: no reserved concurrency (the function shares the account's unreserved pool). */
  reservedConcurrency: z.number().int().min(1).max(1000).nullable(),
});

/** Which network and security services exist: the seed's tier table, plus CloudTrail with Config. */
const securityTierSchema = z.strictObject({
  name: z.enum(SECURITY_TIERS),
  vpc: z.boolean(),
  guardDuty: z.boolean(),
  securityHub: z.boolean(),
  awsConfig: z.boolean(),
  cloudTrail: z.boolean(),
  backup: z.boolean(),
});

/** Everything one deployment is made from: one environment's settings and one security tier, validated together. */
export const deploymentConfigSchema = z
  .strictObject({
    projectName: z.string().regex(/^[a-z][a-z0-9-]{2,24}$/, 'must be 3–25 lower-case letters, digits or -'),
    environment: z.enum(ENVIRONMENT_NAMES),
    region: awsRegion,
    tier: securityTierSchema,
    /** Receives alarms, budget and anomaly notifications (SNS email subscription, confirmed by the recipient). */
    alertEmail: z.email(),
    /** Tags on every resource; activate them as cost-allocation tags in the Billing console. */
    costAllocationTags: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9:_-]{0,63}$/), z.string().max(256)),
    monthlyBudgetUsd: z.number().positive().max(1_000_000),
    logRetentionDays: z.union(LOG_RETENTION_DAYS.map((days) => z.literal(days))),
    /** DynamoDB deletion protection, stack termination protection, and RETAIN on stateful resources. */
    protectData: z.boolean(),
    lambda: z.strictObject({
      architecture: z.enum(['arm64', 'x86_64']),
      functions: z.strictObject({
        http: functionSettings,
        worker: functionSettings,
        scheduler: functionSettings,
        'aws-sms-inbound': functionSettings,
      }),
    }),
    /** Requests per 5 minutes per client IP before the WAF blocks it (API and CloudFront). */
    wafRateLimitPer5Minutes: z.number().int().min(100).max(2_000_000_000),
    apiThrottling: z.strictObject({
      rateLimitPerSecond: z.number().int().min(1),
      burstLimit: z.number().int().min(1),
    }),
    network: z.strictObject({
      maxAzs: z.number().int().min(2).max(3),
      natGateways: z.number().int().min(1).max(3),
    }),
    /** ElastiCache Redis; built only when the tier has a VPC and nodes > 0. */
    cache: z.strictObject({
      nodeType: z
        .string()
        .regex(/^cache\.[a-z0-9]+\.[a-z0-9]+$/, 'must be a node type such as cache.t4g.micro'),
      nodes: z.number().int().min(0).max(6),
    }),
    backup: z.strictObject({
      /** EventBridge cron of the daily AWS Backup job (UTC). */
      schedule: scheduleExpression,
      retentionDays: z.number().int().min(1),
      coldStorageAfterDays: z.number().int().min(1).nullable(),
      /** Region each recovery point is copied to; null: no copy. */
      copyRegion: awsRegion.nullable(),
    }),
    /** Fraction of requests X-Ray traces beyond the first each second. */
    xraySamplingRate: z.number().min(0).max(1),
    /** A custom domain for CloudFront; the certificate must be in us-east-1. null: the *.cloudfront.net name. */
    domain: z
      .strictObject({
        names: z.array(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/)).min(1),
        certificateArn: z.string().regex(/^arn:aws:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]{36}$/, {
          message: 'must be an ACM certificate ARN in us-east-1 (CloudFront only uses those)',
        }),
      })
      .nullable(),
    language: z.strictObject({
      provider: z.enum(['local', 'bedrock', 'openai']),
      /** The Bedrock foundation model the language adapter calls (the functions may invoke only this one). */
      bedrockModelId: z
        .string()
        .regex(/^[a-z0-9-]+\.[A-Za-z0-9.:-]+$/, 'must be a Bedrock model id such as anthropic.…'),
      promptCacheTtlSeconds: z.number().int().min(0).max(86_400),
    }),
    /** How often the scheduler function looks for weekly plans that are due. */
    weeklyPlanningSchedule: scheduleExpression,
    /** AWS End User Messaging origination identity (phone number, pool, sender ID); null: Twilio sends. */
    smsOriginationIdentity: z
      .string()
      .regex(/^[A-Za-z0-9_:/+-]{1,256}$/)
      .nullable(),
    logLevel: z.enum(['debug', 'info', 'warn', 'error']),
    /**
     * Twilio's account and senders (not secrets; the auth token is a secret). Null: Twilio only verifies the
     * webhooks and answers inline; set, the HTTP function and the worker also send queued messages through it
     * (weekly and household plans, invitations, billing notices) and WhatsApp outside a reply.
     */
    twilio: z
      .strictObject({
        accountSid: z.string().regex(/^AC[0-9a-f]{32}$/, 'must be a Twilio account SID (AC…)'),
        fromNumber: z
          .string()
          .regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number')
          .optional(),
        messagingServiceSid: z
          .string()
          .regex(/^MG[0-9a-f]{32}$/, 'must be a Messaging Service SID (MG…)')
          .optional(),
        whatsappFrom: z
          .string()
          .regex(/^whatsapp:\+[1-9]\d{6,14}$/, 'must be whatsapp:+E.164')
          .optional(),
        whatsappTemplateSid: z
          .string()
          .regex(/^HX[0-9a-f]{32}$/, 'must be a content template SID (HX…)')
          .optional(),
      })
      .refine((twilio) => twilio.fromNumber ?? twilio.messagingServiceSid ?? twilio.whatsappFrom, {
        message: 'needs a sender: fromNumber, messagingServiceSid or whatsappFrom',
      })
      .nullable(),
    /**
     * Stripe billing: the two price ids (not secrets). Null: billing is off and no function is given the Stripe
     * secrets. Set: the functions that take messages (HTTP, AWS SMS inbound) read the key and webhook secret.
     */
    billing: z
      .strictObject({
        premiumPriceId: z.string().regex(/^price_[0-9A-Za-z_]{4,}$/, 'must be a Stripe price id (price_…)'),
        familyPriceId: z.string().regex(/^price_[0-9A-Za-z_]{4,}$/, 'must be a Stripe price id (price_…)'),
      })
      .nullable(),
  })
  .check((ctx) => {
    const { backup, apiThrottling } = ctx.value;
    // AWS Backup refuses a rule whose recovery points leave cold storage before 90 days there.
    if (backup.coldStorageAfterDays !== null && backup.retentionDays < backup.coldStorageAfterDays + 90) {
      ctx.issues.push({
        code: 'custom',
        input: backup,
        path: ['backup', 'retentionDays'],
        message:
          'must be at least coldStorageAfterDays + 90 (AWS Backup keeps cold storage 90 days at least)',
      });
    }
    if (apiThrottling.burstLimit < apiThrottling.rateLimitPerSecond) {
      ctx.issues.push({
        code: 'custom',
        input: apiThrottling,
        path: ['apiThrottling', 'burstLimit'],
        message: 'must be at least rateLimitPerSecond',
      });
    }
    if (backup.copyRegion === ctx.value.region) {
      ctx.issues.push({
        code: 'custom',
        input: backup,
        path: ['backup', 'copyRegion'],
        message: 'must differ from region (a copy in the same region survives nothing the original does not)',
      });
    }
  });

export type DeploymentConfig = z.infer<typeof deploymentConfigSchema>;
export type SecurityTierConfig = DeploymentConfig['tier'];
export type FunctionSettings = DeploymentConfig['lambda']['functions'][FunctionName];

/** The part of the configuration an override file (`-c configFile=…`) may change: any field, deeply partial. */
export const overrideSchema = z
  .strictObject({
    projectName: z.string(),
    region: z.string(),
    alertEmail: z.string(),
    costAllocationTags: z.record(z.string(), z.string()),
    monthlyBudgetUsd: z.number(),
    logRetentionDays: z.number(),
    wafRateLimitPer5Minutes: z.number(),
    apiThrottling: z.record(z.string(), z.number()),
    network: z.record(z.string(), z.number()),
    cache: z.record(z.string(), z.union([z.string(), z.number()])),
    backup: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
    xraySamplingRate: z.number(),
    domain: z.unknown(),
    language: z.record(z.string(), z.unknown()),
    lambda: z.record(z.string(), z.unknown()),
    weeklyPlanningSchedule: z.string(),
    smsOriginationIdentity: z.string().nullable(),
    logLevel: z.string(),
    billing: z.record(z.string(), z.string()).nullable(),
    twilio: z.record(z.string(), z.string()).nullable(),
  })
  .partial();
