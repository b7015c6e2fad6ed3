import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Stack } from 'aws-cdk-lib';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { describe, expect, it } from 'vitest';
import { buildDeploymentConfig } from '../config/deployment-context.ts';
import { addComplianceChecks } from '../lib/compliance-checks.ts';
import { NAG_PACKS } from './expected/deployment-expectations.ts';
import { acknowledgements, newApp, synth, validationFindings } from './synth.ts';

describe('prod × enterprise under AwsSolutions, HIPAA Security, NIST 800-53 R5 and PCI DSS 3.2.1', () => {
  const { stacks, assembly, template } = synth('prod', 'enterprise', { nag: true });
  const all = [
    stacks.edge,
    stacks.stateful,
    stacks.stateless,
    stacks.security,
    stacks.disasterRecovery,
  ].flatMap((stack) => (stack ? [{ stack, acks: acknowledgements(template(stack)) }] : []));
  // CloudFormation-Validate acknowledgements are CDK's own (literal AZs); only the packs' are counted here.
  const acks = all
    .flatMap(({ stack, acks }) => acks.map((ack) => ({ stack: stack.stackName, ...ack })))
    .filter((ack) => NAG_PACKS.some((pack) => ack.id.startsWith(`${pack}-`)));

  it('runs all four packs here (a bucket breaking each pack’s logging rule fails with all four)', () => {
    const app = newApp();
    new Bucket(
      new Stack(app, 'Throwaway', { env: { account: '123456789012', region: 'us-east-1' } }),
      'Bare',
    );
    addComplianceChecks(app, stacks.config);
    expect(() => app.synth()).toThrow(
      /(?=[\s\S]*AwsSolutions-S1\b)(?=[\s\S]*HIPAA\.Security-S3BucketLoggingEnabled)(?=[\s\S]*NIST\.800\.53\.R5-S3BucketLoggingEnabled)(?=[\s\S]*PCI\.DSS\.321-S3BucketLoggingEnabled)/,
    );
  });

  it('has zero unacknowledged findings', () => {
    expect(validationFindings(assembly)).toEqual([]);
  });

  it('acknowledges one rule on one resource each, never stack- or app-wide, with a specific reason', () => {
    expect(acks.length).toBeGreaterThan(0);
    const seen = new Set<string>();
    for (const ack of acks) {
      expect(ack.id).toMatch(
        /^(AwsSolutions|HIPAA\.Security|NIST\.800\.53\.R5|PCI\.DSS\.321)-[A-Za-z0-9]+(\[.+\])?$/,
      );
      expect(ack.reason.length).toBeGreaterThan(60);
      const key = `${ack.stack}/${ack.resource}/${ack.id}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    }
    for (const stack of [stacks.edge, stacks.stateful, stacks.stateless]) {
      expect(JSON.stringify(template(stack).toJSON().Metadata ?? {})).not.toContain('cdk_nag');
    }
  });

  it('matches the count listed in infra/README.md', () => {
    const readme = readFileSync(join(import.meta.dirname, '../README.md'), 'utf8');
    const listed = readme.match(/(\d+) acknowledgements on prod × enterprise/)?.[1];
    expect(Number(listed)).toBe(acks.length);
  });
});

describe('compliance checks', () => {
  it('fail the synth on a non-compliant bucket', () => {
    const app = newApp();
    new Bucket(
      new Stack(app, 'Throwaway', { env: { account: '123456789012', region: 'us-east-1' } }),
      'Bare',
    );
    addComplianceChecks(app, buildDeploymentConfig('dev', 'basic'));
    expect(() => app.synth()).toThrow(/AwsSolutions-S1\b[\s\S]*AwsSolutions-S10\b/);
  });
});
