import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { FUNCTION_NAMES } from '../config/deployment-config.ts';
import {
  ALARMS_ALWAYS,
  ALARMS_WITH_BACKUP,
  ALARMS_WITH_CACHE,
  API_ROUTES,
  CLOUDFRONT_API_PATHS,
  FUNCTION_ENV_KEYS,
  OUTPUTS,
  TWILIO_FAILURE_FILTER_PATTERN,
} from './expected/deployment-expectations.ts';
import { synth } from './synth.ts';

const { stacks, template } = synth('prod', 'enterprise', { nag: false });
const stateless = template(stacks.stateless);
const { functions, monitoring } = stacks.stateless;

type LambdaResource = {
  Properties: { Environment: { Variables: Record<string, unknown> }; Description: string };
};
const lambdas = Object.values(stateless.findResources('AWS::Lambda::Function')) as LambdaResource[];
const serviceLambda = (name: (typeof FUNCTION_NAMES)[number]) => {
  const id = stacks.stateless.getLogicalId(functions.get(name).function.node.defaultChild as never);
  return stateless.toJSON().Resources[id] as LambdaResource;
};

function policyStatementsOf(
  name: (typeof FUNCTION_NAMES)[number],
): { Action: string | string[]; Resource: unknown }[] {
  const role = stacks.stateless.getLogicalId(functions.get(name).function.role?.node.defaultChild as never);
  const policies = Object.values(stateless.findResources('AWS::IAM::Policy')) as {
    Properties: {
      Roles: { Ref: string }[];
      PolicyDocument: { Statement: { Action: string | string[]; Resource: unknown }[] };
    };
  }[];
  return policies
    .filter((policy) => policy.Properties.Roles.some((ref) => ref.Ref === role))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement);
}
const actionsOf = (name: (typeof FUNCTION_NAMES)[number]) =>
  policyStatementsOf(name).flatMap((statement) => [statement.Action].flat());

describe('functions', () => {
  it('deploys the build:lambda bundles, one function each', () => {
    expect(lambdas.filter((fn) => fn.Properties.Environment?.Variables?.DYNAMODB_TABLE)).toHaveLength(4);
    for (const name of FUNCTION_NAMES) {
      stateless.hasResourceProperties('AWS::Lambda::Function', {
        Description: serviceLambda(name).Properties.Description,
        MemorySize: stacks.config.lambda.functions[name].memoryMb,
        Timeout: stacks.config.lambda.functions[name].timeoutSeconds,
        ReservedConcurrentExecutions: stacks.config.lambda.functions[name].reservedConcurrency,
        KmsKeyArn: Match.anyValue(),
        LoggingConfig: { LogGroup: Match.anyValue() },
      });
    }
  });

  it('gives each function the environment keys it needs', () => {
    for (const name of FUNCTION_NAMES) {
      expect(Object.keys(serviceLambda(name).Properties.Environment.Variables)).toEqual(
        expect.arrayContaining([...FUNCTION_ENV_KEYS[name]]),
      );
    }
    expect(serviceLambda('http').Properties.Environment.Variables.JOBS_QUEUE_URL).toBeDefined();
    expect(serviceLambda('worker').Properties.Environment.Variables.JOBS_QUEUE_URL).toBeUndefined();
  });

  it('lists every environment key of every function in .env.example', () => {
    const example = readFileSync(join(import.meta.dirname, '../../.env.example'), 'utf8');
    const documented = new Set([...example.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1]));
    const used = new Set(
      FUNCTION_NAMES.flatMap((name) => Object.keys(serviceLambda(name).Properties.Environment.Variables)),
    );
    const missing = [...used].filter((key) => !documented.has(key));
    expect(missing).toEqual([]);
  });

  it('passes secrets as ARNs, never their values', () => {
    for (const fn of lambdas) {
      for (const [key, value] of Object.entries(fn.Properties.Environment?.Variables ?? {})) {
        expect(key).not.toMatch(
          /^(PSEUDONYM_KEY|TWILIO_AUTH_TOKEN|STRIPE_SECRET_KEY|STRIPE_WEBHOOK_SECRET|REDIS_PASSWORD)$/,
        );
        expect(JSON.stringify(value)).not.toMatch(/resolve:secretsmanager/);
      }
    }
  });

  // Changed after the first run: the inbound SMS function queues jobs too (household plans, slow answers), as the
  // webhook does; it had no queue URL or permission and failed at start-up (see FUNCTION_ENV_KEYS).
  it('lets the HTTP, scheduler and inbound SMS functions send jobs, and only the worker consume them', () => {
    // The jobs queue's ARN reaches this stack as an output of the stateful stack named after it.
    const onJobs = (name: (typeof FUNCTION_NAMES)[number], action: string) =>
      policyStatementsOf(name).some(
        (statement) =>
          [statement.Action].flat().includes(action) &&
          /QueuesJobs[0-9A-F]{8}Arn/.test(JSON.stringify(statement)),
      );
    expect(onJobs('http', 'sqs:SendMessage')).toBe(true);
    expect(onJobs('scheduler', 'sqs:SendMessage')).toBe(true);
    expect(onJobs('worker', 'sqs:SendMessage')).toBe(false);
    expect(onJobs('aws-sms-inbound', 'sqs:SendMessage')).toBe(true);
    expect(onJobs('worker', 'sqs:ReceiveMessage')).toBe(true);
    expect(onJobs('http', 'sqs:ReceiveMessage')).toBe(false);
    expect(actionsOf('scheduler')).not.toContain('s3:GetObject');
    for (const name of FUNCTION_NAMES)
      expect(actionsOf(name).some((action) => action.endsWith('*'))).toBe(false);
  });

  it('feeds the worker from the jobs queue with partial batch responses', () => {
    stateless.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BatchSize: 5,
    });
  });

  it('keeps failed asynchronous events of the scheduler and inbound functions', () => {
    stateless.resourcePropertiesCountIs(
      'AWS::Lambda::Function',
      { DeadLetterConfig: { TargetArn: Match.anyValue() } },
      2,
    );
  });
});

