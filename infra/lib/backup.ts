import { Duration, type RemovalPolicy, Stack } from 'aws-cdk-lib';
import {
  BackupPlan,
  BackupPlanRule,
  BackupResource,
  BackupVault,
  type IBackupVault,
} from 'aws-cdk-lib/aws-backup';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Schedule } from 'aws-cdk-lib/aws-events';
import type { Role } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { acknowledge } from './nag.ts';

export interface BackupProps {
  readonly table: ITable;
  readonly key: IKey;
  /** EventBridge cron expression, e.g. cron(0 4 * * ? *). */
  readonly schedule: string;
  readonly retentionDays: number;
  readonly coldStorageAfterDays: number | null;
  /** The vault in another region each recovery point is copied to (see DisasterRecoveryVault). */
  readonly copyTo: IBackupVault | null;
  readonly removalPolicy: RemovalPolicy;
}

/** Name of the copy vault, known to both the app's region and the destination region without a reference. */
export function disasterRecoveryVaultName(projectName: string, environment: string): string {
  return `${projectName}-${environment}-dr`;
}

/**
 * AWS Backup of the table: a daily recovery point (beside the continuous PITR), moved to cold storage and copied
 * to another region where the environment asks for it.
 */
export class Backup extends Construct {
  readonly vault: BackupVault;
  readonly plan: BackupPlan;

  constructor(scope: Construct, id: string, props: BackupProps) {
    super(scope, id);
    this.vault = new BackupVault(this, 'Vault', {
      encryptionKey: props.key,
      removalPolicy: props.removalPolicy,
    });
    const lifecycle = {
      deleteAfter: Duration.days(props.retentionDays),
      ...(props.coldStorageAfterDays !== null && {
        moveToColdStorageAfter: Duration.days(props.coldStorageAfterDays),
      }),
    };
    this.plan = new BackupPlan(this, 'Plan', {
      backupVault: this.vault,
      backupPlanRules: [
        new BackupPlanRule({
          ruleName: 'Daily',
          scheduleExpression: Schedule.expression(props.schedule),
          startWindow: Duration.hours(1),
          completionWindow: Duration.hours(3),
          ...lifecycle,
          ...(props.copyTo && { copyActions: [{ destinationBackupVault: props.copyTo, ...lifecycle }] }),
        }),
      ],
    });
    const selection = this.plan.addSelection('Table', {
      resources: [BackupResource.fromDynamoDbTable(props.table)],
    });
    acknowledge(selection.grantPrincipal as Role, {
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup]':
        'AWS Backup assumes this role to snapshot the table; AWSBackupServiceRolePolicyForBackup is the policy AWS maintains for exactly that, per resource type.',
    });
  }
}

export interface DisasterRecoveryVaultProps {
  readonly vaultName: string;
  readonly removalPolicy: RemovalPolicy;
}

/** The vault in the copy region, with its own key there (a KMS key never leaves its region). */
export class DisasterRecoveryVault extends Construct {
  readonly vault: BackupVault;

  constructor(scope: Construct, id: string, props: DisasterRecoveryVaultProps & { key: IKey }) {
    super(scope, id);
    this.vault = new BackupVault(this, 'Vault', {
      backupVaultName: props.vaultName,
      encryptionKey: props.key,
      removalPolicy: props.removalPolicy,
    });
  }
}

/** The copy vault as the source region sees it: an ARN built from its name and region. */
export function copyVaultReference(scope: Construct, region: string, vaultName: string): IBackupVault {
  const { account, partition } = Stack.of(scope);
  return BackupVault.fromBackupVaultArn(
    scope,
    'CopyVault',
    `arn:${partition}:backup:${region}:${account}:backup-vault:${vaultName}`,
  );
}
