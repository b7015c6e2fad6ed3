import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledge, inRegulatedPacks } from './nag.ts';

export interface AccessLogBucketProps {
  readonly removalPolicy: RemovalPolicy;
  /** Days after which log objects are deleted. */
  readonly retentionDays: number;
}

/** The one bucket that receives S3 server access logs and CloudFront standard logs for the stack. */
export class AccessLogBucket extends Construct {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: AccessLogBucketProps) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      // S3 server access logging delivers only to SSE-S3 destinations.
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      // CloudFront standard logging writes through object ACLs, so ACLs stay enabled; the account still owns
      // every object delivered with bucket-owner-full-control.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(props.retentionDays) }],
      removalPolicy: props.removalPolicy,
    });
    acknowledge(this.bucket, {
      ...inRegulatedPacks(
        'S3DefaultEncryptionKMS',
        'S3 server access logging delivers only to buckets encrypted with SSE-S3, so this log bucket cannot use a KMS key.',
      ),
      ...inRegulatedPacks(
        'S3BucketVersioningEnabled',
        'Access logs hold viewer IP addresses and must be gone after the retention period; versions would keep deleted log objects past it.',
      ),
      ...inRegulatedPacks(
        'S3BucketReplicationEnabled',
        'Access logs are diagnostic and expire after the retention period; copying viewer IP addresses to a second region adds exposure, not recovery.',
      ),
    });
  }
}
