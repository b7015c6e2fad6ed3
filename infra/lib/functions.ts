import { type RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { ISecurityGroup, IVpc } from 'aws-cdk-lib/aws-ec2';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct, type IConstruct } from 'constructs';
import type { DeploymentConfig, FunctionName } from '../config/deployment-config.ts';
import { acknowledge, acknowledgeRolePolicy } from './nag.ts';
import { ServiceFunction, type ServiceFunctionProps } from './service-function.ts';

export interface FunctionsProps {
  readonly config: DeploymentConfig;
  readonly bundleDir: string;
  /** The one public origin (CloudFront): links, and the URL Twilio signs webhooks against. */
  readonly publicBaseUrl: string;
  readonly table: ITable;
  readonly jobs: IQueue;
  readonly failedEvents: IQueue;
  /** The exports bucket's name (fixed, so policies and acknowledgements can name its objects literally). */
  readonly exportsBucketName: string;
  /** Encrypts the table, queues, secrets and exports. */
  readonly dataKey: IKey;
  /** By the service variable each one fills: PSEUDONYM_KEY, TWILIO_AUTH_TOKEN, … */
  readonly secrets: ReadonlyMap<string, ISecret>;
  readonly logsKey: IKey;
  readonly removalPolicy: RemovalPolicy;
  readonly network?: { readonly vpc: IVpc; readonly securityGroup: ISecurityGroup };
  readonly redis?: { readonly host: string; readonly port: string };
  readonly smsConfigurationSetName: string;
}

/** Which secrets each function reads (as `<VARIABLE>_SECRET_ID`), least privilege per function. */
const SECRETS_OF: Readonly<Record<FunctionName, readonly string[]>> = {
  http: ['PSEUDONYM_KEY', 'TWILIO_AUTH_TOKEN', 'REDIS_PASSWORD'],
  worker: ['PSEUDONYM_KEY', 'TWILIO_AUTH_TOKEN', 'REDIS_PASSWORD'],
  scheduler: ['PSEUDONYM_KEY'],
  'aws-sms-inbound': ['PSEUDONYM_KEY', 'REDIS_PASSWORD'],
};

/**
 * With billing configured, the functions that take people's messages check entitlements and make Checkout and
 * Portal links (the key) and the HTTP one verifies Stripe's webhooks (the signing secret). The service turns
 * billing on only with all four settings, so both take both; the worker and scheduler never touch Stripe.
 */
const BILLING_SECRETS = ['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET'] as const;
const BILLED: ReadonlySet<FunctionName> = new Set(['http', 'aws-sms-inbound']);

/** Geography prefixes of Bedrock's system inference profiles ("us.anthropic.…"). */
const INFERENCE_PROFILE_PREFIX = /^(us|eu|apac|us-gov|global)\.(.+)$/;

/**
 * What invoking the configured model needs: a bare model id is one foundation model in this region; a
 * cross-region inference profile needs the profile and its foundation model in every region it may route to.
 */
function bedrockResources(
  modelId: string,
  scope: { partition: string; region: string; account: string },
): { resources: string[]; anyRegionFoundationModel?: string } {
  const profile = INFERENCE_PROFILE_PREFIX.exec(modelId);
  if (!profile?.[2]) {
    return { resources: [`arn:${scope.partition}:bedrock:${scope.region}::foundation-model/${modelId}`] };
  }
  const anyRegionFoundationModel = `arn:${scope.partition}:bedrock:*::foundation-model/${profile[2]}`;
  return {
    resources: [
      `arn:${scope.partition}:bedrock:${scope.region}:${scope.account}:inference-profile/${modelId}`,
      anyRegionFoundationModel,
    ],
    anyRegionFoundationModel,
  };
}

/** The functions holding the Twilio auth token: they send queued messages through Twilio when it is configured. */
const SENDS_THROUGH_TWILIO: ReadonlySet<FunctionName> = new Set(['http', 'worker']);

function secretsOf(props: FunctionsProps, name: FunctionName): readonly string[] {
  const billed = props.config.billing !== null && BILLED.has(name);
  return [...SECRETS_OF[name], ...(billed ? BILLING_SECRETS : [])];
}

const DESCRIPTIONS: Readonly<Record<FunctionName, string>> = {
  http: 'HTTP API: Twilio and Stripe webhooks, web chat, plan pages, exports',
  worker: 'SQS worker: household plans, language-model answers, outbound messages',
  scheduler: 'EventBridge Scheduler: enqueues the weekly plans that are due',
  'aws-sms-inbound': 'AWS End User Messaging two-way SMS (SNS)',
};

/** The four service functions, their environments and exactly the permissions each one uses. */
export class Functions extends Construct {
  readonly byName: ReadonlyMap<FunctionName, ServiceFunction>;

