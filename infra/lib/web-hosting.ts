import { Duration, type RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  type AddBehaviorOptions,
  AllowedMethods,
  CachePolicy,
  Distribution,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type IBucket,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { acknowledge, acknowledgeRolePolicy, arnToken, inRegulatedPacks } from './nag.ts';

/** A custom domain for the distribution; the certificate must live in us-east-1 (a CloudFront rule). */
export interface WebDomain {
  readonly names: readonly string[];
  readonly certificateArn: string;
}

/** Where CloudFront sends the dynamic paths: the API's regional domain and its stage. */
export interface ApiOriginProps {
  readonly domainName: string;
  readonly stageName: string;
}

/** Path patterns served by the API; everything else comes from the web bucket (one origin for the browser). */
export const API_PATH_PATTERNS = [
  '/api/*',
  '/p/*',
  '/export/*',
  '/webhooks/*',
  '/signin/*',
  '/m/*',
  '/privacy',
] as const;

export interface WebHostingProps {
  readonly removalPolicy: RemovalPolicy;
  /** Receives the web bucket's server access logs and the distribution's standard logs. */
  readonly logBucket: IBucket;
  /** Without a domain the distribution answers on its *.cloudfront.net name with the default certificate. */
  readonly domain?: WebDomain;
  /** ARN of a CLOUDFRONT-scope WAF web ACL (it lives in us-east-1). */
  readonly webAclArn?: string;
  /** What `npm run build -w web` wrote (web/dist); deployed to the bucket with each deploy. */
  readonly siteDir?: string;
  /** Retention and key of the deployment's log group. */
  readonly logRetention: RetentionDays;
  readonly logsKey: IKey;
}

// Mirrors the meta CSP in web/src/index.html (our bundle, styles and same-origin API only) and adds what a meta
// tag cannot carry: frame-ancestors, against clickjacking.
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Private S3 bucket for the browser UI, served only through CloudFront with Origin Access Control. */
export class WebHosting extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;

  constructor(scope: Construct, id: string, props: WebHostingProps) {
    super(scope, id);

    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      // SSE-S3: the bundle is public content once served; SSE-KMS would only add a key grant for CloudFront
      // and a KMS call per cache miss.
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      // Versions make a bad upload reversible; old ones expire so every deploy does not accumulate forever.
      versioned: true,
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(30) }],
      serverAccessLogsBucket: props.logBucket,
      serverAccessLogsPrefix: 's3/web/',
      removalPolicy: props.removalPolicy,
    });

    const securityHeaders = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'AI Nutritionist web UI security headers',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: CONTENT_SECURITY_POLICY, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: {
          referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: true,
        },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
          override: true,
        },
      },
      customHeadersBehavior: {
        customHeaders: [
          { header: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()', override: true },
        ],
      },
    });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'AI Nutritionist web UI',
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: securityHeaders,
      },
      ...(props.webAclArn && { webAclId: props.webAclArn }),
      httpVersion: HttpVersion.HTTP2_AND_3,
      enableLogging: true,
      logBucket: props.logBucket,
      logFilePrefix: 'cloudfront/web/',
      ...(props.domain && {
        domainNames: [...props.domain.names],
        certificate: Certificate.fromCertificateArn(this, 'Certificate', props.domain.certificateArn),
        minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
      }),
    });

    if (props.siteDir) {
      new BucketDeployment(this, 'Site', {
        sources: [Source.asset(props.siteDir)],
        destinationBucket: this.bucket,
        distribution: this.distribution,
        distributionPaths: ['/*'],
        memoryLimit: 512,
        logGroup: new LogGroup(this, 'SiteDeploymentLogs', {
          retention: props.logRetention,
          encryptionKey: props.logsKey,
          removalPolicy: props.removalPolicy,
        }),
      });
      acknowledgeBucketDeployment(Stack.of(this), this.bucket);
    }

    this.acknowledgeNagFindings(props.domain !== undefined, props.webAclArn !== undefined);
    acknowledge(this.bucket, {
      ...inRegulatedPacks(
        'S3DefaultEncryptionKMS',
        'The bucket holds the public web bundle only; SSE-KMS would add a key grant for CloudFront and a KMS call per cache miss to protect nothing secret.',
      ),
      ...inRegulatedPacks(
        'S3BucketReplicationEnabled',
        'Every deploy rebuilds the bucket from web/ in git, so a replica would restore nothing a redeploy does not.',
      ),
    });
  }

  /**
   * Sends API_PATH_PATTERNS to the API (one origin for the browser, the texted links and the webhooks).
   * Added after construction: the API's functions need this distribution's domain as their public origin.
   */
  routeApi(api: ApiOriginProps): void {
    // The service sets its own Content-Security-Policy (plan pages differ from the app shell), so the edge adds
    // the transport and framing headers and leaves CSP to it.
    const headers = new ResponseHeadersPolicy(this, 'ApiSecurityHeaders', {
      comment: 'AI Nutritionist API security headers',
      securityHeadersBehavior: {
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: {
          referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: false,
        },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
          override: true,
        },
      },
    });
    const origin = new HttpOrigin(api.domainName, {
      originPath: `/${api.stageName}`,
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [OriginSslPolicy.TLS_V1_2],
    });
    const behavior: AddBehaviorOptions = {
      viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: AllowedMethods.ALLOW_ALL,
      // Every answer is per user or per request (webhooks, chat, one-time links): nothing is cached at the edge.
      cachePolicy: CachePolicy.CACHING_DISABLED,
      // The API needs the caller's headers, query and cookies, but its own Host (execute-api checks it).
      originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      responseHeadersPolicy: headers,
    };
    for (const pattern of API_PATH_PATTERNS) this.distribution.addBehavior(pattern, origin, behavior);
  }

  private acknowledgeNagFindings(hasCustomDomain: boolean, hasWebAcl: boolean): void {
    // Scoped to the CfnDistribution itself so the acknowledgements cover no other resource.
    const distribution = Validations.of(this.distribution.node.findChild('Resource'));
    if (!hasCustomDomain) {
      distribution.acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'No domain is configured yet, so the distribution uses the default *.cloudfront.net certificate, whose ' +
          'security policy CloudFront fixes at TLSv1. Passing `domain` selects an ACM certificate with TLSv1.2_2021 ' +
          'and removes this acknowledgement.',
      });
    }
    distribution.acknowledge({
      id: 'AwsSolutions-CFR1',
      reason:
        'The service is not limited to particular countries and access is controlled per user account, so ' +
        'blocking countries at the edge would protect nothing and would lock out users who travel.',
    });
    if (!hasWebAcl) {
      distribution.acknowledge({
        id: 'AwsSolutions-CFR2',
        reason:
          'Built without a web ACL only when the distribution serves static files alone (no API origin); the app ' +
          'always passes the us-east-1 web ACL of the edge stack.',
      });
    }
  }
}

