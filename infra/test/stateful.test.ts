import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { REDIS_PORT } from '../lib/cache.ts';
import { TABLE_KEYS } from '../lib/data.ts';
import { QUEUE_EXPECTATIONS } from './expected/deployment-expectations.ts';
import { synth } from './synth.ts';

const { stacks, template } = synth('prod', 'enterprise', { nag: false });
const stateful = template(stacks.stateful);
const config = stacks.config;

describe('kms', () => {
  it('makes three customer-managed keys with yearly rotation', () => {
    stateful.resourcePropertiesCountIs(
      'AWS::KMS::Key',
      { EnableKeyRotation: true, PendingWindowInDays: 30 },
      3,
    );
  });

  it('lets CloudWatch Logs use the logs key for this account and region only', () => {
    stateful.hasResourceProperties('AWS::KMS::Key', {
      Description: 'AI Nutritionist CloudWatch log groups',
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: 'logs.us-east-1.amazonaws.com' },
            Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': Match.anyValue() } },
          }),
        ]),
      },
    });
  });
});

describe('data', () => {
  it('is one on-demand table with pk/sk, TTL, PITR, the data key and deletion protection in prod', () => {
    stateful.resourceCountIs('AWS::DynamoDB::Table', 1);
    stateful.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: Match.anyValue() },
      DeletionProtectionEnabled: true,
      GlobalSecondaryIndexes: Match.absent(),
    });
    stateful.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain' });
  });

  // infra may not import service code; this reads the service's table definition as text so they cannot drift.
  it('matches service/src/adapters/dynamodb/table-definition.ts', () => {
    const source = readFileSync(
      join(import.meta.dirname, '../../service/src/adapters/dynamodb/table-definition.ts'),
      'utf8',
    );
    const field = (pattern: RegExp) => source.match(pattern)?.[1];
    expect(field(/partitionKey:\s*\{\s*name:\s*'([^']+)'/)).toBe(TABLE_KEYS.partitionKey);
    expect(field(/sortKey:\s*\{\s*name:\s*'([^']+)'/)).toBe(TABLE_KEYS.sortKey);
    expect(field(/timeToLiveAttribute:\s*'([^']+)'/)).toBe(TABLE_KEYS.timeToLiveAttribute);
    expect(field(/billingMode:\s*'([^']+)'/)).toBe(TABLE_KEYS.billingMode);
    expect(source).toMatch(/globalSecondaryIndexes:\s*\[\s*\]/);
  });
});

describe('queues', () => {
  const workerTimeout = config.lambda.functions.worker.timeoutSeconds;

  it('redrives a job to the DLQ after three receives and hides it for six worker timeouts', () => {
    stateful.hasResourceProperties('AWS::SQS::Queue', {
      VisibilityTimeout: workerTimeout * QUEUE_EXPECTATIONS.visibilityTimeoutWorkerTimeouts,
      RedrivePolicy: {
        deadLetterTargetArn: Match.anyValue(),
        maxReceiveCount: QUEUE_EXPECTATIONS.maxReceiveCount,
      },
    });
  });

  it('encrypts every queue with the data key and refuses plain HTTP', () => {
    stateful.resourcePropertiesCountIs('AWS::SQS::Queue', { KmsMasterKeyId: Match.anyValue() }, 3);
    stateful.resourcePropertiesCountIs(
      'AWS::SQS::QueuePolicy',
      {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      },
      3,
    );
  });
});

describe('exports', () => {
  it('is a private KMS-encrypted bucket whose objects expire after a day', () => {
    stateful.hasResourceProperties('AWS::S3::Bucket', {
      BucketName: Match.stringLikeRegexp('^ai-nutritionist-prod-exports-'),
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          Match.objectLike({ ServerSideEncryptionByDefault: Match.objectLike({ SSEAlgorithm: 'aws:kms' }) }),
        ],
      },
      PublicAccessBlockConfiguration: Match.objectLike({
        BlockPublicAcls: true,
        RestrictPublicBuckets: true,
      }),
      LifecycleConfiguration: { Rules: [Match.objectLike({ ExpirationInDays: 1, Status: 'Enabled' })] },
    });
  });
});

