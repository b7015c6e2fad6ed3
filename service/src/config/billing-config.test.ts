import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const STRIPE = {
  STRIPE_SECRET_KEY: 'sk_test_0123456789abcdef',
  STRIPE_WEBHOOK_SECRET: 'whsec_0123456789abcdef',
  STRIPE_PRICE_PREMIUM: 'price_premium_1',
  STRIPE_PRICE_FAMILY: 'price_family_1',
};

describe('billing configuration', () => {
  it('is off when no STRIPE_* setting is given (the default)', () => {
    expect(loadConfig({}).billing).toStrictEqual({ enabled: false });
    expect(loadConfig({ STRIPE_SECRET_KEY: '', STRIPE_WEBHOOK_SECRET: '' }).billing).toStrictEqual({
      enabled: false,
    });
  });

  it('is on with all four, with the suggested limits by default', () => {
    expect(loadConfig(STRIPE).billing).toStrictEqual({
      enabled: true,
      secretKey: STRIPE.STRIPE_SECRET_KEY,
      webhookSecret: STRIPE.STRIPE_WEBHOOK_SECRET,
      prices: { premium: 'price_premium_1', family: 'price_family_1' },
      webhookToleranceSeconds: 300,
      freePlansPerWeek: 1,
      freeSwapsPerWeek: 3,
      familyMembers: 6,
    });
    expect(
      loadConfig({ ...STRIPE, BILLING_FREE_SWAPS_PER_WEEK: '5', BILLING_FAMILY_MEMBERS: '4' }).billing,
    ).toMatchObject({ freeSwapsPerWeek: 5, familyMembers: 4 });
  });

  it('stops with the variable named when only some are given or one is malformed', () => {
    const { STRIPE_WEBHOOK_SECRET: _, ...withoutSecret } = STRIPE;
    expect(() => loadConfig(withoutSecret)).toThrow(ConfigError);
    expect(() => loadConfig(withoutSecret)).toThrow(/STRIPE_WEBHOOK_SECRET/);
    expect(() => loadConfig({ ...STRIPE, STRIPE_SECRET_KEY: 'pk_test_public' })).toThrow(/STRIPE_SECRET_KEY/);
    expect(() => loadConfig({ ...STRIPE, STRIPE_PRICE_FAMILY: 'price_premium_1' })).toThrow(
      /STRIPE_PRICE_FAMILY/,
    );
    expect(() => loadConfig({ ...STRIPE, STRIPE_WEBHOOK_TOLERANCE_SECONDS: '5' })).toThrow(
      /STRIPE_WEBHOOK_TOLERANCE_SECONDS/,
    );
  });
});
