import { Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { DeploymentConfig } from '../config/deployment-config.ts';
import { AccessLogBucket } from './access-log-bucket.ts';
import { Backup, copyVaultReference, disasterRecoveryVaultName } from './backup.ts';
import { Cache } from './cache.ts';
import { Data } from './data.ts';
import { Exports, exportsBucketName } from './exports.ts';
import { EncryptionKeys } from './kms.ts';
import { Network } from './network.ts';
import { Queues } from './queues.ts';
import { Secrets } from './secrets.ts';

export interface StatefulStackProps extends StackProps {
  readonly config: DeploymentConfig;
}

/** Whether this deployment runs Redis: the environment asks for nodes and the tier has a VPC to put them in. */
export function hasCache(config: DeploymentConfig): boolean {
  return config.tier.vpc && config.cache.nodes > 0;
}

export function removalPolicyOf(config: DeploymentConfig): RemovalPolicy {
  return config.protectData || config.environment !== 'dev' ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
}

/**
 * Everything that holds data or that data depends on (keys, network, secrets): deployed rarely, protected in
 * prod, and kept apart from the functions so a code deploy never touches it.
 */
export class StatefulStack extends Stack {
  readonly keys: EncryptionKeys;
  readonly accessLogs: AccessLogBucket;
  readonly data: Data;
  readonly queues: Queues;
  readonly exports: Exports;
  readonly secrets: Secrets;
  readonly network: Network | undefined;
  readonly cache: Cache | undefined;
  readonly backup: Backup | undefined;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, { ...props, terminationProtection: props.config.protectData });
    const { config } = props;
    const removalPolicy = removalPolicyOf(config);
    const prefix = `${config.projectName}-${config.environment}`;

    this.keys = new EncryptionKeys(this, 'Keys', { aliasPrefix: prefix, removalPolicy });
    this.accessLogs = new AccessLogBucket(this, 'AccessLogs', {
      removalPolicy,
      retentionDays: config.logRetentionDays,
    });
    this.data = new Data(this, 'Data', {
      key: this.keys.data,
      deletionProtection: config.protectData,
      removalPolicy,
    });
    this.queues = new Queues(this, 'Queues', {
      key: this.keys.data,
      workerTimeout: Duration.seconds(config.lambda.functions.worker.timeoutSeconds),
    });
    this.exports = new Exports(this, 'Exports', {
      bucketName: exportsBucketName(config.projectName, config.environment, this.account, this.region),
      key: this.keys.data,
      logBucket: this.accessLogs.bucket,
      removalPolicy,
    });
    this.secrets = new Secrets(this, 'Secrets', {
      key: this.keys.data,
      namePrefix: `${config.projectName}/${config.environment}`,
      removalPolicy,
      redisAuthToken: hasCache(config),
    });

    if (config.tier.vpc) {
      this.network = new Network(this, 'Network', {
        maxAzs: config.network.maxAzs,
        natGateways: config.network.natGateways,
        logsKey: this.keys.logs,
        logRetention: config.logRetentionDays as RetentionDays,
        removalPolicy,
      });
      if (hasCache(config)) {
        this.cache = new Cache(this, 'Cache', {
          vpc: this.network.vpc,
          clientSecurityGroup: this.network.functionsSecurityGroup,
          nodeType: config.cache.nodeType,
          nodes: config.cache.nodes,
          key: this.keys.data,
          authToken: this.secrets.get('REDIS_PASSWORD'),
          removalPolicy,
        });
      }
    }

    if (config.tier.backup) {
      const copyRegion = config.backup.copyRegion;
      this.backup = new Backup(this, 'Backup', {
        table: this.data.table,
        key: this.keys.data,
        schedule: config.backup.schedule,
        retentionDays: config.backup.retentionDays,
        coldStorageAfterDays: config.backup.coldStorageAfterDays,
        copyTo:
          copyRegion === null
            ? null
            : copyVaultReference(
                this,
                copyRegion,
                disasterRecoveryVaultName(config.projectName, config.environment),
              ),
        removalPolicy,
      });
    }
  }
}
