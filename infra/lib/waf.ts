import type { RemovalPolicy } from 'aws-cdk-lib';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { CfnLoggingConfiguration, CfnWebACL, CfnWebACLAssociation } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';

export interface WafProps {
  /** REGIONAL for API Gateway; CLOUDFRONT (only in us-east-1) for the distribution. */
  readonly scope: 'REGIONAL' | 'CLOUDFRONT';
  /** Requests per 5 minutes per client IP before it is blocked. */
  readonly rateLimitPer5Minutes: number;
  /** Resource ARN to associate with (regional only; CloudFront names the ACL in its own configuration). */
  readonly associateWith?: string;
  readonly logsKey?: IKey;
  readonly logRetention: RetentionDays;
  readonly removalPolicy: RemovalPolicy;
  /** Name of the web ACL; also the prefix of its metrics and log group. */
  readonly name: string;
}

const MANAGED_RULE_GROUPS = [
  'AWSManagedRulesCommonRuleSet',
  'AWSManagedRulesKnownBadInputsRuleSet',
  'AWSManagedRulesAmazonIpReputationList',
] as const;

/** A web ACL of AWS managed rule groups plus a per-IP rate limit, logged to CloudWatch. */
export class Waf extends Construct {
  readonly webAcl: CfnWebACL;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: WafProps) {
    super(scope, id);
    const visibility = (name: string) => ({
      cloudWatchMetricsEnabled: true,
      sampledRequestsEnabled: true,
      metricName: `${props.name}-${name}`,
    });
    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      name: props.name,
      scope: props.scope,
      defaultAction: { allow: {} },
      visibilityConfig: visibility('all'),
      rules: [
        {
          name: 'RateLimitPerIp',
          priority: 0,
          action: { block: {} },
          statement: { rateBasedStatement: { limit: props.rateLimitPer5Minutes, aggregateKeyType: 'IP' } },
          visibilityConfig: visibility('rate-limit'),
        },
        ...MANAGED_RULE_GROUPS.map((name, index) => ({
          name,
          priority: index + 1,
          overrideAction: { none: {} },
          statement: {
            managedRuleGroupStatement: {
              vendorName: 'AWS',
              name,
              // Stripe webhook bodies can pass the common set's 8 KB body limit; their signature is checked in
              // the function, so size is counted, not blocked.
              ...(name === 'AWSManagedRulesCommonRuleSet' && {
                ruleActionOverrides: [{ name: 'SizeRestrictions_BODY', actionToUse: { count: {} } }],
              }),
            },
          },
          visibilityConfig: visibility(name),
        })),
      ],
    });

    // WAF only delivers to log groups whose names start with aws-waf-logs-.
    this.logGroup = new LogGroup(this, 'Logs', {
      logGroupName: `aws-waf-logs-${props.name}`,
      ...(props.logsKey && { encryptionKey: props.logsKey }),
      retention: props.logRetention,
      removalPolicy: props.removalPolicy,
    });
    new CfnLoggingConfiguration(this, 'Logging', {
      resourceArn: this.webAcl.attrArn,
      logDestinationConfigs: [this.logGroup.logGroupArn],
      // Webhook and session headers are credentials; WAF logs keep neither.
      redactedFields: [{ singleHeader: { Name: 'authorization' } }, { singleHeader: { Name: 'cookie' } }],
    });

    if (props.associateWith) {
      new CfnWebACLAssociation(this, 'Association', {
        resourceArn: props.associateWith,
        webAclArn: this.webAcl.attrArn,
      });
    }
  }
}
