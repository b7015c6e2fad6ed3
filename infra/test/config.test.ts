import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENVIRONMENT_NAMES, overrideSchema, SECURITY_TIERS } from '../config/deployment-config.ts';
import { buildDeploymentConfig, readDeploymentConfig } from '../config/deployment-context.ts';
import { ENV_EXPECTATIONS, TIER_EXPECTATIONS } from './expected/deployment-expectations.ts';
import { newApp } from './synth.ts';

describe('deployment configuration', () => {
  it('validates every environment × tier, chosen independently', () => {
    for (const env of ENVIRONMENT_NAMES) {
      for (const tier of SECURITY_TIERS) {
        const config = buildDeploymentConfig(env, tier);
        expect(config.environment).toBe(env);
        expect(config.tier.name).toBe(tier);
        const { vpc, guardDuty, securityHub, awsConfig, cloudTrail, backupPlan } = TIER_EXPECTATIONS[tier];
        expect(config.tier).toMatchObject({
          vpc,
          guardDuty,
          securityHub,
          awsConfig,
          cloudTrail,
          backup: backupPlan,
        });
        expect(config.monthlyBudgetUsd).toBe(ENV_EXPECTATIONS[env].monthlyBudgetUsd);
        expect(config.logRetentionDays).toBe(ENV_EXPECTATIONS[env].logRetentionDays);
      }
    }
  });

  it('covers what the seed’s variables cover', () => {
    const config = buildDeploymentConfig('prod', 'enterprise');
    expect(config).toMatchObject({
      region: 'us-east-1',
      projectName: 'ai-nutritionist',
      lambda: { architecture: 'arm64' },
      backup: { schedule: 'cron(0 4 * * ? *)', coldStorageAfterDays: 30, copyRegion: 'us-west-2' },
      cache: { nodes: 2 },
    });
    expect(config.lambda.functions.worker.reservedConcurrency).toBe(25);
    expect(config.costAllocationTags).toMatchObject({ Project: 'ai-nutritionist', Environment: 'prod' });
    expect(config.weeklyPlanningSchedule).toMatch(/^rate\(/);
    // A US cross-region inference profile since Claude 3.5 Haiku's end of life (changed 2026-11-26).
    expect(config.language.bedrockModelId).toMatch(/^us\.anthropic\./);
    expect(config.xraySamplingRate).toBeGreaterThan(0);
  });

  it('rejects an unknown environment or tier with the allowed values', () => {
    expect(() => readDeploymentConfig(newApp({ env: 'qa' }).node)).toThrow(
      /Invalid CDK context "env": "qa". Expected one of dev, staging, prod/,
    );
    expect(() => readDeploymentConfig(newApp({ tier: 'gold' }).node)).toThrow(
      /Expected one of basic, standard, enterprise/,
    );
  });

  it('names every invalid value of an override, with the rule it breaks', () => {
    const bad = () =>
      buildDeploymentConfig('prod', 'enterprise', {
        alertEmail: 'not-an-address',
        region: 'mars-1',
        backup: { retentionDays: 60 },
        lambda: { functions: { worker: { memoryMb: 64 } } },
        domain: {
          names: ['app.example.org'],
          certificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/x',
        },
      });
    expect(bad).toThrow(/alertEmail/);
    expect(bad).toThrow(/region: must be an AWS region/);
    expect(bad).toThrow(/backup\.retentionDays: must be at least coldStorageAfterDays \+ 90/);
    expect(bad).toThrow(/lambda\.functions\.worker\.memoryMb/);
    expect(bad).toThrow(/domain\.certificateArn: must be an ACM certificate ARN in us-east-1/);
  });

  it('refuses an override key it does not know rather than ignoring it', () => {
    expect(overrideSchema.safeParse({ monthlyBudget: 10 }).success).toBe(false);
  });

  it('reads the documented example file and applies it over the environment', () => {
    const path = join(import.meta.dirname, '../config/deployment.example.json');
    const example = JSON.parse(readFileSync(path, 'utf8'));
    expect(overrideSchema.safeParse(example).success).toBe(true);
    const config = readDeploymentConfig(newApp({ env: 'prod', tier: 'enterprise', configFile: path }).node);
    expect(config.monthlyBudgetUsd).toBe(600);
    expect(config.lambda.functions.worker.memoryMb).toBe(3008);
    // Untouched fields keep the environment's value.
    expect(config.lambda.functions.worker.timeoutSeconds).toBe(120);
    expect(config.domain?.names).toEqual(['coach.your-domain.example']);
  });
});
