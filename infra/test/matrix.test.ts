import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import {
  ENV_EXPECTATIONS,
  ENVS,
  FUNCTION_EXPECTATIONS,
  FUNCTIONS,
  TIER_EXPECTATIONS,
  TIERS,
} from './expected/deployment-expectations.ts';
import { synth, validationFindings } from './synth.ts';

// Each combination synthesises the whole app once, AwsSolutions included (the other packs: compliance.test.ts).
describe.each(ENVS.flatMap((env) => TIERS.map((tier) => [env, tier] as const)))('%s × %s', (env, tier) => {
  // prod/enterprise runs every pack in compliance.test.ts; here it is synthesised without them, for speed.
  const nag = !(env === 'prod' && tier === 'enterprise');
  const { stacks, assembly, template } = synth(env, tier, { nag });
  const expectTier = TIER_EXPECTATIONS[tier];
  const expectEnv = ENV_EXPECTATIONS[env];
  const stateful = template(stacks.stateful);
  const stateless = template(stacks.stateless);

  it('synthesises with no unacknowledged AwsSolutions finding', () => {
    expect(validationFindings(assembly)).toEqual([]);
  });

  it('has a VPC, flow logs and NAT gateways only where the tier says', () => {
    stateful.resourceCountIs('AWS::EC2::VPC', expectTier.vpc ? 1 : 0);
    stateful.resourceCountIs('AWS::EC2::FlowLog', expectTier.flowLogs ? 1 : 0);
    stateful.resourceCountIs('AWS::EC2::NatGateway', expectTier.vpc ? expectEnv.natGatewaysWithVpc : 0);
  });

  it('runs the four functions as specified, in the VPC where the tier has one', () => {
    stateless.resourcePropertiesCountIs(
      'AWS::Lambda::Function',
      {
        Runtime: FUNCTION_EXPECTATIONS.runtime,
        Architectures: [FUNCTION_EXPECTATIONS.architecture],
        Handler: FUNCTION_EXPECTATIONS.handler,
        TracingConfig: { Mode: FUNCTION_EXPECTATIONS.tracing },
        VpcConfig: expectTier.functionsInVpc
          ? Match.objectLike({ SubnetIds: Match.anyValue() })
          : Match.absent(),
      },
      FUNCTIONS.length,
    );
  });

  it('has Redis only where the environment asks for nodes and the tier has a VPC', () => {
    const nodes = expectTier.vpc ? expectEnv.cacheNodesWithVpc : 0;
    stateful.resourceCountIs('AWS::ElastiCache::ReplicationGroup', nodes > 0 ? 1 : 0);
    if (nodes > 0) {
      stateful.hasResourceProperties('AWS::ElastiCache::ReplicationGroup', {
        NumCacheClusters: nodes,
        MultiAZEnabled: nodes > 1,
        AutomaticFailoverEnabled: nodes > 1,
      });
    }
  });

  it('backs the table up where the tier says, with cold storage and a copy where the environment says', () => {
    stateful.resourceCountIs('AWS::Backup::BackupPlan', expectTier.backupPlan ? 1 : 0);
    expect(stacks.disasterRecovery !== undefined).toBe(
      expectTier.backupPlan && expectEnv.backupCopyRegion !== null,
    );
    if (!expectTier.backupPlan) return;
    const rule = Match.objectLike({
      ScheduleExpression: 'cron(0 4 * * ? *)',
      Lifecycle: Match.objectLike({
        MoveToColdStorageAfterDays: expectEnv.coldStorageAfterDays ?? Match.absent(),
      }),
      CopyActions: expectEnv.backupCopyRegion
        ? [
            Match.objectLike({
              DestinationBackupVaultArn: Match.stringLikeRegexp(`:backup:${expectEnv.backupCopyRegion}:`),
            }),
          ]
        : Match.absent(),
    });
    stateful.hasResourceProperties('AWS::Backup::BackupPlan', {
      BackupPlan: { BackupPlanName: Match.anyValue(), BackupPlanRule: [rule] },
    });
  });

  it('has the security services of the tier, and no security stack at all on basic', () => {
    const anySecurity =
      expectTier.guardDuty || expectTier.securityHub || expectTier.awsConfig || expectTier.cloudTrail;
    expect(stacks.security !== undefined).toBe(anySecurity);
    if (!stacks.security) return;
    const security = template(stacks.security);
    security.resourceCountIs('AWS::GuardDuty::Detector', expectTier.guardDuty ? 1 : 0);
    security.resourceCountIs('AWS::SecurityHub::Hub', expectTier.securityHub ? 1 : 0);
    security.resourceCountIs('AWS::Config::ConfigurationRecorder', expectTier.awsConfig ? 1 : 0);
    security.resourceCountIs('AWS::CloudTrail::Trail', expectTier.cloudTrail ? 1 : 0);
  });

  it('protects the table as the environment says, with PITR always on', () => {
    stateful.hasResourceProperties('AWS::DynamoDB::Table', {
      DeletionProtectionEnabled: expectEnv.deletionProtection,
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    });
    expect(stacks.stateful.terminationProtection).toBe(expectEnv.deletionProtection);
  });

  it('keeps logs for the environment’s retention', () => {
    stateless.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: expectEnv.logRetentionDays });
  });

  it('reserves worker concurrency only where the environment says', () => {
    stateless.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('^SQS worker'),
      ReservedConcurrentExecutions: expectEnv.workerReservedConcurrency ?? Match.absent(),
    });
  });

  it('sets the month’s budget', () => {
    template(stacks.edge).hasResourceProperties('AWS::Budgets::Budget', {
      Budget: Match.objectLike({ BudgetLimit: { Amount: expectEnv.monthlyBudgetUsd, Unit: 'USD' } }),
    });
  });
});
