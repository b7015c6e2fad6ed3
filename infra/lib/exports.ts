import { Duration, type RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type IBucket,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/** Fixed name, so the functions' policies name the bucket's objects literally (no cross-stack token). */
export function exportsBucketName(
  projectName: string,
  environment: string,
  account: string,
  region: string,
): string {
  return `${projectName}-${environment}-exports-${account}-${region}`;
}

export interface ExportsProps {
  readonly bucketName: string;
  readonly key: IKey;
  readonly logBucket: IBucket;
  readonly removalPolicy: RemovalPolicy;
}

/**
 * Private bucket for GDPR data exports: a user's file lives here only until its one-time link is used or a day
 * has passed, encrypted with the data key and reachable only through the functions' roles.
 */
export class Exports extends Construct {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: ExportsProps) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Bucket', {
      bucketName: props.bucketName,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      encryption: BucketEncryption.KMS,
      encryptionKey: props.key,
      bucketKeyEnabled: true,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      lifecycleRules: [
        { expiration: Duration.days(1), abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
      serverAccessLogsBucket: props.logBucket,
      serverAccessLogsPrefix: 's3/exports/',
      removalPolicy: props.removalPolicy,
    });
    const resource = this.bucket.node.defaultChild ?? this.bucket;
    const noVersions =
      'An export holds one user’s personal data and must be gone a day after it is made; versions would keep ' +
      'deleted or overwritten copies past that promise (GDPR storage limitation).';
    const noReplica =
      'Exports are re-made on request from the table and expire within a day; a replica in another region ' +
      'would copy personal data there for no recovery benefit.';
    for (const pack of ['HIPAA.Security', 'NIST.800.53.R5', 'PCI.DSS.321']) {
      Validations.of(resource).acknowledge({ id: `${pack}-S3BucketVersioningEnabled`, reason: noVersions });
      Validations.of(resource).acknowledge({ id: `${pack}-S3BucketReplicationEnabled`, reason: noReplica });
    }
  }
}
