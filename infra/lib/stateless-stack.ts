import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { DeploymentConfig } from '../config/deployment-config.ts';
import { AccessLogBucket } from './access-log-bucket.ts';
import { Api } from './api.ts';
import { REDIS_PORT } from './cache.ts';
import { exportsBucketName } from './exports.ts';
import { Functions } from './functions.ts';
import { Messaging } from './messaging.ts';
import { Monitoring } from './monitoring.ts';
import { Schedules } from './schedules.ts';
import { StatefulReferences } from './stateful-references.ts';
import { removalPolicyOf, type StatefulStack } from './stateful-stack.ts';
import { Waf } from './waf.ts';
import { WebHosting } from './web-hosting.ts';

export interface StatelessStackProps extends StackProps {
  readonly config: DeploymentConfig;
  readonly stateful: StatefulStack;
  /** ARN of the CloudFront web ACL (edge stack, us-east-1). */
  readonly cloudFrontWebAclArn: string;
  readonly bundleDir: string;
  /** web/dist, deployed to the web bucket; omitted, the bucket keeps what it has. */
  readonly siteDir?: string;
}

/**
 * The code and its entry points: functions, API, distribution, schedules, messaging and monitoring. Holds no
 * data, so it can be redeployed or replaced at any time.
 */
export class StatelessStack extends Stack {
  readonly functions: Functions;
  readonly api: Api;
  readonly apiWaf: Waf;
  readonly web: WebHosting;
  readonly messaging: Messaging;
  readonly schedules: Schedules;
  readonly monitoring: Monitoring;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { config, stateful } = props;
    const removalPolicy = removalPolicyOf(config);
    const prefix = `${config.projectName}-${config.environment}`;
    const logRetention = config.logRetentionDays as RetentionDays;
    const stageName = config.environment;
    const refs = new StatefulReferences(this, 'Stateful', stateful);

    // Built before the API exists, which sits behind it: CloudFront names the API by id and stage only, so the
    // functions can carry the public origin without a cycle.
    // Its own log bucket: S3 access logging needs a policy on the target bucket, which an import cannot add.
    const accessLogs = new AccessLogBucket(this, 'AccessLogs', {
      removalPolicy,
      retentionDays: config.logRetentionDays,
    });
    this.web = new WebHosting(this, 'Web', {
      removalPolicy,
      logBucket: accessLogs.bucket,
      logRetention,
      logsKey: refs.logsKey,
      webAclArn: props.cloudFrontWebAclArn,
      ...(config.domain && { domain: config.domain }),
      ...(props.siteDir && { siteDir: props.siteDir }),
    });
    const publicBaseUrl = config.domain
      ? `https://${config.domain.names[0]}`
      : `https://${this.web.distribution.distributionDomainName}`;

    this.messaging = new Messaging(this, 'Messaging', {
      configurationSetName: prefix,
      notificationsKey: refs.notificationsKey,
    });

    const network = stateful.network;
    const cache = stateful.cache;
    this.functions = new Functions(this, 'Functions', {
      config,
      bundleDir: props.bundleDir,
      publicBaseUrl,
      table: refs.table,
      jobs: refs.jobs,
      failedEvents: refs.failedEvents,
      exportsBucketName: exportsBucketName(config.projectName, config.environment, this.account, this.region),
      dataKey: refs.dataKey,
      secrets: refs.secrets,
      logsKey: refs.logsKey,
      removalPolicy,
      smsConfigurationSetName: prefix,
      ...(network && { network: { vpc: network.vpc, securityGroup: network.functionsSecurityGroup } }),
      ...(cache && {
        redis: { host: cache.replicationGroup.attrPrimaryEndPointAddress, port: String(REDIS_PORT) },
      }),
    });
    this.messaging.subscribeInbound(this.functions.get('aws-sms-inbound').function);

    this.api = new Api(this, 'Api', {
      handler: this.functions.get('http').function,
      stageName,
      throttling: config.apiThrottling,
      allowedOrigins: [publicBaseUrl],
      logsKey: refs.logsKey,
      logRetention,
      removalPolicy,
    });
    this.web.routeApi({
      domainName: `${this.api.restApi.restApiId}.execute-api.${this.region}.${this.urlSuffix}`,
      stageName,
    });

    this.apiWaf = new Waf(this, 'ApiWaf', {
      scope: 'REGIONAL',
      name: `${prefix}-api`,
      rateLimitPer5Minutes: config.wafRateLimitPer5Minutes,
      associateWith: this.api.restApi.deploymentStage.stageArn,
      logsKey: refs.logsKey,
      logRetention,
      removalPolicy,
    });

    this.schedules = new Schedules(this, 'Schedules', {
      scheduler: this.functions.get('scheduler').function,
      weeklyPlanning: config.weeklyPlanningSchedule,
      deadLetterQueue: refs.failedEvents,
    });

    this.monitoring = new Monitoring(this, 'Monitoring', {
      dashboardName: prefix,
      alertEmail: config.alertEmail,
      notificationsKey: refs.notificationsKey,
      functions: this.functions.byName,
      statusCallbackLogs: this.functions.get('http').logGroup,
      api: this.api.restApi,
      table: refs.table,
      jobsDlq: refs.jobsDlq,
      apiWebAclName: `${prefix}-api`,
      bedrockModelIds: [config.language.bedrockModelId],
      guardDuty: config.tier.guardDuty,
      ...(cache && { redisReplicationGroupId: cache.replicationGroup.ref }),
      ...(stateful.backup && { backupVaultName: stateful.backup.vault.backupVaultName }),
    });

    new CfnOutput(this, 'WebUrl', { value: publicBaseUrl, description: 'The app, and PUBLIC_BASE_URL' });
    new CfnOutput(this, 'WebhookUrl', {
      value: `${publicBaseUrl}/webhooks/twilio`,
      description:
        'Twilio: A message comes in (status callbacks go to /webhooks/twilio/status by themselves)',
    });
    new CfnOutput(this, 'BillingWebhookUrl', {
      value: `${publicBaseUrl}/webhooks/stripe`,
      description: 'Stripe: webhook endpoint',
    });
    new CfnOutput(this, 'DashboardUrl', { value: this.monitoring.dashboardUrl });
    new CfnOutput(this, 'WebBucketName', { value: this.web.bucket.bucketName });
    new CfnOutput(this, 'DistributionId', { value: this.web.distribution.distributionId });
    new CfnOutput(this, 'InboundSmsTopicArn', {
      value: this.messaging.inboundTopic.topicArn,
      description: 'Two-way SMS destination of the End User Messaging number or pool',
    });
  }
}
