import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { BUDGET_THRESHOLDS_PERCENT } from './expected/deployment-expectations.ts';
import { synth } from './synth.ts';

const { stacks, template } = synth('prod', 'enterprise', { nag: false });

describe('edge stack', () => {
  const edge = template(stacks.edge);

  it('lives in us-east-1, where CloudFront web ACLs must be', () => {
    expect(stacks.edge.region).toBe('us-east-1');
  });

  it('has a CLOUDFRONT web ACL with managed rules and the rate limit, used by the distribution', () => {
    edge.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'CLOUDFRONT',
      Rules: Match.arrayWith([
        Match.objectLike({ Statement: { RateBasedStatement: Match.objectLike({ AggregateKeyType: 'IP' }) } }),
        Match.objectLike({
          Statement: {
            ManagedRuleGroupStatement: Match.objectLike({ Name: 'AWSManagedRulesAmazonIpReputationList' }),
          },
        }),
      ]),
    });
    edge.resourceCountIs('AWS::WAFv2::LoggingConfiguration', 1);
  });

  it('budgets the month with notifications at 50, 80 and 100 % to the alert address', () => {
    const budget = Object.values(edge.findResources('AWS::Budgets::Budget'))[0] as {
      Properties: {
        NotificationsWithSubscribers: { Notification: { NotificationType: string; Threshold: number } }[];
      };
    };
    const actual = budget.Properties.NotificationsWithSubscribers.filter(
      (n) => n.Notification.NotificationType === 'ACTUAL',
    ).map((n) => n.Notification.Threshold);
    expect(actual).toEqual([...BUDGET_THRESHOLDS_PERCENT]);
    edge.hasResourceProperties('AWS::Budgets::Budget', {
      Budget: Match.objectLike({ BudgetLimit: { Amount: 1000, Unit: 'USD' }, TimeUnit: 'MONTHLY' }),
    });
  });

  it('watches spend for anomalies and mails them', () => {
    edge.hasResourceProperties('AWS::CE::AnomalyMonitor', {
      MonitorType: 'DIMENSIONAL',
      MonitorDimension: 'SERVICE',
    });
    edge.hasResourceProperties('AWS::CE::AnomalySubscription', {
      Subscribers: [{ Type: 'EMAIL', Address: stacks.config.alertEmail }],
      ThresholdExpression: Match.stringLikeRegexp('ANOMALY_TOTAL_IMPACT_ABSOLUTE'),
    });
  });
});

describe('security stack (enterprise)', () => {
  const security = stacks.security;
  it('exists', () => expect(security).toBeDefined());
  if (!security) return;
  const t = template(security);

  it('turns on GuardDuty and Security Hub with the foundational standard', () => {
    t.hasResourceProperties('AWS::GuardDuty::Detector', { Enable: true });
    t.resourceCountIs('AWS::SecurityHub::Hub', 1);
    t.hasResourceProperties('AWS::SecurityHub::Standard', {
      StandardsArn: Match.stringLikeRegexp('aws-foundational-security-best-practices'),
    });
  });

  it('records configuration and checks it with managed rules', () => {
    t.hasResourceProperties('AWS::Config::ConfigurationRecorder', {
      RecordingGroup: { AllSupported: true, IncludeGlobalResourceTypes: true },
    });
    t.resourceCountIs('AWS::Config::DeliveryChannel', 1);
    t.hasResourceProperties('AWS::Config::ConfigRule', {
      Source: { Owner: 'AWS', SourceIdentifier: 'DYNAMODB_PITR_ENABLED' },
    });
  });

  it('keeps a multi-region, validated, encrypted CloudTrail also sent to CloudWatch Logs', () => {
    t.hasResourceProperties('AWS::CloudTrail::Trail', {
      IsMultiRegionTrail: true,
      EnableLogFileValidation: true,
      KMSKeyId: Match.anyValue(),
      CloudWatchLogsLogGroupArn: Match.anyValue(),
    });
  });
});