describe('secrets', () => {
  it('keeps our keys and the Twilio/Stripe credentials in Secrets Manager under the data key', () => {
    for (const name of [
      'pseudonym-key',
      'twilio-auth-token',
      'stripe-secret-key',
      'stripe-webhook-secret',
      'redis-password',
    ]) {
      stateful.hasResourceProperties('AWS::SecretsManager::Secret', {
        Name: `ai-nutritionist/prod/${name}`,
        KmsKeyId: Match.anyValue(),
        GenerateSecretString: Match.objectLike({ ExcludePunctuation: true }),
      });
    }
  });
});

describe('network', () => {
  it('spreads private subnets across two AZs with a NAT gateway each', () => {
    stateful.resourcePropertiesCountIs('AWS::EC2::Subnet', { MapPublicIpOnLaunch: false }, 2);
    stateful.resourceCountIs('AWS::EC2::NatGateway', 2);
  });

  it('has gateway endpoints for DynamoDB and S3 and private interface endpoints', () => {
    stateful.resourcePropertiesCountIs('AWS::EC2::VPCEndpoint', { VpcEndpointType: 'Gateway' }, 2);
    stateful.resourcePropertiesCountIs(
      'AWS::EC2::VPCEndpoint',
      { VpcEndpointType: 'Interface', PrivateDnsEnabled: true },
      4,
    );
  });

  it('logs all traffic to an encrypted log group', () => {
    stateful.hasResourceProperties('AWS::EC2::FlowLog', {
      TrafficType: 'ALL',
      LogDestinationType: 'cloud-watch-logs',
    });
  });
});

describe('cache', () => {
  it('is a Redis replication group with TLS, AUTH from Secrets Manager, KMS at rest and multi-AZ', () => {
    stateful.hasResourceProperties('AWS::ElastiCache::ReplicationGroup', {
      Engine: 'redis',
      CacheNodeType: config.cache.nodeType,
      NumCacheClusters: 2,
      MultiAZEnabled: true,
      AutomaticFailoverEnabled: true,
      TransitEncryptionEnabled: true,
      AtRestEncryptionEnabled: true,
      KmsKeyId: Match.anyValue(),
      Port: REDIS_PORT,
      AuthToken: Match.objectLike({
        'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('^\\{\\{resolve:secretsmanager:')])],
      }),
    });
  });

  it('admits only the functions’ security group', () => {
    stateful.hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
      FromPort: REDIS_PORT,
      ToPort: REDIS_PORT,
      SourceSecurityGroupId: Match.anyValue(),
    });
  });
});

describe('backup', () => {
  it('backs the table up daily into a KMS-encrypted vault, cold after 30 days, copied to us-west-2', () => {
    stateful.hasResourceProperties('AWS::Backup::BackupVault', { EncryptionKeyArn: Match.anyValue() });
    stateful.hasResourceProperties('AWS::Backup::BackupPlan', {
      BackupPlan: Match.objectLike({
        BackupPlanRule: [
          Match.objectLike({
            ScheduleExpression: 'cron(0 4 * * ? *)',
            Lifecycle: { DeleteAfterDays: 365, MoveToColdStorageAfterDays: 30 },
            CopyActions: [
              Match.objectLike({
                DestinationBackupVaultArn: Match.stringLikeRegexp(
                  ':backup:us-west-2:123456789012:backup-vault:ai-nutritionist-prod-dr$',
                ),
              }),
            ],
          }),
        ],
      }),
    });
    stateful.resourceCountIs('AWS::Backup::BackupSelection', 1);
  });

  it('has the copy vault in the copy region', () => {
    const dr = stacks.disasterRecovery;
    expect(dr?.region).toBe('us-west-2');
    if (dr) {
      template(dr).hasResourceProperties('AWS::Backup::BackupVault', {
        BackupVaultName: 'ai-nutritionist-prod-dr',
        EncryptionKeyArn: Match.anyValue(),
      });
    }
  });
});
