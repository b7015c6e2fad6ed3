import type { DeploymentConfig } from '../config/deployment-config.ts';
import type { UsageAssumptions } from './assumptions.ts';
import { ELASTICACHE_NODE_HOUR_USD, PRICED_BEDROCK_MODEL, type Prices } from './prices.ts';

export type CostGroup = 'AWS' | 'Messaging' | 'Language model';

export interface CostLine {
  readonly group: CostGroup;
  readonly service: string;
  readonly usd: number;
  /** The quantities and unit prices the figure is made of, for a reader who wants to check it. */
  readonly basis: string;
}

export interface CostEstimate {
  readonly lines: readonly CostLine[];
  readonly totalUsd: number;
  readonly byGroup: Readonly<Record<CostGroup, number>>;
  /** Caveats the reader needs: a model priced differently, the other SMS provider's figure. */
  readonly notes: readonly string[];
}

const HOURS_PER_MONTH = 730;
const MINUTES_PER_MONTH = HOURS_PER_MONTH * 60;

/**
 * Resources whose number the config does not hold, as counted in the synthesised templates (prod × enterprise,
 * and dev for the lower counts): re-count when a construct adds one.
 */
export const RESOURCE_COUNTS = {
  /** Table, queues, secrets (stateful); CloudFront WAF logs (edge). */
  baseKmsKeys: 4,
  /** Audit trail and Config bucket, when any security service runs. */
  securityKmsKeys: 1,
  /** The backup vault in the copy region. */
  copyRegionKmsKeys: 1,
  baseAlarms: 20,
  /** Redis CPU and memory. */
  redisAlarms: 2,
  dashboards: 1,
  baseSecrets: 4,
  /** Redis AUTH token. */
  redisSecrets: 1,
  /** One regional (API) and one CloudFront web ACL, each with three managed rule groups and a rate rule. */
  wafWebAcls: 2,
  wafRulesPerAcl: 4,
  /** SQS, Secrets Manager, KMS, Bedrock runtime (DynamoDB and S3 use free gateway endpoints). */
  interfaceEndpoints: 4,
  /** Static site files and plan exports in S3. */
  s3Gb: 0.1,
} as const;

/** Runs a month of an EventBridge `rate(…)` expression; a `cron(…)` is counted as daily. */
export function runsPerMonth(schedule: string): number {
  const rate = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/.exec(schedule);
  if (!rate) return HOURS_PER_MONTH / 24;
  const every = Number(rate[1]);
  const unit = rate[2] ?? 'days';
  const minutes = unit.startsWith('minute') ? every : unit.startsWith('hour') ? every * 60 : every * 1440;
  return MINUTES_PER_MONTH / minutes;
}

/** Monthly traffic the assumptions imply, before any price. */
export function usageVolumes(config: DeploymentConfig, a: UsageAssumptions) {
  const inbound = a.users * a.inboundMessagesPerUserPerMonth;
  const plans = a.users * a.plansPerUserPerWeek * a.weeksPerMonth;
  const outbound = inbound + plans;
  const sms = 1 - a.whatsappShare;
  const modelCalls = inbound * a.questionShare * (1 - a.cacheSavedShare);
  const planViews = plans * a.planViewShare;
  // WhatsApp always arrives through Twilio's webhook; SMS does too unless AWS End User Messaging carries it.
  const twilioShare = a.smsProvider === 'twilio' ? 1 : a.whatsappShare;
  const statusCallbacks = outbound * twilioShare * a.statusCallbacksPerOutbound;
  const webApiRequests = planViews * a.apiRequestsPerPlanView;
  const invocations = {
    http: inbound * twilioShare + statusCallbacks + webApiRequests,
    'aws-sms-inbound': inbound * (1 - twilioShare),
    worker: plans,
    scheduler: runsPerMonth(config.weeklyPlanningSchedule),
  };
  const turnSeconds = (share: number) =>
    (inbound * share * a.httpTurnMs + modelCalls * share * a.modelCallMs) / 1000;
  const seconds = {
    http:
      turnSeconds(twilioShare) +
      (statusCallbacks * a.statusCallbackMs) / 1000 +
      (webApiRequests * a.webRequestMs) / 1000,
    'aws-sms-inbound': turnSeconds(1 - twilioShare),
    worker: (plans * a.workerPlanMs) / 1000,
    scheduler: (invocations.scheduler * a.schedulerRunMs) / 1000,
  };
  return {
    inbound,
    plans,
    outbound,
    modelCalls,
    planViews,
    invocations,
    seconds,
    apiRequests: invocations.http,
    cdnRequests: planViews * (a.staticRequestsPerPlanView + a.apiRequestsPerPlanView),
    cdnGb: (planViews * a.kbPerPlanView) / 1e6,
    tableGb: (a.users * a.storageKbPerUser) / 1e6,
    smsInboundSegments: inbound * sms * a.smsSegmentsPerInbound,
    smsOutboundSegments: inbound * sms * a.smsSegmentsPerReply + plans * sms * a.smsSegmentsPerPlanMessage,
    whatsappInbound: inbound * a.whatsappShare,
    whatsappReplies: inbound * a.whatsappShare,
    whatsappTemplates: plans * a.whatsappShare,
  };
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits });
const perMillion = (count: number, usd: number) => (count / 1e6) * usd;

