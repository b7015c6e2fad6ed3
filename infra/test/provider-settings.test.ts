import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { FUNCTION_NAMES, type FunctionName } from '../config/deployment-config.ts';
import { defineNutritionistStacks } from '../lib/nutritionist-app.ts';
import { newApp, REPORT_FINDINGS, TARGET } from './synth.ts';

const PRICES = { premiumPriceId: 'price_premium_2026', familyPriceId: 'price_family_2026' };
const STRIPE_KEYS = [
  'STRIPE_PRICE_PREMIUM',
  'STRIPE_PRICE_FAMILY',
  'STRIPE_SECRET_KEY_SECRET_ID',
  'STRIPE_WEBHOOK_SECRET_SECRET_ID',
];

/** The stateless stack of dev/basic, with `overrides` given as `-c configFile=…` is. */
function functionsOf(overrides: Record<string, unknown>) {
  const dir = mkdtempSync(join(tmpdir(), 'nutritionist-billing-'));
  const configFile = join(dir, 'deployment.json');
  writeFileSync(configFile, JSON.stringify(overrides));
  const app = newApp({ env: 'dev', tier: 'basic', configFile, ...REPORT_FINDINGS });
  const stacks = defineNutritionistStacks(app, TARGET);
  const template = Template.fromStack(stacks.stateless);
  const resources = template.toJSON().Resources as Record<string, { Properties: Record<string, unknown> }>;
  const environment = (name: FunctionName) => {
    const id = stacks.stateless.getLogicalId(
      stacks.stateless.functions.get(name).function.node.defaultChild as never,
    );
    const variables = (resources[id]?.Properties.Environment as { Variables?: Record<string, unknown> })
      ?.Variables;
    return variables ?? {};
  };
  /** The resources (JSON) a function's role may call `action` on. */
  const resourcesFor = (name: FunctionName, action: string) => {
    const role = stacks.stateless.getLogicalId(
      stacks.stateless.functions.get(name).function.role?.node.defaultChild as never,
    );
    return Object.values(resources)
      .filter((resource) => JSON.stringify(resource.Properties.Roles ?? []).includes(role))
      .flatMap(
        (policy) =>
          (policy.Properties.PolicyDocument as { Statement: { Action: unknown; Resource: unknown }[] })
            .Statement,
      )
      .filter((statement) => [statement.Action].flat().includes(action))
      .map((statement) => JSON.stringify(statement.Resource));
  };
  /** The ARN tokens of the secrets a function's role may read. */
  const readableSecrets = (name: FunctionName) => resourcesFor(name, 'secretsmanager:GetSecretValue');
  return { environment, readableSecrets, resourcesFor };
}

describe('billing in the deployment', () => {
  it('gives no function a Stripe setting while billing is not configured', () => {
    const { environment, readableSecrets } = functionsOf({});
    for (const name of FUNCTION_NAMES) {
      expect(Object.keys(environment(name)).filter((key) => key.startsWith('STRIPE_'))).toEqual([]);
      expect(readableSecrets(name).join()).not.toMatch(/Stripe/);
    }
  });

  it('gives the price ids and the two Stripe secrets (as ARNs) to the functions that take messages', () => {
    const { environment, readableSecrets } = functionsOf({ billing: PRICES });
    for (const name of ['http', 'aws-sms-inbound'] as const) {
      const env = environment(name);
      expect(Object.keys(env)).toEqual(expect.arrayContaining(STRIPE_KEYS));
      expect(env.STRIPE_PRICE_PREMIUM).toBe(PRICES.premiumPriceId);
      expect(env.STRIPE_PRICE_FAMILY).toBe(PRICES.familyPriceId);
      expect(readableSecrets(name).join()).toMatch(/StripeSecretKey/);
      expect(readableSecrets(name).join()).toMatch(/StripeWebhookSecret/);
    }
    for (const name of ['worker', 'scheduler'] as const) {
      expect(Object.keys(environment(name)).filter((key) => key.startsWith('STRIPE_'))).toEqual([]);
      expect(readableSecrets(name).join()).not.toMatch(/Stripe/);
    }
  });

  it('refuses a price id that is not one', () => {
    expect(() => functionsOf({ billing: { ...PRICES, familyPriceId: 'family' } })).toThrow(
      /billing\.familyPriceId: must be a Stripe price id/,
    );
  });
});

describe('Twilio in the deployment', () => {
  const TWILIO = { accountSid: `AC${'0f'.repeat(16)}`, fromNumber: '+15550009999' };

  it('gives the account and sender to the functions holding the auth token, which send queued messages', () => {
    const { environment } = functionsOf({ twilio: TWILIO });
    for (const name of ['http', 'worker'] as const) {
      expect(environment(name)).toMatchObject({
        TWILIO_ACCOUNT_SID: TWILIO.accountSid,
        TWILIO_FROM_NUMBER: TWILIO.fromNumber,
        TWILIO_AUTH_TOKEN_SECRET_ID: expect.anything(),
      });
    }
    for (const name of ['scheduler', 'aws-sms-inbound'] as const) {
      expect(environment(name).TWILIO_ACCOUNT_SID).toBeUndefined();
    }
  });

  it('refuses an account without a sender', () => {
    expect(() => functionsOf({ twilio: { accountSid: TWILIO.accountSid } })).toThrow(
      /twilio.*needs a sender/,
    );
  });
});

describe('the language model in the deployment', () => {
  it('lets the HTTP function and the worker invoke the configured inference profile and only its model', () => {
    const { resourcesFor } = functionsOf({});
    for (const name of ['http', 'worker'] as const) {
      const granted = resourcesFor(name, 'bedrock:InvokeModel').join();
      expect(granted).toContain('inference-profile/us.anthropic.claude-haiku-4-5-20251001-v1:0');
      expect(granted).toContain(':bedrock:*::foundation-model/anthropic.claude-haiku-4-5-20251001-v1:0');
      expect(granted).not.toContain('foundation-model/*');
    }
    for (const name of ['scheduler', 'aws-sms-inbound'] as const) {
      expect(resourcesFor(name, 'bedrock:InvokeModel')).toEqual([]);
    }
  });

  it('grants a bare model id in the deployment region only', () => {
    const { resourcesFor } = functionsOf({
      language: { bedrockModelId: 'anthropic.claude-3-haiku-20240307-v1:0' },
    });
    const granted = resourcesFor('worker', 'bedrock:InvokeModel').join();
    expect(granted).toContain('foundation-model/anthropic.claude-3-haiku-20240307-v1:0');
    expect(granted).not.toContain('inference-profile');
    expect(granted).not.toContain(':bedrock:*:');
  });
});
