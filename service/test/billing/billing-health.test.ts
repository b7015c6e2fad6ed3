import { describe, expect, it } from 'vitest';
import { composeLocal } from '../../src/composition/local.ts';
import { loadConfig } from '../../src/config/config.ts';
import { createApp } from '../../src/http/app.ts';

const STRIPE = {
  STRIPE_SECRET_KEY: 'sk_test_0123456789abcdef',
  STRIPE_WEBHOOK_SECRET: 'whsec_0123456789abcdef',
  STRIPE_PRICE_PREMIUM: 'price_premium_1',
  STRIPE_PRICE_FAMILY: 'price_family_1',
};

async function health(env: Record<string, string>) {
  const runtime = composeLocal(loadConfig({ STORE: 'memory', LOG_LEVEL: 'silent', ...env }));
  try {
    const app = createApp(runtime.appDeps);
    const body = (await (await app.request('http://localhost/health')).json()) as {
      adapters: Record<string, string>;
    };
    const webhook = await app.request('http://localhost/webhooks/stripe', { method: 'POST', body: '{}' });
    return {
      adapters: body.adapters,
      webhook: webhook.status,
      scheduler: runtime.billingScheduler !== undefined,
    };
  } finally {
    await runtime.close();
  }
}

describe('/health says whether billing is on', () => {
  it('off by default: no webhook route, no lapse scheduler', async () => {
    expect(await health({})).toMatchObject({ adapters: { billing: 'off' }, webhook: 404, scheduler: false });
  });

  it('on with the four Stripe settings: the webhook refuses an unsigned body with 400', async () => {
    expect(await health(STRIPE)).toMatchObject({
      adapters: { billing: 'stripe' },
      webhook: 400,
      scheduler: true,
    });
  });
});