/**
 * The monthly bill of one deployment (environment × tier) under the usage assumptions: pure, from the config,
 * the assumptions and the price table only.
 */
export function estimateMonthlyCost(config: DeploymentConfig, a: UsageAssumptions, p: Prices): CostEstimate {
  const v = usageVolumes(config, a);
  const tier = config.tier;
  const redis = tier.vpc && config.cache.nodes > 0;
  const fns = config.lambda.functions;
  const lines: CostLine[] = [];
  const add = (group: CostGroup, service: string, usd: number, basis: string) =>
    lines.push({ group, service, usd, basis });

  const invocations = Object.values(v.invocations).reduce((sum, n) => sum + n, 0);
  const gbSeconds =
    (v.seconds.http * fns.http.memoryMb) / 1024 +
    (v.seconds['aws-sms-inbound'] * fns['aws-sms-inbound'].memoryMb) / 1024 +
    (v.seconds.worker * fns.worker.memoryMb) / 1024 +
    (v.seconds.scheduler * fns.scheduler.memoryMb) / 1024;
  // The config may say x86_64; the table holds the arm64 rate the project deploys with (x86 is 25 % dearer).
  const gbSecondUsd = p.lambdaArmGbSecond.usd * (config.lambda.architecture === 'arm64' ? 1 : 1.25);
  add(
    'AWS',
    'Lambda',
    perMillion(invocations, p.lambdaRequests.usd) + gbSeconds * gbSecondUsd,
    `${fmt(invocations)} requests, ${fmt(gbSeconds)} GB-s (${config.lambda.architecture})`,
  );
  add(
    'AWS',
    'API Gateway (REST)',
    perMillion(v.apiRequests, p.apiGatewayRest.usd),
    `${fmt(v.apiRequests)} requests`,
  );

  const reads = v.inbound * a.readUnitsPerTurn + v.plans * a.readUnitsPerPlan;
  const writes = v.inbound * a.writeUnitsPerTurn + v.plans * a.writeUnitsPerPlan;
  add(
    'AWS',
    'DynamoDB',
    perMillion(reads, p.dynamoReads.usd) +
      perMillion(writes, p.dynamoWrites.usd) +
      v.tableGb * (p.dynamoStorage.usd + p.dynamoPitr.usd),
    `${fmt(reads)} RRU, ${fmt(writes)} WRU, ${fmt(v.tableGb, 2)} GB + PITR`,
  );
  const sqsRequests = v.plans * 3 + a.sqsIdlePollsPerMonth;
  add('AWS', 'SQS', perMillion(sqsRequests, p.sqsRequests.usd), `${fmt(sqsRequests)} requests`);

  const nodeHourUsd = ELASTICACHE_NODE_HOUR_USD[config.cache.nodeType];
  if (redis && nodeHourUsd === undefined) {
    throw new Error(
      `No price for ElastiCache node type ${config.cache.nodeType}: add it to infra/cost/prices.ts`,
    );
  }
  const nodeHours = redis ? config.cache.nodes * HOURS_PER_MONTH : 0;
  add(
    'AWS',
    'ElastiCache',
    nodeHours * (nodeHourUsd ?? 0),
    redis
      ? `${config.cache.nodes} × ${config.cache.nodeType} × ${HOURS_PER_MONTH} h`
      : 'none (no VPC or 0 nodes)',
  );

  const s3Gets = v.planViews * a.staticRequestsPerPlanView * 0.1;
  add(
    'AWS',
    'CloudFront + S3',
    v.cdnGb * p.cloudfrontTransfer.usd +
      (v.cdnRequests / 1e4) * p.cloudfrontRequests.usd +
      RESOURCE_COUNTS.s3Gb * p.s3Storage.usd +
      (s3Gets / 1e3) * p.s3Gets.usd,
    `${fmt(v.cdnRequests)} requests, ${fmt(v.cdnGb, 1)} GB out`,
  );

  const securityOn = tier.guardDuty || tier.securityHub || tier.awsConfig || tier.cloudTrail;
  const copy = tier.backup && config.backup.copyRegion !== null;
  const keys =
    RESOURCE_COUNTS.baseKmsKeys +
    (securityOn ? RESOURCE_COUNTS.securityKmsKeys : 0) +
    (copy ? RESOURCE_COUNTS.copyRegionKmsKeys : 0);
  const kmsRequests = invocations * a.kmsRequestsPerInvocation;
  add(
    'AWS',
    'KMS',
    keys * p.kmsKey.usd + (kmsRequests / 1e4) * p.kmsRequests.usd,
    `${keys} keys, ${fmt(kmsRequests)} requests`,
  );

  const flowLogGb = tier.vpc ? a.vpcFlowLogGbPerMonth : 0;
  const logsGb =
    (invocations * a.logKbPerInvocation + v.apiRequests * a.accessLogKbPerRequest) / 1e6 + flowLogGb;
  // At steady state each month's logs stay for the retention period.
  const storedGb = logsGb * (config.logRetentionDays / 30);
  const alarms = RESOURCE_COUNTS.baseAlarms + (redis ? RESOURCE_COUNTS.redisAlarms : 0);
  const traces = (v.invocations.http + v.invocations['aws-sms-inbound']) * config.xraySamplingRate;
  add(
    'AWS',
    'CloudWatch + X-Ray',
    logsGb * p.logsIngest.usd +
      storedGb * p.logsStorage.usd +
      a.customMetrics * p.customMetric.usd +
      alarms * p.alarm.usd +
      RESOURCE_COUNTS.dashboards * p.dashboard.usd +
      perMillion(traces, p.xrayTraces.usd),
    `${fmt(logsGb, 1)} GB logs (${config.logRetentionDays} d), ${a.customMetrics} metrics, ${alarms} alarms, ` +
      `${fmt(traces)} traces`,
  );

  const wafRequests = v.apiRequests + v.cdnRequests;
  add(
    'AWS',
    'WAF',
    RESOURCE_COUNTS.wafWebAcls * (p.wafWebAcl.usd + RESOURCE_COUNTS.wafRulesPerAcl * p.wafRule.usd) +
      perMillion(wafRequests, p.wafRequests.usd),
    `${RESOURCE_COUNTS.wafWebAcls} web ACLs × ${RESOURCE_COUNTS.wafRulesPerAcl} rules, ${fmt(wafRequests)} requests`,
  );
  const secrets = RESOURCE_COUNTS.baseSecrets + (redis ? RESOURCE_COUNTS.redisSecrets : 0);
  add('AWS', 'Secrets Manager', secrets * p.secret.usd, `${secrets} secrets`);

  add(
    'AWS',
    'GuardDuty',
    tier.guardDuty
      ? perMillion(a.managementEventsPerMonth, p.guardDutyEvents.usd) + flowLogGb * p.guardDutyLogs.usd
      : 0,
    tier.guardDuty
      ? `${fmt(a.managementEventsPerMonth)} events, ${fmt(flowLogGb)} GB flow logs`
      : 'off in this tier',
  );
  add(
    'AWS',
    'Security Hub',
    tier.securityHub ? a.securityHubChecksPerMonth * p.securityHubCheck.usd : 0,
    tier.securityHub ? `${fmt(a.securityHubChecksPerMonth)} checks` : 'off in this tier',
  );
  add(
    'AWS',
    'Config + CloudTrail',
    tier.awsConfig
      ? a.configItemsPerMonth * p.configItem.usd + a.configEvaluationsPerMonth * p.configEvaluation.usd
      : 0,
    tier.awsConfig
      ? `${fmt(a.configItemsPerMonth)} items, ${fmt(a.configEvaluationsPerMonth)} evaluations; trail: first copy free`
      : 'off in this tier',
  );

  // DynamoDB backups are full copies: one per day kept for the retention period, cold after `coldStorageAfterDays`.
  const retention = config.backup.retentionDays;
  const warmDays = Math.min(retention, config.backup.coldStorageAfterDays ?? retention);
  const backupOne = v.tableGb * (warmDays * p.backupWarm.usd + (retention - warmDays) * p.backupCold.usd);
  add(
    'AWS',
    'Backup',
    tier.backup ? backupOne * (copy ? 2 : 1) + (copy ? v.tableGb * 30 * p.crossRegionTransfer.usd : 0) : 0,
    tier.backup
      ? `${retention} daily copies of ${fmt(v.tableGb, 2)} GB (${warmDays} warm)${copy ? `, copied to ${config.backup.copyRegion}` : ''}`
      : 'off in this tier',
  );
  const nat = config.network.natGateways;
  add(
    'AWS',
    'NAT gateways',
    tier.vpc ? nat * HOURS_PER_MONTH * p.natHour.usd + a.natGbPerMonth * p.natData.usd : 0,
    tier.vpc ? `${nat} × ${HOURS_PER_MONTH} h, ${fmt(a.natGbPerMonth)} GB` : 'no VPC in this tier',
  );
  const endpointHours = RESOURCE_COUNTS.interfaceEndpoints * config.network.maxAzs * HOURS_PER_MONTH;
  add(
    'AWS',
    'VPC endpoints',
    tier.vpc
      ? endpointHours * p.interfaceEndpointHour.usd + a.endpointGbPerMonth * p.interfaceEndpointData.usd
      : 0,
    tier.vpc
      ? `${RESOURCE_COUNTS.interfaceEndpoints} interface endpoints × ${config.network.maxAzs} AZs × ${HOURS_PER_MONTH} h`
      : 'no VPC in this tier',
  );

  const sms = smsCost(v, a.smsProvider, p);
  const other = smsCost(v, a.smsProvider === 'twilio' ? 'aws' : 'twilio', p);
  add('Messaging', sms.service, sms.usd, sms.basis);
  add(
    'Messaging',
    'WhatsApp (Twilio + Meta)',
    (v.whatsappInbound + v.whatsappReplies + v.whatsappTemplates) * p.twilioWhatsApp.usd +
      v.whatsappTemplates * p.metaUtilityTemplate.usd,
    `${fmt(v.whatsappInbound + v.whatsappReplies)} in/replies × $${p.twilioWhatsApp.usd}; ` +
      `${fmt(v.whatsappTemplates)} plan templates + $${p.metaUtilityTemplate.usd} Meta (${p.metaUtilityTemplate.asOf})`,
  );

  const reads1k = (v.modelCalls * a.promptCacheReadShare * a.promptPrefixTokens) / 1000;
  const writes1k = (v.modelCalls * (1 - a.promptCacheReadShare) * a.promptPrefixTokens) / 1000;
  const input1k = (v.modelCalls * a.uncachedInputTokens) / 1000;
  const output1k = (v.modelCalls * a.outputTokens) / 1000;
  add(
    'Language model',
    'Bedrock',
    reads1k * p.bedrockCacheRead.usd +
      writes1k * p.bedrockCacheWrite.usd +
      input1k * p.bedrockInput.usd +
      output1k * p.bedrockOutput.usd,
    `${fmt(v.modelCalls)} calls after the response cache; per 1k tokens: input $${p.bedrockInput.usd}, ` +
      `cache read $${p.bedrockCacheRead.usd}, cache write $${p.bedrockCacheWrite.usd}, ` +
      `output $${p.bedrockOutput.usd} (${p.bedrockInput.asOf})`,
  );

  const notes: string[] = [
    `${other.service} instead would cost $${other.usd.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} a month.`,
    `Bedrock priced for ${PRICED_BEDROCK_MODEL} on demand.`,
  ];
  if (config.language.bedrockModelId !== PRICED_BEDROCK_MODEL) {
    notes.push(
      `The config names ${config.language.bedrockModelId}: the Bedrock line is at the priced model's rates.`,
    );
  }
  if (config.language.provider !== 'bedrock') {
    notes.push(
      `The config's language provider is "${config.language.provider}": the Bedrock line is what switching to Bedrock adds.`,
    );
  }
  const byGroup: Record<CostGroup, number> = { AWS: 0, Messaging: 0, 'Language model': 0 };
  for (const line of lines) byGroup[line.group] += line.usd;
  const totalUsd = byGroup.AWS + byGroup.Messaging + byGroup['Language model'];
  return { lines, totalUsd, byGroup, notes };
}