  constructor(scope: Construct, id: string, props: FunctionsProps) {
    super(scope, id);
    const { config } = props;
    const byName = new Map<FunctionName, ServiceFunction>();
    const make = (
      name: FunctionName,
      extraEnv: Record<string, string>,
      onFailure: ServiceFunctionProps['onFailure'],
    ) => {
      const fn = new ServiceFunction(this, pascal(name), {
        name,
        description: DESCRIPTIONS[name],
        settings: config.lambda.functions[name],
        architecture: config.lambda.architecture,
        bundleDir: props.bundleDir,
        environment: {
          ...this.commonEnvironment(props),
          ...this.secretEnvironment(props, name),
          ...extraEnv,
        },
        logsKey: props.logsKey,
        environmentKey: props.dataKey,
        logRetention: config.logRetentionDays as RetentionDays,
        removalPolicy: props.removalPolicy,
        onFailure,
        ...(props.network && { network: props.network }),
      });
      this.allowDataAccess(fn, props, name);
      byName.set(name, fn);
      return fn;
    };

    const queueUrl = { JOBS_QUEUE_URL: props.jobs.queueUrl };
    const http = make('http', queueUrl, {
      retriedBy:
        'API Gateway invokes this function synchronously; a failure is a 5xx that Twilio, Stripe or the browser retries, so no asynchronous event is left to keep.',
    });
    const worker = make(
      'worker',
      {},
      {
        retriedBy:
          'The SQS event source mapping invokes this function synchronously; failed records return to the jobs queue, whose redrive policy moves them to the jobs DLQ after 3 receives.',
      },
    );
    const scheduler = make('scheduler', queueUrl, { deadLetterQueue: props.failedEvents });
    // The inbound SMS function runs the same use case as the webhook, which queues household plans and answers.
    const inbound = make('aws-sms-inbound', queueUrl, { deadLetterQueue: props.failedEvents });

    for (const fn of [http, scheduler, inbound]) allow(fn, ['sqs:SendMessage'], [props.jobs.queueArn]);
    // Lambda sends a failed asynchronous event to the encrypted failed-events queue under the function's role.
    for (const fn of [scheduler, inbound]) {
      allow(fn, ['kms:GenerateDataKey', 'kms:Decrypt'], [props.dataKey.keyArn]);
    }
    worker.function.addEventSource(
      new SqsEventSource(props.jobs, {
        batchSize: 5,
        // Only the failed records go back to the queue (the worker answers batchItemFailures).
        reportBatchItemFailures: true,
        maxConcurrency: Math.max(2, config.lambda.functions.worker.reservedConcurrency ?? 10),
      }),
    );
    const { region, account, partition } = Stack.of(this);
    const exportObjects = `arn:${partition}:s3:::${props.exportsBucketName}/*`;
    for (const fn of [http, worker]) {
      allow(fn, ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], [exportObjects]);
      acknowledge(policyOf(fn), {
        [`AwsSolutions-IAM5[Resource::${exportObjects}]`]:
          'Each export is an object named by its random one-time token, unknown until a user asks for it; the grant covers objects of the private exports bucket only.',
      });
    }

    const model = bedrockResources(config.language.bedrockModelId, { partition, region, account });
    for (const fn of [http, worker]) {
      allow(fn, ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'], model.resources);
      if (model.anyRegionFoundationModel) {
        acknowledge(policyOf(fn), {
          [`AwsSolutions-IAM5[Resource::${model.anyRegionFoundationModel}]`]:
            'A cross-region inference profile routes each call to the same foundation model in one of its geography’s regions, so Bedrock checks the model in whichever region serves it; the grant names that one model and the one profile.',
        });
      }
    }
    // End User Messaging authorises SendTextMessage on the origination identity (a pool or phone number whose
    // id is known only once the operator buys it) and on the configuration set.
    const sms = (kind: string) => `arn:${partition}:sms-voice:${region}:${account}:${kind}`;
    for (const fn of [worker, inbound]) {
      allow(
        fn,
        ['sms-voice:SendTextMessage'],
        [sms(`configuration-set/${props.smsConfigurationSetName}`), sms('pool/*'), sms('phone-number/*')],
      );
      const reason = (kind: string) =>
        `SendTextMessage must name the sending ${kind}, bought after deploy (config smsOriginationIdentity); the wildcard stays inside this account and region.`;
      acknowledge(policyOf(fn), {
        [`AwsSolutions-IAM5[Resource::${sms('pool/*')}]`]: reason('phone pool'),
        [`AwsSolutions-IAM5[Resource::${sms('phone-number/*')}]`]: reason('phone number'),
      });
    }
    for (const fn of [http, worker, scheduler, inbound])
      this.acknowledgeManagedAccess(fn, props.network !== undefined);
    this.byName = byName;
  }

  get(name: FunctionName): ServiceFunction {
    const fn = this.byName.get(name);
    if (!fn) throw new Error(`No function ${name}`);
    return fn;
  }

