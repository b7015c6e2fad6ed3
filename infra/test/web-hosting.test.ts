import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { describe, expect, it } from 'vitest';
import cdkJson from '../cdk.json' with { type: 'json' };
import { ENVIRONMENTS } from '../config/environments.ts';
import { SECURITY_TIER_CONFIGS } from '../config/security-tiers.ts';
import { addComplianceChecks } from '../lib/compliance-checks.ts';
import { defineNutritionistApp } from '../lib/nutritionist-app.ts';
import { NutritionistStack } from '../lib/nutritionist-stack.ts';

const TARGET = { account: '123456789012', region: 'us-east-1' };

// Same feature flags as `cdk synth`. In-memory mode makes any validation finding throw with the full report,
// as the CLI fails `cdk synth` on one.
function newApp(context: Record<string, unknown> = {}): App {
  return new App({ context: { ...cdkJson.context, '@aws-cdk/core:appMode': 'inmemory', ...context } });
}

// For fixtures: keep findings in the report instead of throwing, so a missing acknowledgement fails one named
// test with a readable diff rather than every test in the file.
const REPORT_FINDINGS = { '@aws-cdk/core:failSynthOnValidationErrors': false };

interface ValidationReport {
  pluginReports: { pluginName: string; violations: { ruleName: string; severity: string }[] }[];
}

/** Every finding of every validation plugin (cdk-nag, CloudFormation Validate), warnings included. */
function validationFindings(assembly: CloudAssembly): string[] {
  const report: ValidationReport = JSON.parse(
    readFileSync(join(assembly.directory, 'validation-report.json'), 'utf8'),
  );
  return report.pluginReports.flatMap((plugin) =>
    plugin.violations.map((v) => `${plugin.pluginName}: ${v.severity} ${v.ruleName}`),
  );
}

type NagMetadata = { cdk_nag?: { rules_to_suppress: { id: string; reason: string }[] } };

/** Acknowledged rule ids, as written into resource metadata for the audit trail. */
function acknowledgedRules(template: Template): Map<string, string> {
  const acks = new Map<string, string>();
  for (const resource of Object.values(template.toJSON().Resources) as { Metadata?: NagMetadata }[]) {
    for (const rule of resource.Metadata?.cdk_nag?.rules_to_suppress ?? []) acks.set(rule.id, rule.reason);
  }
  return acks;
}

