import { describe, expect, it } from 'vitest';
import { withSecrets } from '../../src/composition/aws-container.ts';
import { ConfigError, loadConfig } from '../../src/config/config.ts';

const ON_AWS = {
  STRIPE_SECRET_KEY_SECRET_ID: 'ai-nutritionist/prod/stripe-secret-key',
  STRIPE_WEBHOOK_SECRET_SECRET_ID: 'ai-nutritionist/prod/stripe-webhook-secret',
  STRIPE_PRICE_PREMIUM: 'price_premium_1',
  STRIPE_PRICE_FAMILY: 'price_family_1',
};

/** A secret store holding `values` by id, as Secrets Manager would answer. */
const reader = (values: Record<string, string>) => ({
  read: async (id: string) => {
    const value = values[id];
    if (value === undefined) throw new Error(`no secret ${id}`);
    return value;
  },
});

describe('billing with its secrets in Secrets Manager (AWS)', () => {
  it('waits for the secrets: billing is off until they are read, then on with them', async () => {
    const base = loadConfig(ON_AWS);
    expect(base.billing.enabled).toBe(false);
    const resolved = await withSecrets(
      base,
      reader({
        [ON_AWS.STRIPE_SECRET_KEY_SECRET_ID]: 'sk_live_0123456789abcdef',
        [ON_AWS.STRIPE_WEBHOOK_SECRET_SECRET_ID]: 'whsec_0123456789abcdef',
      }),
    );
    expect(resolved.billing).toStrictEqual({
      enabled: true,
      secretKey: 'sk_live_0123456789abcdef',
      webhookSecret: 'whsec_0123456789abcdef',
      prices: { premium: 'price_premium_1', family: 'price_family_1' },
      webhookToleranceSeconds: 300,
      freePlansPerWeek: 1,
      freeSwapsPerWeek: 3,
      familyMembers: 6,
    });
  });

  it('names the secret id, never the value, when a secret holds something else', async () => {
    const attempt = withSecrets(
      loadConfig(ON_AWS),
      reader({
        [ON_AWS.STRIPE_SECRET_KEY_SECRET_ID]: 'pk_live_publishable_0123',
        [ON_AWS.STRIPE_WEBHOOK_SECRET_SECRET_ID]: 'whsec_0123456789abcdef',
      }),
    );
    await expect(attempt).rejects.toThrow(ConfigError);
    await expect(attempt).rejects.toThrow(/^Invalid configuration: STRIPE_SECRET_KEY_SECRET_ID: /);
    await expect(attempt).rejects.not.toThrow(/pk_live/);
  });

  it('still needs the price ids, and refuses a secret given both ways', () => {
    const { STRIPE_PRICE_FAMILY: _, ...withoutFamily } = ON_AWS;
    expect(() => loadConfig(withoutFamily)).toThrow(/STRIPE_PRICE_FAMILY/);
    expect(() => loadConfig({ ...ON_AWS, STRIPE_SECRET_KEY: 'sk_test_0123456789abcdef' })).toThrow(
      /STRIPE_SECRET_KEY_SECRET_ID: set STRIPE_SECRET_KEY or STRIPE_SECRET_KEY_SECRET_ID, not both/,
    );
  });

  it('leaves billing off when no Stripe setting is given', async () => {
    expect((await withSecrets(loadConfig({}), reader({}))).billing).toStrictEqual({ enabled: false });
  });
});