  /** Exactly the table, key and secret calls the service makes: no grant helpers, whose action wildcards hide scope. */
  private allowDataAccess(fn: ServiceFunction, props: FunctionsProps, name: FunctionName): void {
    allow(fn, TABLE_ACTIONS, [props.table.tableArn]);
    allow(fn, ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'], [props.dataKey.keyArn]);
    const secretArns = secretsOf(props, name).flatMap(
      (variable) => props.secrets.get(variable)?.secretArn ?? [],
    );
    allow(fn, ['secretsmanager:GetSecretValue'], secretArns);
  }

  private acknowledgeManagedAccess(fn: ServiceFunction, inVpc: boolean): void {
    const role = fn.function.role;
    if (!role) return;
    acknowledge(role, {
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]':
        'AWSLambdaBasicExecutionRole grants only CreateLogGroup/CreateLogStream/PutLogEvents, which Lambda needs to write this function’s logs; AWS keeps it current.',
      ...(inVpc && {
        'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole]':
          'AWSLambdaVPCAccessExecutionRole holds the ENI calls Lambda makes to place this function in the private subnets; those EC2 calls take no resource-level permissions.',
      }),
    });
    acknowledgeRolePolicy(policyOf(fn), `the ${fn.node.id} function's role`);
    acknowledge(policyOf(fn), {
      'AwsSolutions-IAM5[Resource::*]':
        'Active X-Ray tracing adds xray:PutTraceSegments and xray:PutTelemetryRecords, which support no resource-level permissions (Resource must be *).',
    });
  }

  private commonEnvironment(props: FunctionsProps): Record<string, string> {
    const { config } = props;
    return {
      NODE_ENV: 'production',
      LOG_LEVEL: config.logLevel,
      DYNAMODB_TABLE: props.table.tableName,
      PUBLIC_BASE_URL: props.publicBaseUrl,
      EXPORTS_BUCKET: props.exportsBucketName,
      CACHE: props.redis ? 'redis' : 'memory',
      CACHE_NAMESPACE: `${config.projectName}-${config.environment}`,
      ...(props.redis && { REDIS_HOST: props.redis.host, REDIS_PORT: props.redis.port, REDIS_TLS: 'true' }),
      LANGUAGE_PROVIDER: config.language.provider,
      BEDROCK_MODEL_ID: config.language.bedrockModelId,
      PROMPT_CACHE_TTL_SECONDS: String(config.language.promptCacheTtlSeconds),
      MESSAGING_PROVIDER: config.smsOriginationIdentity === null ? 'twilio' : 'aws',
      AWS_SMS_CONFIGURATION_SET: props.smsConfigurationSetName,
      ...(config.smsOriginationIdentity !== null && {
        AWS_SMS_ORIGINATION_IDENTITY: config.smsOriginationIdentity,
      }),
    };
  }

  /** Secrets travel as ARNs; the function reads the value at start-up, so it never sits in the template. */
  private secretEnvironment(props: FunctionsProps, name: FunctionName): Record<string, string> {
    const env: Record<string, string> = {};
    const twilio = props.config.twilio;
    if (twilio !== null && SENDS_THROUGH_TWILIO.has(name)) {
      env.TWILIO_ACCOUNT_SID = twilio.accountSid;
      if (twilio.fromNumber) env.TWILIO_FROM_NUMBER = twilio.fromNumber;
      if (twilio.messagingServiceSid) env.TWILIO_MESSAGING_SERVICE_SID = twilio.messagingServiceSid;
      if (twilio.whatsappFrom) env.TWILIO_WHATSAPP_FROM = twilio.whatsappFrom;
      if (twilio.whatsappTemplateSid) env.TWILIO_WHATSAPP_TEMPLATE_SID = twilio.whatsappTemplateSid;
    }
    const billing = props.config.billing;
    if (billing !== null && BILLED.has(name)) {
      env.STRIPE_PRICE_PREMIUM = billing.premiumPriceId;
      env.STRIPE_PRICE_FAMILY = billing.familyPriceId;
    }
    for (const variable of secretsOf(props, name)) {
      const secret = props.secrets.get(variable);
      if (secret) env[`${variable}_SECRET_ID`] = secret.secretArn;
    }
    return env;
  }
}

// What the DynamoDB stores call (single-table design; no GSIs, so no index ARNs).
const TABLE_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:Scan',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DescribeTable',
];

function allow(fn: ServiceFunction, actions: string[], resources: string[]): void {
  if (resources.length === 0) return;
  fn.function.addToRolePolicy(new PolicyStatement({ actions, resources }));
}

/** The function role's default policy, where cdk-nag reports wildcard findings. */
function policyOf(fn: ServiceFunction): IConstruct {
  const policy = fn.function.role?.node.tryFindChild('DefaultPolicy');
  if (!policy) throw new Error(`${fn.node.path} has no default policy`);
  return policy;
}

function pascal(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_match, _dash, letter: string) => letter.toUpperCase());
}
