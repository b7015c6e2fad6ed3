import { Stack, type StackProps } from 'aws-cdk-lib';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { DeploymentConfig } from '../config/deployment-config.ts';
import { CostControls } from './cost.ts';
import { createLogsKey } from './kms.ts';
import { removalPolicyOf } from './stateful-stack.ts';
import { Waf } from './waf.ts';

export interface EdgeStackProps extends StackProps {
  readonly config: DeploymentConfig;
}

/**
 * What must live in us-east-1 whatever the app's region: the CloudFront-scope web ACL, and the billing controls
 * (AWS Budgets and Cost Anomaly Detection are global services answered from us-east-1).
 */
export class EdgeStack extends Stack {
  readonly waf: Waf;
  readonly cost: CostControls;

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, props);
    const { config } = props;
    const removalPolicy = removalPolicyOf(config);
    const prefix = `${config.projectName}-${config.environment}`;
    this.waf = new Waf(this, 'CloudFrontWaf', {
      scope: 'CLOUDFRONT',
      name: `${prefix}-cloudfront`,
      rateLimitPer5Minutes: config.wafRateLimitPer5Minutes,
      logsKey: createLogsKey(this, 'LogsKey', `alias/${prefix}/edge-logs`, removalPolicy),
      logRetention: config.logRetentionDays as RetentionDays,
      removalPolicy,
    });
    this.cost = new CostControls(this, 'Cost', {
      budgetName: prefix,
      monthlyBudgetUsd: config.monthlyBudgetUsd,
      alertEmail: config.alertEmail,
      projectTag: config.costAllocationTags.Project ?? config.projectName,
    });
  }
}
