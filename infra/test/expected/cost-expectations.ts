/**
 * Expected figures of the cost model (issue 9 item 7) for one small case, worked out by hand before the model was
 * written. The test runs `estimateMonthlyCost` on this case and compares line by line; a failing row is a bug in the
 * model (or a price that changed in infra/cost/prices.ts — then say so), never a reason to edit the row.
 *
 * Prices used for the arithmetic below (us-east-1 list prices, the same as infra/cost/prices.ts must hold):
 *   Lambda arm64 $0.20 per 1M requests and $0.0000133334 per GB-second; ElastiCache cache.t4g.micro $0.016/h;
 *   NAT gateway $0.045/h and $0.045/GB; Twilio US SMS $0.0083 per segment in and out, carrier fee $0.003 per
 *   outbound segment, long-code number $1.15/month; Twilio WhatsApp $0.005 per message in and out, Meta US utility
 *   template $0.004 (replies inside the 24 h service window are free from Meta); Bedrock Claude Haiku 4.5 $0.001
 *   per 1k input tokens, $0.005 per 1k output, $0.00125 per 1k written to the prompt cache, $0.0001 per 1k read.
 *   (Changed 2026-11-26, third session: the priced model was Claude 3.5 Haiku — $0.0008 / $0.004 / $0.001 /
 *   $0.00008, Bedrock 0.343 below — which reached its end of life on 2026-06-19; the configuration now names
 *   Claude Haiku 4.5, so the prices and the one Bedrock row changed, redone by hand below.)
 *   No free tiers are subtracted (they are per account, and the account may run other things).
 */

/** The case: staging × standard (1 Redis node cache.t4g.micro, 1 NAT gateway), 100 users, round assumptions. */
export const SMALL_CASE = {
  env: 'staging',
  tier: 'standard',
  assumptions: {
    users: 100,
    inboundMessagesPerUserPerMonth: 10,
    plansPerUserPerWeek: 1,
    weeksPerMonth: 4,
    whatsappShare: 0.5,
    smsProvider: 'twilio',
    smsSegmentsPerInbound: 1,
    smsSegmentsPerReply: 2,
    smsSegmentsPerPlanMessage: 3,
    questionShare: 0.5,
    cacheSavedShare: 0.5,
    promptPrefixTokens: 1000,
    uncachedInputTokens: 500,
    outputTokens: 200,
    promptCacheReadShare: 0.9,
    statusCallbacksPerOutbound: 2,
    planViewShare: 0.5,
    apiRequestsPerPlanView: 2,
    httpTurnMs: 300,
    modelCallMs: 2000,
    statusCallbackMs: 50,
    webRequestMs: 100,
    workerPlanMs: 4000,
    schedulerRunMs: 1500,
    natGbPerMonth: 1,
  },
} as const;

/**
 * Derivation (per month): 1,000 inbound messages and 1,000 replies; 400 weekly plans (100 × 1 × 4), each one
 * outbound message. Half of each goes by SMS, half by WhatsApp.
 */
export const SMALL_CASE_EXPECTED_USD: Readonly<Record<string, number>> = {
  // SMS: 500 inbound segments × 0.0083 = 4.15; outbound 500 replies × 2 + 200 plans × 3 = 1,600 segments ×
  // (0.0083 + 0.003) = 18.08; one number 1.15.
  'SMS (Twilio)': 23.38,
  // WhatsApp: 500 inbound × 0.005 = 2.50; 500 replies × 0.005 = 2.50 (service window); 200 plans × (0.005 +
  // 0.004 utility template) = 1.80.
  'WhatsApp (Twilio + Meta)': 6.8,
  // 1,000 × 0.5 questions × (1 − 0.5 cache) = 250 model calls. Prefix 1,000 tokens: 225 reads → 225k × 0.0001/1k
  // = 0.0225; 25 writes → 25k × 0.00125/1k = 0.03125. Uncached input 125k × 0.001/1k = 0.125. Output 50k ×
  // 0.005/1k = 0.25.
  Bedrock: 0.42875,
  // 1 node × 730 h × 0.016.
  ElastiCache: 11.68,
  // 1 gateway × 730 h × 0.045 = 32.85, plus 1 GB × 0.045.
  'NAT gateways': 32.895,
  // Invocations: http 1,000 inbound + 1,400 outbound × 2 status callbacks + 400 × 0.5 views × 2 API calls = 4,200;
  // worker 400; scheduler rate(15 minutes) = 730 × 4 = 2,920; aws-sms-inbound 0 → 7,520 × 0.20/1M = 0.001504.
  // GB-s: http (1,000 × 0.3 s + 250 × 2 s + 2,800 × 0.05 s + 400 × 0.1 s) × 1 GB = 980; worker 400 × 4 s × 2 GB =
  // 3,200; scheduler 2,920 × 1.5 s × 0.5 GB = 2,190 → 6,370 GB-s × 0.0000133334 = 0.084934.
  Lambda: 0.086438,
};

/** Lines that must be zero in the basic tier (no VPC, no security services, no backup). */
export const ZERO_IN_BASIC = [
  'ElastiCache',
  'NAT gateways',
  'VPC endpoints',
  'GuardDuty',
  'Security Hub',
  'Config + CloudTrail',
  'Backup',
] as const;

/** Lines only the enterprise tier pays for. */
export const ENTERPRISE_ONLY = ['GuardDuty', 'Security Hub'] as const;
