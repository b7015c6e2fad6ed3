/**
 * What the cost model assumes about usage: one typed object, every field overridable from the command line
 * (`--users 10000 --whatsapp-share 0.6 …`, the kebab-case of the field name). Defaults are an estimate for a
 * coaching product people text a few times a week; change them when real traffic says otherwise.
 */
export interface UsageAssumptions {
  readonly users: number;
  /** Messages a user sends in a month (SMS or WhatsApp); each gets one reply. */
  readonly inboundMessagesPerUserPerMonth: number;
  /** Weekly plans delivered per user per week (one outbound message with the plan's link each). */
  readonly plansPerUserPerWeek: number;
  /** 730 h / 168 h. */
  readonly weeksPerMonth: number;
  /** Share of messages sent over WhatsApp; the rest is SMS. */
  readonly whatsappShare: number;
  /** Who carries SMS: Twilio, or AWS End User Messaging (when the config names an origination identity). */
  readonly smsProvider: 'twilio' | 'aws';
  readonly smsSegmentsPerInbound: number;
  /** Replies are cut to at most three segments (handle-inbound-message.ts); most fit in two. */
  readonly smsSegmentsPerReply: number;
  /** The weekly plan message is written to fill the three-segment cap. */
  readonly smsSegmentsPerPlanMessage: number;
  /** Share of messages that are free questions the language model would answer without a cache. */
  readonly questionShare: number;
  /** Share of those the response cache answers: docs/BENCHMARKS.md measured 55.2 % of model calls saved. */
  readonly cacheSavedShare: number;
  /** System prompt + knowledge excerpt sent with every call, marked for Bedrock's prompt cache. */
  readonly promptPrefixTokens: number;
  /** The user's question, the conversation tail and the profile summary: not cacheable. */
  readonly uncachedInputTokens: number;
  readonly outputTokens: number;
  /** Share of calls that find the prefix in the prompt cache; the rest write it (the cache lives minutes). */
  readonly promptCacheReadShare: number;
  /** Twilio posts each outbound message's status (sent, delivered) to /webhooks/twilio/status. */
  readonly statusCallbacksPerOutbound: number;
  /** Share of plan messages whose link is opened on the web. */
  readonly planViewShare: number;
  readonly apiRequestsPerPlanView: number;
  /** Static files (HTML, JS, CSS, fonts) CloudFront serves per plan view, and their size. */
  readonly staticRequestsPerPlanView: number;
  readonly kbPerPlanView: number;
  /** Billed Lambda durations (ms): a turn without the model, the wait on one model call, a callback, a web call. */
  readonly httpTurnMs: number;
  readonly modelCallMs: number;
  readonly statusCallbackMs: number;
  readonly webRequestMs: number;
  /** One household plan solved by HiGHS in the worker. */
  readonly workerPlanMs: number;
  readonly schedulerRunMs: number;
  /** DynamoDB request units per turn and per plan (profile, dialogue state, idempotency, logs, plan items). */
  readonly readUnitsPerTurn: number;
  readonly writeUnitsPerTurn: number;
  readonly readUnitsPerPlan: number;
  readonly writeUnitsPerPlan: number;
  /** Profile, plans, logs and messages kept per user (TTLs expire the old ones). */
  readonly storageKbPerUser: number;
  /** CloudWatch Logs written per Lambda invocation and per API access-log line. */
  readonly logKbPerInvocation: number;
  readonly accessLogKbPerRequest: number;
  /** EMF metrics the service emits (name × dimensions), beyond AWS's free service metrics. */
  readonly customMetrics: number;
  /** KMS calls per Lambda invocation: DynamoDB, SQS and Secrets Manager cache data keys for minutes. */
  readonly kmsRequestsPerInvocation: number;
  /** Traffic from the functions to the internet through NAT (Twilio, Stripe) and to interface endpoints. */
  readonly natGbPerMonth: number;
  readonly endpointGbPerMonth: number;
  readonly vpcFlowLogGbPerMonth: number;
  /** Account activity GuardDuty reads, and the checks Security Hub's foundational standard and Config run. */
  readonly managementEventsPerMonth: number;
  readonly securityHubChecksPerMonth: number;
  readonly configItemsPerMonth: number;
  readonly configEvaluationsPerMonth: number;
  /** Long polls the Lambda SQS poller makes on an idle queue (5 pollers × 3 per minute × 43,800 minutes). */
  readonly sqsIdlePollsPerMonth: number;
}

