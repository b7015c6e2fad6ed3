import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Duration, type RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { ISecurityGroup, IVpc } from 'aws-cdk-lib/aws-ec2';
import { SubnetType } from 'aws-cdk-lib/aws-ec2';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Architecture, Code, Function as LambdaFunction, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { FunctionName, FunctionSettings } from '../config/deployment-config.ts';

/** The newest Node.js runtime aws-cdk-lib offers. */
export const NODE_RUNTIME = Runtime.NODEJS_24_X;

export interface ServiceFunctionProps {
  readonly name: FunctionName;
  readonly description: string;
  readonly settings: FunctionSettings;
  readonly architecture: 'arm64' | 'x86_64';
  /** Directory holding `<name>/index.mjs` from `npm run build:lambda` (service/dist/lambda by default). */
  readonly bundleDir: string;
  readonly environment: Readonly<Record<string, string>>;
  readonly logsKey: IKey;
  /** Encrypts the environment at rest (it holds resource names and secret ARNs, never secret values). */
  readonly environmentKey: IKey;
  readonly logRetention: RetentionDays;
  readonly removalPolicy: RemovalPolicy;
  /** Private subnets to run in (standard and enterprise tiers). */
  readonly network?: { readonly vpc: IVpc; readonly securityGroup: ISecurityGroup };
  /**
   * Where a failure goes: asynchronously invoked functions (SNS, Scheduler) keep failed events in a queue;
   * synchronously invoked ones name the caller that retries instead.
   */
  readonly onFailure: { readonly deadLetterQueue: IQueue } | { readonly retriedBy: string };
}

/**
 * One service Lambda: the exact bundle `npm run build:lambda` made, on arm64 and the newest Node runtime, traced
 * with X-Ray, logging to its own encrypted log group with the environment's retention.
 */
export class ServiceFunction extends Construct {
  readonly function: LambdaFunction;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: ServiceFunctionProps) {
    super(scope, id);
    this.logGroup = new LogGroup(this, 'Logs', {
      encryptionKey: props.logsKey,
      retention: props.logRetention,
      removalPolicy: props.removalPolicy,
    });
    const { settings } = props;
    this.function = new LambdaFunction(this, 'Function', {
      description: props.description,
      runtime: NODE_RUNTIME,
      architecture: props.architecture === 'arm64' ? Architecture.ARM_64 : Architecture.X86_64,
      handler: 'index.handler',
      code: Code.fromAsset(bundlePath(props.bundleDir, props.name)),
      memorySize: settings.memoryMb,
      timeout: Duration.seconds(settings.timeoutSeconds),
      ...(settings.reservedConcurrency !== null && {
        reservedConcurrentExecutions: settings.reservedConcurrency,
      }),
      tracing: Tracing.ACTIVE,
      logGroup: this.logGroup,
      environment: { ...props.environment },
      environmentEncryption: props.environmentKey,
      ...('deadLetterQueue' in props.onFailure && { deadLetterQueue: props.onFailure.deadLetterQueue }),
      ...(props.network && {
        vpc: props.network.vpc,
        vpcSubnets: { subnetType: SubnetType.PRIVATE_WITH_EGRESS },
        securityGroups: [props.network.securityGroup],
      }),
    });
    if ('retriedBy' in props.onFailure) {
      const resource = this.function.node.defaultChild ?? this.function;
      for (const pack of ['HIPAA.Security', 'NIST.800.53.R5', 'PCI.DSS.321']) {
        Validations.of(resource).acknowledge({ id: `${pack}-LambdaDLQ`, reason: props.onFailure.retriedBy });
      }
    }
  }
}

/** The bundle directory of one function, or a clear error naming the command that makes it. */
export function bundlePath(bundleDir: string, name: FunctionName): string {
  const dir = join(bundleDir, name);
  if (!existsSync(join(dir, 'index.mjs'))) {
    throw new Error(
      `Lambda bundle ${join(dir, 'index.mjs')} is missing. Run \`npm run build:lambda\` at the repository root ` +
        '(it writes service/dist/lambda/<function>/index.mjs), or pass -c lambdaBundleDir=<dir> to use bundles built elsewhere.',
    );
  }
  return dir;
}
