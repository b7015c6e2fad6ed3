import { describe, expect, it } from 'vitest';
import { parseBillingIntent } from './billing-intent.ts';

describe('billing phrases', () => {
  it.each([
    ['upgrade', 'premium'],
    ['Upgrade!', 'premium'],
    ['upgrde', 'premium'],
    ['upgrade to premium', 'premium'],
    ['PREMIUM', 'premium'],
    ['pasar a premium', 'premium'],
    ['family plan', 'family'],
    ['upgrade to the family plan', 'family'],
    ['plan familiar', 'family'],
  ])('%s → checkout for %s', (text, tier) => {
    expect(parseBillingIntent(text)).toStrictEqual({ kind: 'billing_upgrade', tier });
  });

  it.each([
    'billing',
    'manage billing',
    'my subscription',
    'cancel subscription',
    'cancel my subscription',
    'suscripción',
    'mi suscripcion',
    'facturación',
    'cancelar suscripción',
    'cancelar mi suscripcion',
  ])('%s → the customer portal', (text) => {
    expect(parseBillingIntent(text)).toStrictEqual({ kind: 'billing_portal' });
  });

  it.each([
    'plan',
    'cancel',
    'STOP',
    'family',
    'is premium olive oil worth it?',
    'plan for my family of 4',
    'my family',
    'premium '.repeat(20),
    'cancel the dinner',
  ])('%s is not about billing', (text) => {
    expect(parseBillingIntent(text)).toBeUndefined();
  });
});