describe('api', () => {
  it('routes the webhooks, the API, plan pages and exports to the HTTP function', () => {
    const resources = stateless.findResources('AWS::ApiGateway::Resource');
    const methods = Object.values(stateless.findResources('AWS::ApiGateway::Method')) as {
      Properties: { HttpMethod: string; ResourceId: { Ref: string }; Integration?: { Type: string } };
    }[];
    const pathOf = (id: string): string => {
      const resource = resources[id] as { Properties: { PathPart: string; ParentId: unknown } };
      const parent = resource.Properties.ParentId as { Ref?: string };
      return `${parent.Ref ? pathOf(parent.Ref) : ''}/${resource.Properties.PathPart}`;
    };
    const routes = methods
      .filter((method) => method.Properties.HttpMethod !== 'OPTIONS')
      .map((method) => [method.Properties.HttpMethod, pathOf(method.Properties.ResourceId.Ref)]);
    expect(routes.sort()).toEqual([...API_ROUTES].map((route) => [...route]).sort());
    expect(routes.some(([, path]) => path === '/metrics')).toBe(false);
  });

  it('throttles the stage, traces it and writes JSON access logs without request bodies', () => {
    stateless.hasResourceProperties('AWS::ApiGateway::Stage', {
      StageName: 'prod',
      TracingEnabled: true,
      AccessLogSetting: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
      MethodSettings: [
        Match.objectLike({
          ThrottlingRateLimit: stacks.config.apiThrottling.rateLimitPerSecond,
          ThrottlingBurstLimit: stacks.config.apiThrottling.burstLimit,
          DataTraceEnabled: false,
          LoggingLevel: 'ERROR',
        }),
      ],
    });
  });

  it('answers CORS preflights for the public origin only', () => {
    const preflights = Object.values(
      stateless.findResources('AWS::ApiGateway::Method', { Properties: { HttpMethod: 'OPTIONS' } }),
    );
    expect(preflights.length).toBeGreaterThan(0);
    for (const preflight of preflights) {
      const origin = JSON.stringify(
        (
          preflight as {
            Properties: {
              Integration: { IntegrationResponses: { ResponseParameters: Record<string, unknown> }[] };
            };
          }
        ).Properties.Integration.IntegrationResponses[0]?.ResponseParameters[
          'method.response.header.Access-Control-Allow-Origin'
        ],
      );
      expect(origin).toContain("'https://");
      expect(origin).not.toContain("'*'");
    }
  });
});

describe('waf', () => {
  it('protects the API stage with managed rule groups and a per-IP rate limit, logged', () => {
    stateless.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'REGIONAL',
      Rules: Match.arrayWith([
        Match.objectLike({
          Name: 'RateLimitPerIp',
          Action: { Block: {} },
          Statement: {
            RateBasedStatement: { Limit: stacks.config.wafRateLimitPer5Minutes, AggregateKeyType: 'IP' },
          },
        }),
        Match.objectLike({
          Statement: {
            ManagedRuleGroupStatement: Match.objectLike({
              VendorName: 'AWS',
              Name: 'AWSManagedRulesCommonRuleSet',
            }),
          },
        }),
        Match.objectLike({
          Statement: {
            ManagedRuleGroupStatement: Match.objectLike({ Name: 'AWSManagedRulesKnownBadInputsRuleSet' }),
          },
        }),
      ]),
    });
    stateless.resourceCountIs('AWS::WAFv2::WebACLAssociation', 1);
    stateless.resourceCountIs('AWS::WAFv2::LoggingConfiguration', 1);
  });
});

