import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { inject } from 'vitest';
import cdkJson from '../cdk.json' with { type: 'json' };
import type { EnvironmentName, SecurityTierName } from '../config/deployment-config.ts';
import {
  defineNutritionistApp,
  defineNutritionistStacks,
  type NutritionistStacks,
} from '../lib/nutritionist-app.ts';

export const TARGET = { account: '123456789012' };

/** Same feature flags and AZ context as `cdk synth`; in-memory mode throws on a finding as the CLI fails. */
export function newApp(context: Record<string, unknown> = {}): App {
  return new App({
    context: {
      ...cdkJson.context,
      '@aws-cdk/core:appMode': 'inmemory',
      lambdaBundleDir: inject('lambdaBundleDir'),
      webDistDir: inject('webDistDir'),
      ...context,
    },
  });
}

/** Keep findings in the validation report instead of throwing, so a test can list them. */
export const REPORT_FINDINGS = { '@aws-cdk/core:failSynthOnValidationErrors': false };

export interface Synthesised {
  readonly stacks: NutritionistStacks;
  readonly assembly: CloudAssembly;
  template(stack: Stack): Template;
}

/** The whole app for one env × tier; `nag: false` leaves out the compliance plugins (for property tests). */
export function synth(env: EnvironmentName, tier: SecurityTierName, options: { nag: boolean }): Synthesised {
  const app = newApp({ env, tier, ...REPORT_FINDINGS });
  const stacks = options.nag ? defineNutritionistApp(app, TARGET) : defineNutritionistStacks(app, TARGET);
  const assembly = app.synth();
  const templates = new Map<Stack, Template>();
  return {
    stacks,
    assembly,
    template(stack) {
      let template = templates.get(stack);
      if (!template) {
        template = Template.fromJSON(
          JSON.parse(readFileSync(join(assembly.directory, stack.templateFile), 'utf8')) as Record<
            string,
            unknown
          >,
        );
        templates.set(stack, template);
      }
      return template;
    },
  };
}

interface ValidationReport {
  pluginReports: {
    pluginName: string;
    violations: {
      ruleName: string;
      severity: string;
      violatingResources?: { resourceLogicalId?: string; locations?: string[] }[];
    }[];
  }[];
}

/** Every finding of every validation plugin (cdk-nag packs, CloudFormation Validate), warnings included. */
export function validationFindings(assembly: CloudAssembly): string[] {
  const report: ValidationReport = JSON.parse(
    readFileSync(join(assembly.directory, 'validation-report.json'), 'utf8'),
  );
  return report.pluginReports.flatMap((plugin) =>
    plugin.violations.map(
      (v) => `${plugin.pluginName}: ${v.severity} ${v.ruleName} ${JSON.stringify(v.violatingResources ?? v)}`,
    ),
  );
}

type NagMetadata = { cdk_nag?: { rules_to_suppress: { id: string; reason: string }[] } };

/** Every acknowledgement written into a template: resource logical id, rule id, reason. */
export function acknowledgements(template: Template): { resource: string; id: string; reason: string }[] {
  const resources = template.toJSON().Resources as Record<string, { Metadata?: NagMetadata }>;
  return Object.entries(resources).flatMap(([resource, body]) =>
    (body.Metadata?.cdk_nag?.rules_to_suppress ?? []).map((rule) => ({ resource, ...rule })),
  );
}