describe('web hosting (dev, standard)', () => {
  const app = newApp(REPORT_FINDINGS);
  const stack = defineNutritionistApp(app, TARGET);
  const assembly = app.synth();
  const template = Template.fromStack(stack);

  it('blocks public access and encrypts both buckets', () => {
    template.resourceCountIs('AWS::S3::Bucket', 2);
    template.resourcePropertiesCountIs(
      'AWS::S3::Bucket',
      {
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        },
      },
      2,
    );
  });

  it('denies every request to either bucket that is not over TLS', () => {
    template.resourcePropertiesCountIs(
      'AWS::S3::BucketPolicy',
      {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Deny',
              Action: 's3:*',
              Principal: { AWS: '*' },
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            }),
          ]),
        },
      },
      2,
    );
  });

  it('versions the web bucket and sends its access logs to the log bucket', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      LoggingConfiguration: {
        DestinationBucketName: stack.resolve(stack.accessLogs.bucket.bucketName),
        LogFilePrefix: 's3/web/',
      },
    });
  });

  it('serves the bucket only through CloudFront with Origin Access Control, over HTTPS', () => {
    template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: { OriginAccessControlOriginType: 's3', SigningBehavior: 'always' },
    });
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        DefaultCacheBehavior: Match.objectLike({
          ViewerProtocolPolicy: Match.stringLikeRegexp('^(redirect-to-https|https-only)$'),
        }),
        Origins: [
          Match.objectLike({
            OriginAccessControlId: { 'Fn::GetAtt': [Match.stringLikeRegexp('OriginAccessControl'), 'Id'] },
            S3OriginConfig: { OriginAccessIdentity: '' },
          }),
        ],
        Logging: Match.objectLike({ Prefix: 'cloudfront/web/' }),
      }),
    });
    // The only Allow on the web bucket is CloudFront, and only for this distribution.
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Action: 's3:GetObject',
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Condition: { StringEquals: { 'AWS:SourceArn': Match.anyValue() } },
          }),
        ]),
      },
    });
  });

  it('attaches a security-headers response policy to the default behaviour', () => {
    template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: Match.objectLike({
          StrictTransportSecurity: Match.objectLike({
            AccessControlMaxAgeSec: 63_072_000,
            IncludeSubdomains: true,
          }),
          ContentSecurityPolicy: Match.objectLike({
            ContentSecurityPolicy: Match.stringLikeRegexp("frame-ancestors 'none'"),
          }),
          ContentTypeOptions: { Override: true },
          FrameOptions: { FrameOption: 'DENY', Override: true },
        }),
      }),
    });
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultCacheBehavior: Match.objectLike({ ResponseHeadersPolicyId: { Ref: Match.anyValue() } }),
      }),
    });
  });

  it('synthesizes with no unacknowledged cdk-nag finding and only the three documented acknowledgements', () => {
    expect(validationFindings(assembly)).toEqual([]);
    const acks = acknowledgedRules(template);
    expect([...acks.keys()].sort()).toEqual(['AwsSolutions-CFR1', 'AwsSolutions-CFR2', 'AwsSolutions-CFR4']);
    for (const reason of acks.values()) expect(reason.length).toBeGreaterThan(40);
  });
});

describe('compliance checks', () => {
  it('fail the synth on a non-compliant bucket', () => {
    const app = newApp();
    new Bucket(new Stack(app, 'Throwaway', { env: TARGET }), 'Bare');
    addComplianceChecks(app);
    expect(() => app.synth()).toThrow(/AwsSolutions-S1\b[\s\S]*AwsSolutions-S10\b/);
  });

  it('need no default-certificate acknowledgement once a domain is configured', () => {
    const app = newApp(REPORT_FINDINGS);
    const stack = new NutritionistStack(app, 'WithDomain', {
      env: TARGET,
      environment: ENVIRONMENTS.dev,
      tier: SECURITY_TIER_CONFIGS.standard,
      webDomain: {
        names: ['app.example.org'],
        certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000',
      },
    });
    addComplianceChecks(app);
    const assembly = app.synth();
    const template = Template.fromStack(stack);

    expect(validationFindings(assembly)).toEqual([]);
    expect(acknowledgedRules(template).has('AwsSolutions-CFR4')).toBe(false);
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Aliases: ['app.example.org'],
        ViewerCertificate: {
          AcmCertificateArn: Match.anyValue(),
          MinimumProtocolVersion: 'TLSv1.2_2021',
          SslSupportMethod: 'sni-only',
        },
      }),
    });
  });
});

describe('deployment context', () => {
  it('retains data and protects the stack in prod', () => {
    const app = newApp({ env: 'prod', tier: 'enterprise' });
    const stack = defineNutritionistApp(app, TARGET);
    expect(stack.stackName).toBe('ai-nutritionist-prod');
    expect(stack.terminationProtection).toBe(true);
    Template.fromStack(stack).allResources('AWS::S3::Bucket', { DeletionPolicy: 'Retain' });
  });

  it('rejects an unknown environment or tier with the allowed values', () => {
    expect(() => defineNutritionistApp(newApp({ env: 'qa' }), TARGET)).toThrow(
      /Invalid CDK context "env": "qa". Expected one of dev, staging, prod/,
    );
    expect(() => defineNutritionistApp(newApp({ tier: 'gold' }), TARGET)).toThrow(
      /Expected one of basic, standard, enterprise/,
    );
  });
});
