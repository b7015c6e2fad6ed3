import { Duration, type RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { Trail } from 'aws-cdk-lib/aws-cloudtrail';
import {
  CfnConfigurationRecorder,
  CfnDeliveryChannel,
  ManagedRule,
  ManagedRuleIdentifiers,
} from 'aws-cdk-lib/aws-config';
import { CfnDetector } from 'aws-cdk-lib/aws-guardduty';
import { ManagedPolicy, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type IBucket,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { CfnHub, CfnStandard } from 'aws-cdk-lib/aws-securityhub';
import { Construct } from 'constructs';
import type { SecurityTierConfig } from '../config/deployment-config.ts';
import { acknowledge, acknowledgeRolePolicy, arnToken } from './nag.ts';

export interface SecurityServicesProps {
  readonly tier: SecurityTierConfig;
  readonly key: IKey;
  readonly logBucket: IBucket;
  readonly logRetention: RetentionDays;
  /** Audit records outlive the application's own logs: a year at least. */
  readonly auditRetentionDays: number;
  readonly removalPolicy: RemovalPolicy;
}

/** Config rules that check the claims this app makes about itself. */
const CONFIG_RULES = {
  DynamoDbPitr: ManagedRuleIdentifiers.DYNAMODB_PITR_ENABLED,
  S3SslOnly: ManagedRuleIdentifiers.S3_BUCKET_SSL_REQUESTS_ONLY,
  S3PublicReadProhibited: ManagedRuleIdentifiers.S3_BUCKET_PUBLIC_READ_PROHIBITED,
  LambdaNotPublic: ManagedRuleIdentifiers.LAMBDA_FUNCTION_PUBLIC_ACCESS_PROHIBITED,
  CloudTrailEnabled: ManagedRuleIdentifiers.CLOUD_TRAIL_ENABLED,
  KmsRotation: ManagedRuleIdentifiers.CMK_BACKING_KEY_ROTATION_ENABLED,
  RootMfa: ManagedRuleIdentifiers.ROOT_ACCOUNT_MFA_ENABLED,
} as const;

/**
 * Account-level detection and audit, by tier: GuardDuty, Security Hub with the AWS Foundational Security Best
 * Practices standard, the Config recorder with rules, and a multi-region CloudTrail.
 */
export class SecurityServices extends Construct {
  readonly auditBucket: Bucket | undefined;
  readonly trail: Trail | undefined;
  readonly detector: CfnDetector | undefined;
  readonly hub: CfnHub | undefined;
  readonly recorder: CfnConfigurationRecorder | undefined;

  constructor(scope: Construct, id: string, props: SecurityServicesProps) {
    super(scope, id);
    const { tier } = props;
    const { region, partition } = Stack.of(this);

    if (tier.awsConfig || tier.cloudTrail) {
      this.auditBucket = new Bucket(this, 'AuditBucket', {
        blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
        objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
        encryption: BucketEncryption.KMS,
        encryptionKey: props.key,
        bucketKeyEnabled: true,
        enforceSSL: true,
        minimumTLSVersion: 1.2,
        versioned: true,
        lifecycleRules: [
          {
            expiration: Duration.days(props.auditRetentionDays),
            noncurrentVersionExpiration: Duration.days(30),
          },
        ],
        serverAccessLogsBucket: props.logBucket,
        serverAccessLogsPrefix: 's3/audit/',
        removalPolicy: props.removalPolicy,
      });
      const resource = this.auditBucket.node.defaultChild ?? this.auditBucket;
      for (const pack of ['HIPAA.Security', 'NIST.800.53.R5', 'PCI.DSS.321']) {
        Validations.of(resource).acknowledge({
          id: `${pack}-S3BucketReplicationEnabled`,
          reason:
            'CloudTrail and Config already deliver the same records from AWS’s side (CloudTrail event history, ' +
            'Config timeline); the bucket is versioned so a deleted log object stays recoverable.',
        });
      }
    }

    if (tier.cloudTrail && this.auditBucket) {
      this.trail = new Trail(this, 'Trail', {
        bucket: this.auditBucket,
        encryptionKey: props.key,
        isMultiRegionTrail: true,
        includeGlobalServiceEvents: true,
        enableFileValidation: true,
        sendToCloudWatchLogs: true,
        cloudWatchLogGroup: new LogGroup(this, 'TrailLogs', {
          encryptionKey: props.key,
          retention: props.logRetention,
          removalPolicy: props.removalPolicy,
        }),
      });
      const logsRole = this.trail.node.findChild('LogsRole');
      acknowledgeRolePolicy(
        logsRole.node.findChild('DefaultPolicy'),
        'the role CloudTrail writes its log group with',
      );
    }

    if (tier.awsConfig && this.auditBucket) {
      const role = new Role(this, 'ConfigRole', {
        assumedBy: new ServicePrincipal('config.amazonaws.com'),
        managedPolicies: [ManagedPolicy.fromAwsManagedPolicyName('service-role/AWS_ConfigRole')],
      });
      Validations.of(role).acknowledge({
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWS_ConfigRole]',
        reason:
          'AWS_ConfigRole is the policy AWS maintains for the Config recorder: it lists the read calls for every ' +
          'resource type Config records, which AWS extends as it adds types; a copy would fall behind.',
      });
      // Config writes snapshots and history under config/ and checks the bucket's ACL first; nothing else.
      role.addToPolicy(
        new PolicyStatement({
          actions: ['s3:PutObject'],
          resources: [this.auditBucket.arnForObjects('config/*')],
        }),
      );
      role.addToPolicy(
        new PolicyStatement({ actions: ['s3:GetBucketAcl'], resources: [this.auditBucket.bucketArn] }),
      );
      role.addToPolicy(
        new PolicyStatement({
          actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
          resources: [props.key.keyArn],
        }),
      );
      acknowledgeRolePolicy(role.node.findChild('DefaultPolicy'), 'the Config recorder role');
      acknowledge(role.node.findChild('DefaultPolicy'), {
        [`AwsSolutions-IAM5[Resource::${arnToken(this.auditBucket)}/config/*]`]:
          'Config names its delivery objects itself (config/AWSLogs/<account>/Config/<region>/<date>/…); the grant is PutObject under the config/ prefix of the audit bucket only.',
      });
      this.recorder = new CfnConfigurationRecorder(this, 'Recorder', {
        roleArn: role.roleArn,
        recordingGroup: { allSupported: true, includeGlobalResourceTypes: true },
      });
      const channel = new CfnDeliveryChannel(this, 'Delivery', {
        s3BucketName: this.auditBucket.bucketName,
        s3KeyPrefix: 'config',
        s3KmsKeyArn: props.key.keyArn,
        configSnapshotDeliveryProperties: { deliveryFrequency: 'TwentyFour_Hours' },
      });
      for (const [name, identifier] of Object.entries(CONFIG_RULES)) {
        const rule = new ManagedRule(this, name, { identifier });
        rule.node.addDependency(this.recorder, channel);
      }
    }

    if (tier.guardDuty) {
      this.detector = new CfnDetector(this, 'GuardDuty', {
        enable: true,
        findingPublishingFrequency: 'FIFTEEN_MINUTES',
      });
    }

    if (tier.securityHub) {
      this.hub = new CfnHub(this, 'SecurityHub', { enableDefaultStandards: false, autoEnableControls: true });
      const standard = new CfnStandard(this, 'FoundationalStandard', {
        standardsArn: `arn:${partition}:securityhub:${region}::standards/aws-foundational-security-best-practices/v/1.0.0`,
      });
      standard.addResourceDependency(this.hub);
    }
  }
}
