import { Duration, type RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  Distribution,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type IBucket,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/** A custom domain for the distribution; the certificate must live in us-east-1 (a CloudFront rule). */
export interface WebDomain {
  readonly names: readonly string[];
  readonly certificateArn: string;
}

export interface WebHostingProps {
  readonly removalPolicy: RemovalPolicy;
  /** Receives the web bucket's server access logs and the distribution's standard logs. */
  readonly logBucket: IBucket;
  /** Without a domain the distribution answers on its *.cloudfront.net name with the default certificate. */
  readonly domain?: WebDomain;
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

    this.acknowledgeNagFindings(props.domain !== undefined);
  }

  private acknowledgeNagFindings(hasCustomDomain: boolean): void {
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
    distribution.acknowledge({
      id: 'AwsSolutions-CFR2',
      reason:
        'The distribution serves only static files for now. The WAF web ACL (managed rule groups, rate limiting) ' +
        'is added with the API routes in a later issue, when dynamic origins sit behind this distribution.',
    });
  }
}