export const DEFAULT_ASSUMPTIONS: UsageAssumptions = {
  users: 1000,
  inboundMessagesPerUserPerMonth: 20,
  plansPerUserPerWeek: 1,
  weeksPerMonth: 730 / 168,
  whatsappShare: 0.4,
  smsProvider: 'twilio',
  smsSegmentsPerInbound: 1,
  smsSegmentsPerReply: 2,
  smsSegmentsPerPlanMessage: 3,
  questionShare: 0.3,
  cacheSavedShare: 0.552,
  promptPrefixTokens: 1500,
  uncachedInputTokens: 600,
  outputTokens: 250,
  promptCacheReadShare: 0.9,
  statusCallbacksPerOutbound: 2,
  planViewShare: 0.6,
  apiRequestsPerPlanView: 3,
  staticRequestsPerPlanView: 6,
  kbPerPlanView: 400,
  httpTurnMs: 300,
  modelCallMs: 2500,
  statusCallbackMs: 50,
  webRequestMs: 100,
  workerPlanMs: 4000,
  schedulerRunMs: 1500,
  readUnitsPerTurn: 6,
  writeUnitsPerTurn: 4,
  readUnitsPerPlan: 20,
  writeUnitsPerPlan: 12,
  storageKbPerUser: 200,
  logKbPerInvocation: 1.5,
  accessLogKbPerRequest: 1,
  customMetrics: 40,
  kmsRequestsPerInvocation: 0.2,
  natGbPerMonth: 10,
  endpointGbPerMonth: 20,
  vpcFlowLogGbPerMonth: 5,
  managementEventsPerMonth: 300_000,
  securityHubChecksPerMonth: 8000,
  configItemsPerMonth: 3000,
  configEvaluationsPerMonth: 10_000,
  sqsIdlePollsPerMonth: 657_000,
};

const SHARES = new Set<keyof UsageAssumptions>([
  'whatsappShare',
  'questionShare',
  'cacheSavedShare',
  'promptCacheReadShare',
  'planViewShare',
]);

/** `--whatsapp-share` → `whatsappShare`. */
function fieldOf(flag: string): keyof UsageAssumptions | undefined {
  const name = flag.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
  return name in DEFAULT_ASSUMPTIONS ? (name as keyof UsageAssumptions) : undefined;
}

export type ParsedAssumption =
  | { readonly ok: true; readonly field: keyof UsageAssumptions; readonly value: number | 'twilio' | 'aws' }
  | { readonly ok: false; readonly error: string };

/** One flag's value checked against its field: shares within 0–1, counts not negative, providers by name. */
export function parseAssumption(flag: string, raw: string): ParsedAssumption {
  const field = fieldOf(flag);
  if (field === undefined) return { ok: false, error: `unknown flag --${flag}` };
  if (field === 'smsProvider') {
    return raw === 'twilio' || raw === 'aws'
      ? { ok: true, field, value: raw }
      : { ok: false, error: `--${flag} must be twilio or aws, not ${JSON.stringify(raw)}` };
  }
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value < 0) {
    return { ok: false, error: `--${flag} must be a number ≥ 0, not ${JSON.stringify(raw)}` };
  }
  if (SHARES.has(field) && value > 1) {
    return { ok: false, error: `--${flag} is a share between 0 and 1, not ${raw}` };
  }
  return { ok: true, field, value };
}
