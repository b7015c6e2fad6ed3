/**
 * What every environment × security tier must synthesise to, written down before the constructs that produce it
 * (issue 9). The tests read these rows and compare them with the synthesised templates; a failing row is a bug in
 * the infra, never a reason to edit the row.
 *
 * Choices where the seed contradicts itself (written down here and in infra/README.md):
 * - Budgets: the seed's per-environment sections (dev 50, staging 200, prod 1000 USD) win over the 500 of its
 *   tfvars example, which is an example.
 * - ElastiCache: per environment as in the seed (off in dev, 1 node in staging, 2 in prod), and only where the tier
 *   has a VPC (Redis lives in private subnets); basic tier runs with the in-memory cache.
 * - CloudTrail is not in the seed's tier table; it comes with AWS Config (standard and enterprise), since Config
 *   without an API audit trail answers "what changed" but not "who changed it".
 * - Backups: daily at 04:00 UTC wherever the tier has backup; cold storage after 30 days and the cross-region copy
 *   (us-west-2) in prod only, as the seed says ("production backups replicated").
 */

export type Env = 'dev' | 'staging' | 'prod';
export type Tier = 'basic' | 'standard' | 'enterprise';

export const ENVS: readonly Env[] = ['dev', 'staging', 'prod'];
export const TIERS: readonly Tier[] = ['basic', 'standard', 'enterprise'];

/** What a tier switches on, as in the seed's table (plus CloudTrail, see above). */
export interface TierExpectation {
  vpc: boolean;
  flowLogs: boolean;
  /** Lambda functions attached to private subnets. */
  functionsInVpc: boolean;
  guardDuty: boolean;
  securityHub: boolean;
  awsConfig: boolean;
  cloudTrail: boolean;
  backupPlan: boolean;
}

export const TIER_EXPECTATIONS: Readonly<Record<Tier, TierExpectation>> = {
  basic: {
    vpc: false,
    flowLogs: false,
    functionsInVpc: false,
    guardDuty: false,
    securityHub: false,
    awsConfig: false,
    cloudTrail: false,
    backupPlan: false,
  },
  standard: {
    vpc: true,
    flowLogs: true,
    functionsInVpc: true,
    guardDuty: false,
    securityHub: false,
    awsConfig: true,
    cloudTrail: true,
    backupPlan: true,
  },
  enterprise: {
    vpc: true,
    flowLogs: true,
    functionsInVpc: true,
    guardDuty: true,
    securityHub: true,
    awsConfig: true,
    cloudTrail: true,
    backupPlan: true,
  },
};

/** What an environment sets, whatever the tier. */
export interface EnvExpectation {
  /** AWS Budgets limit, USD per month. */
  monthlyBudgetUsd: number;
  /** CloudWatch log group retention in days (Lambda, API access logs, flow logs). */
  logRetentionDays: number;
  /** DynamoDB deletion protection and termination protection of the stateful stack. */
  deletionProtection: boolean;
  /** ElastiCache nodes when the tier has a VPC (0: no cache at all). */
  cacheNodesWithVpc: number;
  /** NAT gateways when the tier has a VPC: one per AZ in prod, one shared otherwise. */
  natGatewaysWithVpc: number;
  /** Backups (when the tier has them) move to cold storage after this many days; null: never. */
  coldStorageAfterDays: number | null;
  /** Region the daily backup is copied to; null: no copy. */
  backupCopyRegion: string | null;
  /** Reserved concurrency of the worker function; null: none reserved (shares the account pool). */
  workerReservedConcurrency: number | null;
}

export const ENV_EXPECTATIONS: Readonly<Record<Env, EnvExpectation>> = {
  dev: {
    monthlyBudgetUsd: 50,
    logRetentionDays: 7,
    deletionProtection: false,
    cacheNodesWithVpc: 0,
    natGatewaysWithVpc: 1,
    coldStorageAfterDays: null,
    backupCopyRegion: null,
    workerReservedConcurrency: null,
  },
  staging: {
    monthlyBudgetUsd: 200,
    logRetentionDays: 30,
    deletionProtection: false,
    cacheNodesWithVpc: 1,
    natGatewaysWithVpc: 1,
    coldStorageAfterDays: null,
    backupCopyRegion: null,
    workerReservedConcurrency: null,
  },
  prod: {
    monthlyBudgetUsd: 1000,
    logRetentionDays: 90,
    deletionProtection: true,
    cacheNodesWithVpc: 2,
    natGatewaysWithVpc: 2,
    coldStorageAfterDays: 30,
    backupCopyRegion: 'us-west-2',
    workerReservedConcurrency: 25,
  },
};

/** The four functions `npm run build:lambda` bundles, each deployed as its own Lambda. */
export const FUNCTIONS = ['http', 'worker', 'scheduler', 'aws-sms-inbound'] as const;

