import { type ITable, Table } from 'aws-cdk-lib/aws-dynamodb';
import { type IKey, Key } from 'aws-cdk-lib/aws-kms';
import { type ISecret, Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { type IQueue, Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { StatefulStack } from './stateful-stack.ts';

/**
 * The stateful stack's resources as the stateless stack should see them: imported by ARN. A grant to an imported
 * resource only adds to the grantee's role policy; granting on the originals would write the stateless roles
 * into the stateful key policies and make the two stacks depend on each other.
 */
export class StatefulReferences extends Construct {
  readonly dataKey: IKey;
  readonly logsKey: IKey;
  readonly notificationsKey: IKey;
  readonly table: ITable;
  readonly jobs: IQueue;
  readonly jobsDlq: IQueue;
  readonly failedEvents: IQueue;
  readonly secrets: ReadonlyMap<string, ISecret>;

  constructor(scope: Construct, id: string, stateful: StatefulStack) {
    super(scope, id);
    const { keys, queues } = stateful;
    this.dataKey = Key.fromKeyArn(this, 'DataKey', keys.data.keyArn);
    this.logsKey = Key.fromKeyArn(this, 'LogsKey', keys.logs.keyArn);
    this.notificationsKey = Key.fromKeyArn(this, 'NotificationsKey', keys.notifications.keyArn);
    this.table = Table.fromTableAttributes(this, 'Table', {
      tableArn: stateful.data.table.tableArn,
      encryptionKey: this.dataKey,
    });
    const queue = (name: string, original: Queue) =>
      Queue.fromQueueAttributes(this, name, {
        queueArn: original.queueArn,
        queueUrl: original.queueUrl,
        keyArn: this.dataKey.keyArn,
      });
    this.jobs = queue('Jobs', queues.jobs);
    this.jobsDlq = queue('JobsDlq', queues.jobsDlq);
    this.failedEvents = queue('FailedEvents', queues.failedEvents);
    const secrets = new Map<string, ISecret>();
    for (const [variable, secret] of stateful.secrets.byVariable) {
      secrets.set(
        variable,
        Secret.fromSecretAttributes(this, variable, {
          secretCompleteArn: secret.secretArn,
          encryptionKey: this.dataKey,
        }),
      );
    }
    this.secrets = secrets;
  }
}