describe('web', () => {
  it('sends the API paths to API Gateway over TLS, uncached, and the rest to the bucket', () => {
    stateless.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        WebACLId: Match.anyValue(),
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: 'redirect-to-https' }),
        CacheBehaviors: CLOUDFRONT_API_PATHS.map((path) =>
          Match.objectLike({
            PathPattern: path,
            ViewerProtocolPolicy: 'https-only',
            AllowedMethods: Match.arrayWith(['POST']),
            CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
          }),
        ),
        Origins: Match.arrayWith([
          Match.objectLike({ OriginAccessControlId: Match.anyValue() }),
          Match.objectLike({
            OriginPath: '/prod',
            CustomOriginConfig: Match.objectLike({
              OriginProtocolPolicy: 'https-only',
              OriginSSLProtocols: ['TLSv1.2'],
            }),
          }),
        ]),
      }),
    });
  });

  it('deploys what the web build wrote to the bucket and invalidates the distribution', () => {
    stateless.hasResourceProperties('Custom::CDKBucketDeployment', {
      DestinationBucketName: Match.anyValue(),
      DistributionPaths: ['/*'],
    });
  });
});

describe('messaging', () => {
  it('has an End User Messaging configuration set and an encrypted inbound topic the inbound function reads', () => {
    stateless.hasResourceProperties('AWS::SMSVOICE::ConfigurationSet', {
      ConfigurationSetName: 'ai-nutritionist-prod',
    });
    stateless.hasResourceProperties('AWS::SNS::Topic', {
      DisplayName: 'AI Nutritionist inbound SMS',
      KmsMasterKeyId: Match.anyValue(),
    });
    stateless.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'lambda' });
    stateless.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Principal: { Service: 'sms-voice.amazonaws.com' }, Action: 'sns:Publish' }),
        ]),
      },
    });
    expect(actionsOf('worker')).toContain('sms-voice:SendTextMessage');
    expect(actionsOf('aws-sms-inbound')).toContain('sms-voice:SendTextMessage');
  });
});

describe('schedules', () => {
  it('invokes the scheduler function on the weekly-planning schedule, with retries and a DLQ', () => {
    stateless.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: stacks.config.weeklyPlanningSchedule,
      Target: Match.objectLike({
        Arn: Match.anyValue(),
        RetryPolicy: Match.objectLike({ MaximumRetryAttempts: 2 }),
        DeadLetterConfig: { Arn: Match.anyValue() },
      }),
    });
  });
});

describe('monitoring', () => {
  it('has every alarm family, each notifying the alert topic', () => {
    const families = [...monitoring.alarms.keys()].sort();
    expect(families).toEqual([...ALARMS_ALWAYS, ...ALARMS_WITH_CACHE, ...ALARMS_WITH_BACKUP].sort());
    expect(monitoring.alarms.get('lambda-errors')).toHaveLength(4);
    const alarms = Object.values(stateless.findResources('AWS::CloudWatch::Alarm')) as {
      Properties: { AlarmActions?: unknown[] };
    }[];
    expect(alarms.length).toBeGreaterThanOrEqual(20);
    for (const alarm of alarms) expect(alarm.Properties.AlarmActions).toHaveLength(1);
  });

  it('counts Twilio delivery failures from the HTTP function’s logs', () => {
    stateless.hasResourceProperties('AWS::Logs::MetricFilter', {
      FilterPattern: TWILIO_FAILURE_FILTER_PATTERN,
      MetricTransformations: [
        Match.objectLike({ MetricName: 'TwilioDeliveryFailures', MetricValue: '1', DefaultValue: 0 }),
      ],
    });
  });

  it('mails alerts from an encrypted topic and alerts on GuardDuty findings', () => {
    stateless.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: stacks.config.alertEmail,
    });
    stateless.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: Match.objectLike({ source: ['aws.guardduty'] }),
    });
  });

  it('has one dashboard with GuardDuty findings and Bedrock usage beside the application metrics', () => {
    const dashboard = JSON.stringify(stateless.findResources('AWS::CloudWatch::Dashboard'));
    for (const text of [
      'GuardDuty findings',
      'AWS/Bedrock',
      'InputTokenCount',
      'AWS/ApiGateway',
      'AWS/Lambda',
    ]) {
      expect(dashboard).toContain(text);
    }
  });
});

describe('outputs', () => {
  it('gives the webhook, billing webhook, dashboard and web addresses', () => {
    for (const output of OUTPUTS) stateless.hasOutput(output, { Value: Match.anyValue() });
    expect(JSON.stringify(stateless.toJSON().Outputs.WebhookUrl)).toContain('/webhooks/twilio');
    expect(JSON.stringify(stateless.toJSON().Outputs.BillingWebhookUrl)).toContain('/webhooks/stripe');
  });
});