/** Every function, every env × tier. */
export const FUNCTION_EXPECTATIONS = {
  architecture: 'arm64',
  runtime: 'nodejs24.x',
  handler: 'index.handler',
  tracing: 'Active',
} as const;

/**
 * Environment keys each function must receive (values checked elsewhere; secrets only as names).
 * Changed after the first run: the secret was named `PSEUDONYM_KEY_SECRET_ARN` here, but the service reads every
 * secret as `<VARIABLE>_SECRET_ID` (Powertools Parameters, `.env.example`); the infra follows the service's name.
 */
export const FUNCTION_ENV_KEYS: Readonly<Record<(typeof FUNCTIONS)[number], readonly string[]>> = {
  http: ['DYNAMODB_TABLE', 'JOBS_QUEUE_URL', 'PUBLIC_BASE_URL', 'LOG_LEVEL', 'PSEUDONYM_KEY_SECRET_ID'],
  worker: ['DYNAMODB_TABLE', 'PUBLIC_BASE_URL', 'LOG_LEVEL', 'PSEUDONYM_KEY_SECRET_ID'],
  scheduler: ['DYNAMODB_TABLE', 'JOBS_QUEUE_URL', 'LOG_LEVEL', 'PSEUDONYM_KEY_SECRET_ID'],
  // JOBS_QUEUE_URL added after the first run: the inbound SMS function runs the same use case as the webhook,
  // which queues household plans and slow answers; without it the function failed at start-up on AWS.
  'aws-sms-inbound': [
    'DYNAMODB_TABLE',
    'JOBS_QUEUE_URL',
    'PUBLIC_BASE_URL',
    'LOG_LEVEL',
    'PSEUDONYM_KEY_SECRET_ID',
  ],
};

/** The jobs queue and its DLQ, every env × tier. */
export const QUEUE_EXPECTATIONS = {
  maxReceiveCount: 3,
  /** Visibility timeout of the jobs queue is at least this many worker timeouts (AWS's advice for SQS → Lambda). */
  visibilityTimeoutWorkerTimeouts: 6,
  reportBatchItemFailures: true,
} as const;

/** API Gateway routes (method and path) that reach the HTTP function. */
export const API_ROUTES: readonly (readonly [string, string])[] = [
  ['POST', '/webhooks/twilio'],
  ['POST', '/webhooks/twilio/status'],
  ['POST', '/webhooks/stripe'],
  ['ANY', '/api/{proxy+}'],
  ['GET', '/p/{proxy+}'],
  ['GET', '/export/{proxy+}'],
  // Added after the first run (2026-11-26, third session): the coach texts links to /signin/<token> (web sign-in,
  // issue 10), /m/<id> (long replies) and /privacy (consent), all under the public origin; on AWS they fell through
  // to the web bucket and answered 403/404. The service's routes, not a new design, decide these rows.
  ['GET', '/signin/{proxy+}'],
  ['POST', '/signin/{proxy+}'],
  ['GET', '/m/{proxy+}'],
  ['GET', '/privacy'],
];

/** CloudFront path patterns sent to the API; everything else goes to the web bucket. */
// Extended after the first run, for the same reason as API_ROUTES' last four rows.
export const CLOUDFRONT_API_PATHS = [
  '/api/*',
  '/p/*',
  '/export/*',
  '/webhooks/*',
  '/signin/*',
  '/m/*',
  '/privacy',
] as const;

/** Alarm families every env × tier has; `redis` only with a cache, `backup` only with a backup plan. */
export const ALARMS_ALWAYS = [
  'lambda-errors',
  'lambda-throttles',
  'lambda-duration',
  'api-4xx',
  'api-5xx',
  'api-latency',
  'dynamodb-throttles',
  'dlq-depth',
  'waf-blocked',
  'twilio-delivery-failures',
] as const;
export const ALARMS_WITH_CACHE = ['redis-cpu', 'redis-memory'] as const;
export const ALARMS_WITH_BACKUP = ['backup-job-failures'] as const;

/** Outputs of the app (on the stateless stack). */
export const OUTPUTS = ['WebhookUrl', 'BillingWebhookUrl', 'DashboardUrl', 'WebUrl'] as const;

/** The Twilio delivery-failure metric filter, as docs/OPERATIONS.md specifies it. */
export const TWILIO_FAILURE_FILTER_PATTERN = '{ $.event = "twilio_delivery_failed" }';

/** cdk-nag packs run on prod/enterprise, with zero unacknowledged findings. */
export const NAG_PACKS = ['AwsSolutions', 'HIPAA.Security', 'NIST.800.53.R5', 'PCI.DSS.321'] as const;

/** Budget notifications, percent of the monthly limit. */
export const BUDGET_THRESHOLDS_PERCENT = [50, 80, 100] as const;
