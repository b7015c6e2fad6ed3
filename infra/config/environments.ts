import { RemovalPolicy } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';

export const ENVIRONMENT_NAMES = ['dev', 'staging', 'prod'] as const;
export type EnvironmentName = (typeof ENVIRONMENT_NAMES)[number];

/** Settings that differ between deployments of the same architecture. */
export interface EnvironmentConfig {
  readonly name: EnvironmentName;
  /** Applied to stateful resources (buckets now; tables later). */
  readonly removalPolicy: RemovalPolicy;
  /** How long logs are kept: access-log objects now, CloudWatch log groups later. */
  readonly logRetention: RetentionDays;
  /** Guards prod against an accidental `cdk destroy`. */
  readonly terminationProtection: boolean;
}

// Access logs hold viewer IP addresses (personal data under GDPR), so they are kept only as long as an
// incident investigation needs them.
export const ENVIRONMENTS: Readonly<Record<EnvironmentName, EnvironmentConfig>> = {
  dev: {
    name: 'dev',
    removalPolicy: RemovalPolicy.DESTROY,
    logRetention: RetentionDays.ONE_WEEK,
    terminationProtection: false,
  },
  staging: {
    name: 'staging',
    removalPolicy: RemovalPolicy.RETAIN,
    logRetention: RetentionDays.ONE_MONTH,
    terminationProtection: false,
  },
  prod: {
    name: 'prod',
    removalPolicy: RemovalPolicy.RETAIN,
    logRetention: RetentionDays.THREE_MONTHS,
    terminationProtection: true,
  },
};
