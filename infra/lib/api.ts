import { type RemovalPolicy, Validations } from 'aws-cdk-lib';
import {
  AccessLogFormat,
  Cors,
  EndpointType,
  LambdaIntegration,
  LogGroupLogDestination,
  type Method,
  MethodLoggingLevel,
  RestApi,
} from 'aws-cdk-lib/aws-apigateway';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { acknowledge, inRegulatedPacks } from './nag.ts';

export interface ApiProps {
  readonly handler: IFunction;
  readonly stageName: string;
  readonly throttling: { readonly rateLimitPerSecond: number; readonly burstLimit: number };
  /** Origins the browser may call the API from (the public origin; CloudFront makes it same-origin anyway). */
  readonly allowedOrigins: readonly string[];
  readonly logsKey: IKey;
  readonly logRetention: RetentionDays;
  readonly removalPolicy: RemovalPolicy;
}

/** The routes CloudFront forwards, each authenticated in the function (see AUTHENTICATED_BY). */
export const ROUTES = [
  { method: 'POST', path: 'webhooks/twilio' },
  { method: 'POST', path: 'webhooks/twilio/status' },
  { method: 'POST', path: 'webhooks/stripe' },
  { method: 'ANY', path: 'api/{proxy+}' },
  { method: 'GET', path: 'p/{proxy+}' },
  { method: 'GET', path: 'export/{proxy+}' },
  // Links the coach texts: web sign-in (GET shows the button, POST opens the session), long replies, privacy.
  { method: 'GET', path: 'signin/{proxy+}' },
  { method: 'POST', path: 'signin/{proxy+}' },
  { method: 'GET', path: 'm/{proxy+}' },
  { method: 'GET', path: 'privacy' },
] as const;

// How each route proves who is calling, in place of an API Gateway authorizer.
const AUTHENTICATED_BY: Readonly<Record<(typeof ROUTES)[number]['path'], string>> = {
  'webhooks/twilio':
    'Twilio cannot present a Cognito or IAM identity; the function verifies X-Twilio-Signature over the raw body with the Twilio auth token before reading any field.',
  'webhooks/twilio/status':
    'Twilio status callbacks carry no Cognito or IAM identity; the function verifies X-Twilio-Signature with the auth token and answers 403 otherwise.',
  'webhooks/stripe':
    'Stripe cannot present a Cognito or IAM identity; the function verifies the Stripe-Signature header against the webhook signing secret.',
  'api/{proxy+}':
    'The web chat authenticates with the service’s own session cookie (HttpOnly, SameSite), checked by the function; there is no Cognito user pool in this design.',
  'p/{proxy+}':
    'Plan pages are capability URLs: an unguessable token in the path, checked and expired by the function, so recipients without an account can open them.',
  'export/{proxy+}':
    'GDPR export links are one-time capability URLs (random token, expire within a day), checked by the function; the owner may not have a web account.',
  'signin/{proxy+}':
    'Web sign-in links are the authentication itself: a one-time token (128 random bits, 15 minutes) texted to the number, checked and spent by the function, which then sets the session cookie.',
  'm/{proxy+}':
    'Long-reply links are capability URLs: an unguessable message id texted to its recipient, checked by the function; the reader may have no web account.',
  privacy: 'The privacy notice is public by law (consent messages link to it); it holds no personal data.',
};

/** REST API in front of the HTTP function: stage throttling, CORS, JSON access logs, X-Ray, no /metrics. */
export class Api extends Construct {
  readonly restApi: RestApi;
  readonly accessLogs: LogGroup;
  readonly methods: readonly Method[];

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    this.accessLogs = new LogGroup(this, 'AccessLogs', {
      encryptionKey: props.logsKey,
      retention: props.logRetention,
      removalPolicy: props.removalPolicy,
    });
    this.restApi = new RestApi(this, 'RestApi', {
      description: 'AI Nutritionist HTTP API (reached through CloudFront)',
      endpointConfiguration: { types: [EndpointType.REGIONAL] },
      cloudWatchRole: true,
      cloudWatchRoleRemovalPolicy: props.removalPolicy,
      deployOptions: {
        stageName: props.stageName,
        throttlingRateLimit: props.throttling.rateLimitPerSecond,
        throttlingBurstLimit: props.throttling.burstLimit,
        tracingEnabled: true,
        // Errors only, and never request data: bodies carry phone numbers and messages.
        loggingLevel: MethodLoggingLevel.ERROR,
        dataTraceEnabled: false,
        metricsEnabled: true,
        accessLogDestination: new LogGroupLogDestination(this.accessLogs),
        accessLogFormat: AccessLogFormat.jsonWithStandardFields({
          caller: false,
          httpMethod: true,
          ip: true,
          protocol: true,
          requestTime: true,
          resourcePath: true,
          responseLength: true,
          status: true,
          user: false,
        }),
      },
      defaultCorsPreflightOptions: {
        allowOrigins: [...props.allowedOrigins],
        allowMethods: Cors.ALL_METHODS,
        allowHeaders: ['Content-Type', 'Authorization'],
        allowCredentials: true,
      },
    });

    acknowledge(this.restApi, {
      'AwsSolutions-APIG2':
        'Webhook signatures are computed over the raw body, so the function must see it untouched; it validates every body and query with zod after the signature check (400 on failure).',
    });
    const cloudWatchRole = this.restApi.node.tryFindChild('CloudWatchRole');
    if (cloudWatchRole) {
      acknowledge(cloudWatchRole, {
        'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]':
          'The account-level role API Gateway uses to write execution logs; AWS maintains AmazonAPIGatewayPushToCloudWatchLogs for exactly that and nothing else.',
      });
    }
    acknowledge(this.restApi.deploymentStage, {
      ...inRegulatedPacks(
        'APIGWCacheEnabledAndEncrypted',
        'Every response is per user or per request (webhook answers, chat, one-time links); a stage cache would serve one user’s answer to another.',
      ),
      ...inRegulatedPacks(
        'APIGWSSLEnabled',
        'Client certificates let an HTTP backend authenticate API Gateway; the only backend here is a Lambda invoked under IAM, so there is nothing to present one to.',
      ),
    });
    const integration = new LambdaIntegration(props.handler);
    const methods: Method[] = [];
    for (const route of ROUTES) {
      const resource = this.restApi.root.resourceForPath(route.path);
      const method = resource.addMethod(route.method, integration);
      methods.push(method);
      const cfn = method.node.defaultChild ?? method;
      Validations.of(cfn).acknowledge({ id: 'AwsSolutions-APIG4', reason: AUTHENTICATED_BY[route.path] });
      Validations.of(cfn).acknowledge({ id: 'AwsSolutions-COG4', reason: AUTHENTICATED_BY[route.path] });
    }
    this.methods = methods;
  }
}
