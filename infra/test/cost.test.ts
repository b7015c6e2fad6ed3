import { describe, expect, it } from 'vitest';
import { buildDeploymentConfig } from '../config/deployment-context.ts';
import { DEFAULT_ASSUMPTIONS, type UsageAssumptions } from '../cost/assumptions.ts';
import { parseCostArgs } from '../cost/cli-args.ts';
import { estimateMonthlyCost, runsPerMonth } from '../cost/estimate.ts';
import { formatEstimate } from '../cost/format.ts';
import { PRICES } from '../cost/prices.ts';
import {
  ENTERPRISE_ONLY,
  SMALL_CASE,
  SMALL_CASE_EXPECTED_USD,
  ZERO_IN_BASIC,
} from './expected/cost-expectations.ts';
import { ENVS, TIERS } from './expected/deployment-expectations.ts';

const small: UsageAssumptions = { ...DEFAULT_ASSUMPTIONS, ...SMALL_CASE.assumptions };

function lineUsd(estimate: ReturnType<typeof estimateMonthlyCost>, service: string): number {
  const line = estimate.lines.find((candidate) => candidate.service === service);
  if (!line) throw new Error(`no line ${service}`);
  return line.usd;
}

describe('cost model: the hand-worked small case (staging × standard, 100 users)', () => {
  const estimate = estimateMonthlyCost(buildDeploymentConfig(SMALL_CASE.env, SMALL_CASE.tier), small, PRICES);

  it.each(Object.entries(SMALL_CASE_EXPECTED_USD))('%s costs $%s', (service, expected) => {
    expect(lineUsd(estimate, service)).toBeCloseTo(expected, 6);
  });

  it('adds its lines up to the groups and the groups to the total', () => {
    const sum = estimate.lines.reduce((total, line) => total + line.usd, 0);
    expect(estimate.totalUsd).toBeCloseTo(sum, 9);
    const groups = estimate.byGroup;
    expect(groups.AWS + groups.Messaging + groups['Language model']).toBeCloseTo(sum, 9);
  });
});

describe('cost model: tiers and environments', () => {
  const at = (env: (typeof ENVS)[number], tier: (typeof TIERS)[number]) =>
    estimateMonthlyCost(buildDeploymentConfig(env, tier), DEFAULT_ASSUMPTIONS, PRICES);

  it.each(ZERO_IN_BASIC)('basic tier pays nothing for %s', (service) => {
    expect(lineUsd(at('prod', 'basic'), service)).toBe(0);
  });

  it.each(ENTERPRISE_ONLY)('%s costs something only in enterprise', (service) => {
    expect(lineUsd(at('prod', 'standard'), service)).toBe(0);
    expect(lineUsd(at('prod', 'enterprise'), service)).toBeGreaterThan(0);
  });

  it('costs more from basic to standard to enterprise in every environment', () => {
    for (const env of ENVS) {
      const [basic, standard, enterprise] = TIERS.map((tier) => at(env, tier).totalUsd);
      expect(standard).toBeGreaterThan(basic ?? 0);
      expect(enterprise).toBeGreaterThan(standard ?? 0);
    }
  });

  it('runs Redis in prod (2 × cache.t4g.small) but not in dev', () => {
    expect(lineUsd(at('prod', 'standard'), 'ElastiCache')).toBeCloseTo(2 * 730 * 0.032, 6);
    expect(lineUsd(at('dev', 'standard'), 'ElastiCache')).toBe(0);
  });

  it('scales traffic-driven lines with users, not fixed ones', () => {
    const config = buildDeploymentConfig('prod', 'enterprise');
    const one = estimateMonthlyCost(config, { ...DEFAULT_ASSUMPTIONS, users: 1000 }, PRICES);
    const ten = estimateMonthlyCost(config, { ...DEFAULT_ASSUMPTIONS, users: 10_000 }, PRICES);
    expect(lineUsd(ten, 'Bedrock')).toBeCloseTo(10 * lineUsd(one, 'Bedrock'), 6);
    expect(lineUsd(ten, 'NAT gateways')).toBe(lineUsd(one, 'NAT gateways'));
  });

  it('prices SMS at AWS End User Messaging rates when asked, and names the other provider in a note', () => {
    const config = buildDeploymentConfig('prod', 'standard');
    const aws = estimateMonthlyCost(config, { ...small, smsProvider: 'aws' }, PRICES);
    expect(lineUsd(aws, 'SMS (AWS End User Messaging)')).toBeCloseTo(
      1600 * (0.00581 + 0.003) + 500 * 0.0075 + 2,
      6,
    );
    expect(aws.notes.join('\n')).toContain('SMS (Twilio) instead would cost $23.38');
  });
});

describe('cost model: schedules and the command line', () => {
  it('counts the runs of a rate expression and a cron as daily', () => {
    expect(runsPerMonth('rate(15 minutes)')).toBe(2920);
    expect(runsPerMonth('rate(1 hour)')).toBe(730);
    expect(runsPerMonth('cron(0 4 * * ? *)')).toBeCloseTo(30.42, 2);
  });

  it('reads the context and flags npm run cost is given', () => {
    const parsed = parseCostArgs([
      '--context',
      'env=prod',
      '-c',
      'tier=enterprise',
      '--users',
      '10000',
      '--whatsapp-share=0.6',
    ]);
    if (!parsed.ok) throw new Error(parsed.errors.join());
    expect(parsed.args.env).toBe('prod');
    expect(parsed.args.tier).toBe('enterprise');
    expect(parsed.args.assumptions.users).toBe(10_000);
    expect(parsed.args.assumptions.whatsappShare).toBe(0.6);
    expect(parsed.args.overridden).toEqual(['users', 'whatsappShare']);
  });

  it('reports every bad argument instead of estimating with some of them', () => {
    const parsed = parseCostArgs([
      '-c',
      'env=qa',
      '--users',
      'many',
      '--whatsapp-share',
      '1.5',
      '--nope',
      '1',
      '--users',
    ]);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toEqual([
      'env must be one of dev, staging, prod, not "qa"',
      '--users must be a number ≥ 0, not "many"',
      '--whatsapp-share is a share between 0 and 1, not 1.5',
      'unknown flag --nope',
      '--users needs a value',
    ]);
  });

  it('lets the config choose the SMS provider unless a flag says otherwise', () => {
    const fromConfig = parseCostArgs([], 'aws');
    const flagged = parseCostArgs(['--sms-provider', 'twilio'], 'aws');
    expect(fromConfig.ok && fromConfig.args.assumptions.smsProvider).toBe('aws');
    expect(flagged.ok && flagged.args.assumptions.smsProvider).toBe('twilio');
  });

  it('prints a table with every line, the total and the dated SMS and Bedrock prices', () => {
    const estimate = estimateMonthlyCost(
      buildDeploymentConfig('prod', 'enterprise'),
      DEFAULT_ASSUMPTIONS,
      PRICES,
    );
    const text = formatEstimate('t', estimate, DEFAULT_ASSUMPTIONS, []);
    for (const line of estimate.lines) expect(text).toContain(`| ${line.service}`);
    expect(text).toContain('**Total / month**');
    expect(text).toContain('× $0.0083 (2026-07)');
    expect(text).toContain('input $0.001,'); // Claude Haiku 4.5 since 2026-11-26 (was 3.5 Haiku, $0.0008)
  });
});