function smsCost(
  v: ReturnType<typeof usageVolumes>,
  provider: UsageAssumptions['smsProvider'],
  p: Prices,
): { service: string; usd: number; basis: string } {
  const out = v.smsOutboundSegments;
  const inn = v.smsInboundSegments;
  if (provider === 'twilio') {
    return {
      service: 'SMS (Twilio)',
      usd: out * (p.twilioSms.usd + p.usCarrierFee.usd) + inn * p.twilioSms.usd + p.twilioNumber.usd,
      basis:
        `${fmt(out)} out + ${fmt(inn)} in segments × $${p.twilioSms.usd} (${p.twilioSms.asOf}), ` +
        `carrier $${p.usCarrierFee.usd}/out segment, 1 number`,
    };
  }
  return {
    service: 'SMS (AWS End User Messaging)',
    usd: out * (p.awsSmsOutbound.usd + p.usCarrierFee.usd) + inn * p.awsSmsInbound.usd + p.awsSmsNumber.usd,
    basis:
      `${fmt(out)} out × $${p.awsSmsOutbound.usd} + ${fmt(inn)} in × $${p.awsSmsInbound.usd} (${p.awsSmsOutbound.asOf}), ` +
      `carrier $${p.usCarrierFee.usd}/out segment, 1 number`,
  };
}
