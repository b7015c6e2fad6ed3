/**
 * List prices the cost model multiplies by: us-east-1, on-demand, USD, without free tiers (those are per account
 * and the account may run other things) and without taxes. Read from the cited pages on the dates given; nothing is
 * fetched at run time, so re-check a page before you budget against a figure and update `asOf` with it.
 */

export interface Price {
  readonly usd: number;
  /** What one `usd` buys. */
  readonly per: string;
  /** When the figure was read from `source` (YYYY-MM). */
  readonly asOf: string;
  readonly source: string;
}

const AWS = (service: string): string => `https://aws.amazon.com/${service}/pricing/`;

function price(usd: number, per: string, asOf: string, source: string): Price {
  return { usd, per, asOf, source };
}

export const PRICES = {
  lambdaRequests: price(0.2, '1M requests', '2025-06', AWS('lambda')),
  lambdaArmGbSecond: price(0.0000133334, 'GB-second on arm64 (first 7.5B GB-s)', '2025-06', AWS('lambda')),
  apiGatewayRest: price(3.5, '1M REST API calls (first 333M)', '2025-06', AWS('api-gateway')),
  // On-demand throughput was halved on 2024-11-01.
  dynamoWrites: price(0.625, '1M write request units (on-demand)', '2025-06', AWS('dynamodb')),
  dynamoReads: price(0.125, '1M read request units (on-demand)', '2025-06', AWS('dynamodb')),
  dynamoStorage: price(0.25, 'GB-month of table storage', '2025-06', AWS('dynamodb')),
  dynamoPitr: price(0.2, 'GB-month of continuous backup (PITR)', '2025-06', AWS('dynamodb')),
  sqsRequests: price(0.4, '1M standard-queue requests', '2025-06', AWS('sqs')),
  cloudfrontTransfer: price(0.085, 'GB out to North America (first 10 TB)', '2025-06', AWS('cloudfront')),
  cloudfrontRequests: price(0.01, '10k HTTPS requests', '2025-06', AWS('cloudfront')),
  s3Storage: price(0.023, 'GB-month, S3 Standard', '2025-06', AWS('s3')),
  s3Gets: price(0.0004, '1k GET requests', '2025-06', AWS('s3')),
  s3Puts: price(0.005, '1k PUT requests', '2025-06', AWS('s3')),
  kmsKey: price(1, 'customer-managed key-month', '2025-06', AWS('kms')),
  kmsRequests: price(0.03, '10k requests', '2025-06', AWS('kms')),
  logsIngest: price(0.5, 'GB of CloudWatch Logs ingested', '2025-06', AWS('cloudwatch')),
  logsStorage: price(0.03, 'GB-month of CloudWatch Logs stored', '2025-06', AWS('cloudwatch')),
  customMetric: price(0.3, 'custom metric-month (first 10k)', '2025-06', AWS('cloudwatch')),
  alarm: price(0.1, 'standard-resolution alarm-month', '2025-06', AWS('cloudwatch')),
  dashboard: price(3, 'dashboard-month', '2025-06', AWS('cloudwatch')),
  xrayTraces: price(5, '1M traces recorded', '2025-06', AWS('xray')),
  wafWebAcl: price(5, 'web ACL-month', '2025-06', AWS('waf')),
  wafRule: price(1, 'rule or managed rule group-month', '2025-06', AWS('waf')),
  wafRequests: price(0.6, '1M requests inspected', '2025-06', AWS('waf')),
  guardDutyEvents: price(4, '1M CloudTrail management events analysed', '2025-06', AWS('guardduty')),
  guardDutyLogs: price(1, 'GB of VPC flow and DNS logs analysed (first 500 GB)', '2025-06', AWS('guardduty')),
  securityHubCheck: price(0.001, 'security check (first 100k a month)', '2025-06', AWS('security-hub')),
  configItem: price(0.003, 'configuration item recorded (continuous)', '2025-06', AWS('config')),
  configEvaluation: price(0.001, 'rule evaluation (first 100k)', '2025-06', AWS('config')),
  // The trail's first copy of management events costs nothing; only its S3 objects do (counted with S3).
  backupWarm: price(0.1, 'GB-month of DynamoDB backup, warm', '2025-06', AWS('backup')),
  backupCold: price(0.03, 'GB-month of DynamoDB backup, cold', '2025-06', AWS('backup')),
  crossRegionTransfer: price(0.02, 'GB copied between regions', '2025-06', AWS('ec2')),
  natHour: price(0.045, 'NAT gateway-hour', '2025-06', AWS('vpc')),
  natData: price(0.045, 'GB processed by a NAT gateway', '2025-06', AWS('vpc')),
  interfaceEndpointHour: price(0.01, 'interface endpoint-hour per AZ', '2025-06', AWS('privatelink')),
  interfaceEndpointData: price(0.01, 'GB through interface endpoints', '2025-06', AWS('privatelink')),
  secret: price(0.4, 'Secrets Manager secret-month', '2025-06', AWS('secrets-manager')),
  // AWS End User Messaging SMS, US, 10DLC origination: AWS fee plus the carriers' pass-through fee (average of
  // AT&T, T-Mobile, Verizon per segment).
  awsSmsOutbound: price(0.00581, 'outbound US SMS segment (AWS fee)', '2025-06', AWS('end-user-messaging')),
  awsSmsInbound: price(0.0075, 'inbound US SMS segment', '2025-06', AWS('end-user-messaging')),
  awsSmsNumber: price(2, '10DLC number-month', '2025-06', AWS('end-user-messaging')),
  usCarrierFee: price(
    0.003,
    'outbound US 10DLC segment, carrier pass-through (average)',
    '2026-07',
    'https://www.twilio.com/en-us/sms/pricing/us',
  ),
  twilioSms: price(
    0.0083,
    'US SMS segment, inbound or outbound',
    '2026-07',
    'https://www.twilio.com/en-us/sms/pricing/us',
  ),
  twilioNumber: price(
    1.15,
    'US long-code number-month',
    '2026-07',
    'https://www.twilio.com/en-us/sms/pricing/us',
  ),
  twilioWhatsApp: price(
    0.005,
    'WhatsApp message, inbound or outbound (Twilio fee)',
    '2025-07',
    'https://www.twilio.com/en-us/whatsapp/pricing',
  ),
  // Meta bills per template message since 2025-07-01; replies inside the 24 h customer-service window are free.
  metaUtilityTemplate: price(
    0.004,
    'US utility template message (Meta fee)',
    '2025-07',
    'https://developers.facebook.com/docs/whatsapp/pricing',
  ),
  // Claude Haiku 4.5 on Bedrock, on demand through the US inference profile. Prompt cache: writes 1.25× input,
  // reads 0.1× input. (Claude 3.5 Haiku, priced here before, reached its end of life on 2026-06-19.)
  bedrockInput: price(0.001, '1k input tokens, Claude Haiku 4.5', '2025-10', AWS('bedrock')),
  bedrockOutput: price(0.005, '1k output tokens, Claude Haiku 4.5', '2025-10', AWS('bedrock')),
  bedrockCacheWrite: price(0.00125, '1k tokens written to the prompt cache', '2025-10', AWS('bedrock')),
  bedrockCacheRead: price(0.0001, '1k tokens read from the prompt cache', '2025-10', AWS('bedrock')),
} as const satisfies Record<string, Price>;

export type Prices = { readonly [K in keyof typeof PRICES]: Price };

/** The model the Bedrock prices above are for; the estimate warns when the configuration names another. */
export const PRICED_BEDROCK_MODEL = 'us.anthropic.claude-haiku-4-5-20251001-v1:0';

/** ElastiCache (Redis OSS) on-demand node-hours, us-east-1, read 2025-06 from https://aws.amazon.com/elasticache/pricing/. */
export const ELASTICACHE_NODE_HOUR_USD: Readonly<Record<string, number>> = {
  'cache.t4g.micro': 0.016,
  'cache.t4g.small': 0.032,
  'cache.t4g.medium': 0.065,
  'cache.m7g.large': 0.158,
  'cache.r7g.large': 0.219,
};
