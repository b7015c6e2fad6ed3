import type { RemovalPolicy } from 'aws-cdk-lib';
import { type ISecurityGroup, type IVpc, Port, SecurityGroup, SubnetType } from 'aws-cdk-lib/aws-ec2';
import { CfnReplicationGroup, CfnSubnetGroup } from 'aws-cdk-lib/aws-elasticache';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { acknowledge, inRegulatedPacks } from './nag.ts';

/** Not Redis's default 6379, so a scan for default ports finds nothing (cdk-nag AwsSolutions-AEC5). */
export const REDIS_PORT = 6380;

export interface CacheProps {
  readonly vpc: IVpc;
  /** Only the functions reach Redis. */
  readonly clientSecurityGroup: ISecurityGroup;
  readonly nodeType: string;
  readonly nodes: number;
  readonly key: IKey;
  readonly authToken: ISecret;
  readonly removalPolicy: RemovalPolicy;
}

/**
 * ElastiCache Redis (cluster mode disabled: a primary and replicas) for rendered plans and language-model answers:
 * TLS in transit, AUTH from Secrets Manager, encrypted at rest with the data key, multi-AZ with failover when
 * there is more than one node.
 */
export class Cache extends Construct {
  readonly replicationGroup: CfnReplicationGroup;
  readonly securityGroup: SecurityGroup;

  constructor(scope: Construct, id: string, props: CacheProps) {
    super(scope, id);
    const subnets = new CfnSubnetGroup(this, 'Subnets', {
      description: 'AI Nutritionist Redis private subnets',
      subnetIds: props.vpc.selectSubnets({ subnetType: SubnetType.PRIVATE_WITH_EGRESS }).subnetIds,
    });
    this.securityGroup = new SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      description: 'AI Nutritionist Redis: TLS from the functions only',
      allowAllOutbound: false,
    });
    this.securityGroup.addIngressRule(
      props.clientSecurityGroup,
      Port.tcp(REDIS_PORT),
      'Redis from the functions',
    );

    const multiAz = props.nodes > 1;
    this.replicationGroup = new CfnReplicationGroup(this, 'ReplicationGroup', {
      replicationGroupDescription: 'AI Nutritionist cache',
      engine: 'redis',
      engineVersion: '7.1',
      cacheNodeType: props.nodeType,
      numCacheClusters: props.nodes,
      automaticFailoverEnabled: multiAz,
      multiAzEnabled: multiAz,
      port: REDIS_PORT,
      cacheSubnetGroupName: subnets.ref,
      securityGroupIds: [this.securityGroup.securityGroupId],
      transitEncryptionEnabled: true,
      atRestEncryptionEnabled: true,
      kmsKeyId: props.key.keyId,
      // A CloudFormation dynamic reference: the token is resolved at deploy time and never in the template.
      authToken: props.authToken.secretValue.unsafeUnwrap(),
      autoMinorVersionUpgrade: true,
      snapshotRetentionLimit: 0,
    });
    this.replicationGroup.applyRemovalPolicy(props.removalPolicy);

    const noSnapshots =
      'The cache holds only values recomputed from the table (rendered plans, model answers) and expires them; ' +
      'a snapshot would restore stale entries and keep erased users’ plans past erasure.';
    acknowledge(
      this.replicationGroup,
      inRegulatedPacks('ElastiCacheRedisClusterAutomaticBackup', noSnapshots),
    );
    if (!multiAz) {
      acknowledge(this.replicationGroup, {
        'AwsSolutions-AEC3': SINGLE_NODE_REASON,
        'AwsSolutions-AEC4': SINGLE_NODE_REASON,
      });
    }
  }
}

const SINGLE_NODE_REASON =
  'Environments with one node (staging) accept losing the cache: the service answers without it and refills it, ' +
  'so a second node would double the cost for no availability the users see.';
