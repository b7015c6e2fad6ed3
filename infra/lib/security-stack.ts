import { Stack, type StackProps } from 'aws-cdk-lib';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { DeploymentConfig } from '../config/deployment-config.ts';
import { AccessLogBucket } from './access-log-bucket.ts';
import { createLogsKey } from './kms.ts';
import { SecurityServices } from './security.ts';
import { removalPolicyOf } from './stateful-stack.ts';

export interface SecurityStackProps extends StackProps {
  readonly config: DeploymentConfig;
}

/** Whether the tier switches on any account-level security service (basic switches on none). */
export function hasSecurityServices(config: DeploymentConfig): boolean {
  const { tier } = config;
  return tier.guardDuty || tier.securityHub || tier.awsConfig || tier.cloudTrail;
}

/** Detection and audit for the account and region, apart from the app so its lifecycle is the account's. */
export class SecurityStack extends Stack {
  readonly services: SecurityServices;

  constructor(scope: Construct, id: string, props: SecurityStackProps) {
    super(scope, id, { ...props, terminationProtection: props.config.protectData });
    const { config } = props;
    const removalPolicy = removalPolicyOf(config);
    const prefix = `${config.projectName}-${config.environment}`;
    const accessLogs = new AccessLogBucket(this, 'AccessLogs', {
      removalPolicy,
      retentionDays: config.logRetentionDays,
    });
    this.services = new SecurityServices(this, 'Services', {
      tier: config.tier,
      key: createLogsKey(this, 'AuditKey', `alias/${prefix}/audit`, removalPolicy),
      logBucket: accessLogs.bucket,
      logRetention: config.logRetentionDays as RetentionDays,
      auditRetentionDays: Math.max(365, config.logRetentionDays),
      removalPolicy,
    });
  }
}
