import { Duration, type RemovalPolicy, Stack } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

export interface EncryptionKeysProps {
  /** Prefix of the key aliases: alias/<prefix>/data … */
  readonly aliasPrefix: string;
  readonly removalPolicy: RemovalPolicy;
}

/**
 * Customer-managed keys with yearly rotation, one per kind of data so a key policy names only the services that
 * need it: `data` (table, queues, buckets, secrets, cache, backups), `logs` (CloudWatch log groups) and
 * `notifications` (SNS topics that AWS services publish to).
 */
export class EncryptionKeys extends Construct {
  readonly data: Key;
  readonly logs: Key;
  readonly notifications: Key;

  constructor(scope: Construct, id: string, props: EncryptionKeysProps) {
    super(scope, id);
    const { account } = Stack.of(this);
    const key = (name: string, description: string) =>
      new Key(this, name, {
        alias: `alias/${props.aliasPrefix}/${name.toLowerCase()}`,
        description,
        enableKeyRotation: true,
        pendingWindow: Duration.days(30),
        removalPolicy: props.removalPolicy,
      });

    this.data = key('Data', 'AI Nutritionist data at rest: table, queues, buckets, secrets, cache, backups');
    this.logs = key('Logs', 'AI Nutritionist CloudWatch log groups');
    this.notifications = key('Notifications', 'AI Nutritionist SNS topics published to by AWS services');

    allowCloudWatchLogs(this.logs);

    // Alarms (CloudWatch), findings (EventBridge) and inbound SMS (End User Messaging) publish to encrypted
    // topics; each service needs to make data keys with this key, and only for this account.
    this.notifications.addToResourcePolicy(
      new PolicyStatement({
        principals: [
          new ServicePrincipal('cloudwatch.amazonaws.com'),
          new ServicePrincipal('events.amazonaws.com'),
          new ServicePrincipal('sms-voice.amazonaws.com'),
        ],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': account } },
      }),
    );
  }
}

/** Lets CloudWatch Logs use `key` for the log groups of this account and region only. */
export function allowCloudWatchLogs(key: Key): void {
  const { region, account, partition } = Stack.of(key);
  key.addToResourcePolicy(
    new PolicyStatement({
      principals: [new ServicePrincipal(`logs.${region}.amazonaws.com`)],
      actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
      resources: ['*'],
      conditions: {
        ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:${partition}:logs:${region}:${account}:*` },
      },
    }),
  );
}

/** A rotating key for the log groups of a stack that has no EncryptionKeys (edge, security). */
export function createLogsKey(
  scope: Construct,
  id: string,
  alias: string,
  removalPolicy: RemovalPolicy,
): Key {
  const key = new Key(scope, id, {
    alias,
    description: 'AI Nutritionist CloudWatch log groups',
    enableKeyRotation: true,
    pendingWindow: Duration.days(30),
    removalPolicy,
  });
  allowCloudWatchLogs(key);
  return key;
}
