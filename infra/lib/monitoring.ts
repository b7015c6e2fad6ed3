import { Duration, Stack } from 'aws-cdk-lib';
import type { RestApi } from 'aws-cdk-lib/aws-apigateway';
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  MathExpression,
  Metric,
  TextWidget,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Rule } from 'aws-cdk-lib/aws-events';
import { SnsTopic } from 'aws-cdk-lib/aws-events-targets';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { ILogGroup } from 'aws-cdk-lib/aws-logs';
import { FilterPattern, MetricFilter } from 'aws-cdk-lib/aws-logs';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { FunctionName } from '../config/deployment-config.ts';
import type { ServiceFunction } from './service-function.ts';

/** docs/OPERATIONS.md: one JSON log line per failed Twilio delivery, on the HTTP function's log group. */
export const TWILIO_DELIVERY_FAILED_PATTERN = '{ $.event = "twilio_delivery_failed" }';
export const METRIC_NAMESPACE = 'AiNutritionist';

export interface MonitoringProps {
  readonly dashboardName: string;
  readonly alertEmail: string;
  readonly notificationsKey: IKey;
  readonly functions: ReadonlyMap<FunctionName, ServiceFunction>;
  /** Log group the HTTP function writes status callbacks to. */
  readonly statusCallbackLogs: ILogGroup;
  readonly api: RestApi;
  readonly table: ITable;
  readonly jobsDlq: IQueue;
  readonly apiWebAclName: string;
  readonly bedrockModelIds: readonly string[];
  /** ElastiCache replication group id, when there is a cache. */
  readonly redisReplicationGroupId?: string;
  /** Backup vault name, when the tier has backups. */
  readonly backupVaultName?: string;
  /** Alert on GuardDuty findings and chart them (enterprise tier). */
  readonly guardDuty: boolean;
}

