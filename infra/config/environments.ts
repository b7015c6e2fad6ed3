import type { DeploymentConfig, EnvironmentName } from './deployment-config.ts';

export type EnvironmentSettings = Omit<DeploymentConfig, 'tier'>;

// Lambda sizes: the worker plans households (CPU-bound HiGHS solves), so it gets the most memory (and with it CPU)
// and the longest timeout; the HTTP function answers quick turns inside API Gateway's 29 s integration limit.
const FUNCTIONS = {
  http: { memoryMb: 1024, timeoutSeconds: 25, reservedConcurrency: null },
  worker: { memoryMb: 2048, timeoutSeconds: 120, reservedConcurrency: null },
  scheduler: { memoryMb: 512, timeoutSeconds: 60, reservedConcurrency: null },
  'aws-sms-inbound': { memoryMb: 1024, timeoutSeconds: 30, reservedConcurrency: null },
} as const;

const SHARED = {
  projectName: 'ai-nutritionist',
  region: 'us-east-1',
  alertEmail: 'alerts@example.org',
  wafRateLimitPer5Minutes: 2000,
  xraySamplingRate: 0.05,
  domain: null,
  language: {
    provider: 'local',
    // A cross-region inference profile (Claude Haiku 4.5 is not offered on demand by its bare model id).
    bedrockModelId: 'us.anthropic.claude-haiku-4-5-20251001-v1:0',
    promptCacheTtlSeconds: 3600,
  },
  // The scheduler finds plans due in each user's own delivery window; every 15 minutes keeps a plan within a
  // quarter hour of the chosen time at 96 invocations a day.
  weeklyPlanningSchedule: 'rate(15 minutes)',
  smsOriginationIdentity: null,
  // Billing stays off until an operator sets the Stripe price ids (and stores the two Stripe secrets).
  billing: null,
  // Queued messages (weekly plans …) need Twilio's account and sender, or smsOriginationIdentity for AWS SMS.
  twilio: null,
  network: { maxAzs: 2, natGateways: 1 },
} as const;

/** Per-environment settings (sizes, budgets, retention, schedules); the tier is chosen independently. */
export const ENVIRONMENTS: Readonly<Record<EnvironmentName, EnvironmentSettings>> = {
  dev: {
    ...SHARED,
    environment: 'dev',
    costAllocationTags: { Project: 'ai-nutritionist', Environment: 'dev', CostCenter: 'engineering' },
    monthlyBudgetUsd: 50,
    logRetentionDays: 7,
    protectData: false,
    lambda: { architecture: 'arm64', functions: FUNCTIONS },
    apiThrottling: { rateLimitPerSecond: 20, burstLimit: 40 },
    cache: { nodeType: 'cache.t4g.micro', nodes: 0 },
    backup: { schedule: 'cron(0 4 * * ? *)', retentionDays: 7, coldStorageAfterDays: null, copyRegion: null },
    xraySamplingRate: 1,
    logLevel: 'debug',
  },
  staging: {
    ...SHARED,
    environment: 'staging',
    costAllocationTags: { Project: 'ai-nutritionist', Environment: 'staging', CostCenter: 'engineering' },
    monthlyBudgetUsd: 200,
    logRetentionDays: 30,
    protectData: false,
    lambda: { architecture: 'arm64', functions: FUNCTIONS },
    apiThrottling: { rateLimitPerSecond: 50, burstLimit: 100 },
    cache: { nodeType: 'cache.t4g.micro', nodes: 1 },
    backup: {
      schedule: 'cron(0 4 * * ? *)',
      retentionDays: 35,
      coldStorageAfterDays: null,
      copyRegion: null,
    },
    xraySamplingRate: 0.2,
    logLevel: 'info',
  },
  prod: {
    ...SHARED,
    environment: 'prod',
    costAllocationTags: { Project: 'ai-nutritionist', Environment: 'prod', CostCenter: 'product' },
    monthlyBudgetUsd: 1000,
    logRetentionDays: 90,
    protectData: true,
    lambda: {
      architecture: 'arm64',
      // Reserved so a flood of queued plans cannot starve the webhook, and the webhook cannot starve the account.
      functions: {
        http: { ...FUNCTIONS.http, reservedConcurrency: 100 },
        worker: { ...FUNCTIONS.worker, reservedConcurrency: 25 },
        scheduler: { ...FUNCTIONS.scheduler, reservedConcurrency: 2 },
        'aws-sms-inbound': { ...FUNCTIONS['aws-sms-inbound'], reservedConcurrency: 20 },
      },
    },
    apiThrottling: { rateLimitPerSecond: 200, burstLimit: 400 },
    network: { maxAzs: 2, natGateways: 2 },
    cache: { nodeType: 'cache.t4g.small', nodes: 2 },
    backup: {
      schedule: 'cron(0 4 * * ? *)',
      retentionDays: 365,
      coldStorageAfterDays: 30,
      copyRegion: 'us-west-2',
    },
    logLevel: 'info',
  },
};
