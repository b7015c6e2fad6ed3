import { CfnOutput, Stack, type StackProps, Tags } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config/environments.ts';
import type { SecurityTierConfig } from '../config/security-tiers.ts';
import { AccessLogBucket } from './access-log-bucket.ts';
import { type WebDomain, WebHosting } from './web-hosting.ts';

export interface NutritionistStackProps extends StackProps {
  readonly environment: EnvironmentConfig;
  readonly tier: SecurityTierConfig;
  readonly webDomain?: WebDomain;
}

/**
 * One stack per environment. Concerns are constructs inside it, so the CloudFront distribution can later route
 * /api/* to API Gateway without cross-stack exports.
 */
export class NutritionistStack extends Stack {
  readonly accessLogs: AccessLogBucket;
  readonly web: WebHosting;

  constructor(scope: Construct, id: string, props: NutritionistStackProps) {
    super(scope, id, {
      ...props,
      terminationProtection: props.terminationProtection ?? props.environment.terminationProtection,
    });
    const { environment, tier } = props;

    Tags.of(this).add('Project', 'ai-nutritionist');
    Tags.of(this).add('Environment', environment.name);
    Tags.of(this).add('SecurityTier', tier.name);

    this.accessLogs = new AccessLogBucket(this, 'AccessLogs', {
      removalPolicy: environment.removalPolicy,
      retentionDays: environment.logRetention,
    });

    this.web = new WebHosting(this, 'Web', {
      removalPolicy: environment.removalPolicy,
      logBucket: this.accessLogs.bucket,
      ...(props.webDomain && { domain: props.webDomain }),
    });

    new CfnOutput(this, 'WebBucketName', { value: this.web.bucket.bucketName });
    new CfnOutput(this, 'DistributionId', { value: this.web.distribution.distributionId });
    new CfnOutput(this, 'PublicBaseUrl', {
      value: `https://${this.web.distribution.distributionDomainName}`,
    });
  }
}
