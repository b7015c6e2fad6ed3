import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';
import type { DeploymentConfig } from '../config/deployment-config.ts';
import { DisasterRecoveryVault, disasterRecoveryVaultName } from './backup.ts';
import { removalPolicyOf } from './stateful-stack.ts';

export interface DisasterRecoveryStackProps extends StackProps {
  readonly config: DeploymentConfig;
}

/** In the backup copy region: the vault the daily recovery points are copied to, under a key of that region. */
export class DisasterRecoveryStack extends Stack {
  readonly vault: DisasterRecoveryVault;

  constructor(scope: Construct, id: string, props: DisasterRecoveryStackProps) {
    super(scope, id, { ...props, terminationProtection: props.config.protectData });
    const { config } = props;
    const removalPolicy = removalPolicyOf(config);
    const key = new Key(this, 'BackupKey', {
      alias: `alias/${config.projectName}-${config.environment}/backup-copy`,
      description: 'AI Nutritionist backup copies (disaster recovery region)',
      enableKeyRotation: true,
      pendingWindow: Duration.days(30),
      removalPolicy,
    });
    this.vault = new DisasterRecoveryVault(this, 'Copies', {
      vaultName: disasterRecoveryVaultName(config.projectName, config.environment),
      key,
      removalPolicy,
    });
  }
}