/**
 * The upload of web/dist runs in CDK's BucketDeployment provider (one singleton Lambda per stack, at stack level):
 * CDK owns its code, runtime and policy, so each finding on it is acknowledged here, on that function alone.
 */
function acknowledgeBucketDeployment(stack: Stack, bucket: Bucket): void {
  const provider = stack.node.children.find((child) =>
    child.node.id.startsWith('Custom::CDKBucketDeployment'),
  );
  if (!provider) return;
  const role = provider.node.findChild('ServiceRole');
  acknowledgeRolePolicy(role.node.findChild('DefaultPolicy'), 'CDK’s BucketDeployment provider');
  acknowledge(provider.node.findChild('Resource'), {
    'AwsSolutions-L1':
      'CDK pins the BucketDeployment provider runtime to the one its bundled AWS CLI layer supports; it runs only during deploys.',
    ...inRegulatedPacks(
      'LambdaConcurrency',
      'Runs once per deploy from CloudFormation, never from user traffic; a concurrency cap would only add a failure mode.',
    ),
    ...inRegulatedPacks(
      'LambdaDLQ',
      'Invoked synchronously by CloudFormation as a custom resource; a failure fails the deploy, so there is no event to keep.',
    ),
    ...inRegulatedPacks(
      'LambdaInsideVPC',
      'Copies the built site from the CDK asset bucket to the web bucket (S3 only, at deploy time); no private resource to reach.',
    ),
  });
  acknowledge(role, {
    'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]':
      'The logging policy CDK attaches to its BucketDeployment provider; it grants log writes only.',
  });
  const generated =
    'in the policy CDK generates for BucketDeployment (copy the site, prune old files, invalidate)';
  acknowledge(role.node.findChild('DefaultPolicy'), {
    'AwsSolutions-IAM5[Action::s3:GetObject*]': `Reads the site archive from the asset bucket, ${generated}.`,
    'AwsSolutions-IAM5[Action::s3:GetBucket*]': `Reads bucket location and ACL of the two buckets, ${generated}.`,
    'AwsSolutions-IAM5[Action::s3:List*]': `Lists the web bucket to prune files the new build no longer has, ${generated}.`,
    'AwsSolutions-IAM5[Action::s3:DeleteObject*]': `Deletes pruned files of the web bucket, ${generated}.`,
    'AwsSolutions-IAM5[Action::s3:Abort*]': `Aborts its own failed multipart uploads to the web bucket, ${generated}.`,
    [`AwsSolutions-IAM5[Resource::${arnToken(bucket)}/*]`]: `Writes any file of the built site into the web bucket, ${generated}.`,
    [`AwsSolutions-IAM5[Resource::arn:${stack.partition}:s3:::cdk-hnb659fds-assets-${stack.account}-${stack.region}/*]`]: `Reads the site archive CDK uploaded to its bootstrap asset bucket, ${generated}.`,
    'AwsSolutions-IAM5[Resource::*]': `cloudfront:CreateInvalidation/GetInvalidation take no resource-level scope, ${generated}.`,
  });
}