/** The SNS alert topic (email), alarms on every part of the request path, and one dashboard. */
export class Monitoring extends Construct {
  readonly alertTopic: Topic;
  readonly dashboard: Dashboard;
  /** Alarms by family (lambda-errors, api-5xx, …): what the tests and the README list. */
  readonly alarms = new Map<string, Alarm[]>();
  private readonly dashboardName: string;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    this.dashboardName = props.dashboardName;
    const { region } = Stack.of(this);
    this.alertTopic = new Topic(this, 'Alerts', {
      displayName: 'AI Nutritionist alerts',
      masterKey: props.notificationsKey,
      enforceSSL: true,
    });
    this.alertTopic.addSubscription(new EmailSubscription(props.alertEmail));
    const action = new SnsAction(this.alertTopic);
    const alarm = (
      family: string,
      name: string,
      metric: IMetric,
      threshold: number,
      evaluationPeriods = 1,
    ) => {
      const created = new Alarm(this, `${name}Alarm`, {
        alarmDescription: `${family}: ${name}`,
        metric,
        threshold,
        evaluationPeriods,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      created.addAlarmAction(action);
      this.alarms.set(family, [...(this.alarms.get(family) ?? []), created]);
      return created;
    };
    const fiveMinutes = Duration.minutes(5);

    const lambdaWidgets: GraphWidget[] = [];
    for (const [name, { function: fn }] of props.functions) {
      const label = name.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase());
      alarm('lambda-errors', `${label}Errors`, fn.metricErrors({ period: fiveMinutes }), 5);
      alarm('lambda-throttles', `${label}Throttles`, fn.metricThrottles({ period: fiveMinutes }), 1);
      alarm(
        'lambda-duration',
        `${label}Duration`,
        fn.metricDuration({ period: fiveMinutes, statistic: 'p99' }),
        // Near the timeout: the next slow call will be cut off.
        fn.timeout ? fn.timeout.toMilliseconds() * 0.8 : 10_000,
        3,
      );
      lambdaWidgets.push(
        new GraphWidget({
          title: `${name}: invocations, errors, throttles`,
          left: [fn.metricInvocations(), fn.metricErrors(), fn.metricThrottles()],
          right: [fn.metricDuration({ statistic: 'p99' })],
        }),
      );
    }

    const api = props.api;
    alarm('api-4xx', 'Api4xx', api.metricClientError({ period: fiveMinutes }), 100);
    alarm('api-5xx', 'Api5xx', api.metricServerError({ period: fiveMinutes }), 5);
    alarm('api-latency', 'ApiLatency', api.metricLatency({ period: fiveMinutes, statistic: 'p95' }), 2000, 3);

    const throttles = new MathExpression({
      expression: 'reads + writes',
      usingMetrics: {
        reads: props.table.metric('ReadThrottleEvents', { statistic: 'Sum', period: fiveMinutes }),
        writes: props.table.metric('WriteThrottleEvents', { statistic: 'Sum', period: fiveMinutes }),
      },
      label: 'DynamoDB throttle events',
      period: fiveMinutes,
    });
    alarm('dynamodb-throttles', 'DynamoDbThrottles', throttles, 1);

    alarm(
      'dlq-depth',
      'JobsDlqDepth',
      props.jobsDlq.metricApproximateNumberOfMessagesVisible({ period: fiveMinutes, statistic: 'Maximum' }),
      1,
    );

    const wafBlocked = new Metric({
      namespace: 'AWS/WAFV2',
      metricName: 'BlockedRequests',
      dimensionsMap: { WebACL: props.apiWebAclName, Region: region, Rule: 'ALL' },
      statistic: 'Sum',
      period: fiveMinutes,
    });
    alarm('waf-blocked', 'WafBlockedRequests', wafBlocked, 500);

    const deliveryFailures = new MetricFilter(this, 'TwilioDeliveryFailures', {
      logGroup: props.statusCallbackLogs,
      filterPattern: FilterPattern.literal(TWILIO_DELIVERY_FAILED_PATTERN),
      metricNamespace: METRIC_NAMESPACE,
      metricName: 'TwilioDeliveryFailures',
      metricValue: '1',
      defaultValue: 0,
    }).metric({ statistic: 'Sum', period: Duration.minutes(15) });
    alarm('twilio-delivery-failures', 'TwilioDeliveryFailures', deliveryFailures, 10);

    const infraWidgets: GraphWidget[] = [];
    if (props.redisReplicationGroupId) {
      const redis = (metricName: string) =>
        new Metric({
          namespace: 'AWS/ElastiCache',
          metricName,
          dimensionsMap: { ReplicationGroupId: props.redisReplicationGroupId ?? '' },
          statistic: 'Maximum',
          period: fiveMinutes,
        });
      alarm('redis-cpu', 'RedisCpu', redis('EngineCPUUtilization'), 80, 3);
      alarm('redis-memory', 'RedisMemory', redis('DatabaseMemoryUsagePercentage'), 85, 3);
      infraWidgets.push(
        new GraphWidget({
          title: 'Redis: CPU and memory %',
          left: [redis('EngineCPUUtilization'), redis('DatabaseMemoryUsagePercentage')],
        }),
      );
    }
    if (props.backupVaultName) {
      const failedJobs = new Metric({
        namespace: 'AWS/Backup',
        metricName: 'NumberOfBackupJobsFailed',
        dimensionsMap: { BackupVaultName: props.backupVaultName },
        statistic: 'Sum',
        period: Duration.hours(1),
      });
      alarm('backup-job-failures', 'BackupJobFailures', failedJobs, 1);
      infraWidgets.push(new GraphWidget({ title: 'Backup jobs failed', left: [failedJobs] }));
    }

    const securityWidgets: GraphWidget[] = [];
    if (props.guardDuty) {
      const findings = new Rule(this, 'GuardDutyFindings', {
        description: 'GuardDuty findings of medium severity and above go to the alert topic',
        eventPattern: {
          source: ['aws.guardduty'],
          detailType: ['GuardDuty Finding'],
          detail: { severity: [{ numeric: ['>=', 4] }] },
        },
        targets: [new SnsTopic(this.alertTopic)],
      });
      securityWidgets.push(
        new GraphWidget({
          title: 'GuardDuty findings (medium and above)',
          left: [
            new Metric({
              namespace: 'AWS/Events',
              metricName: 'TriggeredRules',
              dimensionsMap: { RuleName: findings.ruleName },
              statistic: 'Sum',
              period: Duration.hours(1),
            }),
          ],
        }),
      );
    }

    const bedrock = (metricName: string) =>
      props.bedrockModelIds.map(
        (modelId) =>
          new Metric({
            namespace: 'AWS/Bedrock',
            metricName,
            dimensionsMap: { ModelId: modelId },
            statistic: 'Sum',
            period: Duration.hours(1),
            label: `${metricName} ${modelId}`,
          }),
      );

    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: props.dashboardName,
      widgets: [
        [new TextWidget({ markdown: '# AI Nutritionist', width: 24, height: 1 })],
        [
          new GraphWidget({
            title: 'API: requests, 4xx, 5xx',
            left: [api.metricCount(), api.metricClientError(), api.metricServerError()],
            right: [api.metricLatency({ statistic: 'p95' })],
          }),
          new GraphWidget({
            title: 'Jobs DLQ depth and DynamoDB throttles',
            left: [throttles],
            right: [props.jobsDlq.metricApproximateNumberOfMessagesVisible()],
          }),
        ],
        lambdaWidgets,
        [
          new GraphWidget({ title: 'Bedrock invocations', left: bedrock('Invocations') }),
          new GraphWidget({
            title: 'Bedrock tokens (input / output)',
            left: bedrock('InputTokenCount'),
            right: bedrock('OutputTokenCount'),
          }),
          new GraphWidget({
            title: 'Twilio delivery failures and WAF blocks',
            left: [deliveryFailures],
            right: [wafBlocked],
          }),
        ],
        [...securityWidgets, ...infraWidgets],
      ],
    });
  }

  /** The console address of the dashboard (the `DashboardUrl` output). */
  get dashboardUrl(): string {
    const { region } = Stack.of(this);
    return `https://${region}.console.aws.amazon.com/cloudwatch/home?region=${region}#dashboards:name=${this.dashboardName}`;
  }
}
