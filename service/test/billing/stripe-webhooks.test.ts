import { afterEach, describe, expect, it } from 'vitest';
import { accountTier } from '../../src/core/billing/tiers.ts';
import { handleInboundMessage } from '../../src/core/use-cases/handle-inbound-message.ts';
import {
  type Delivery,
  type EventObject,
  type StripeEventCase,
  type SubscriptionSpec,
  stripeEventCases,
} from '../fixtures/stripe-events.ts';
import { fakeSubscription } from '../support/fake-stripe-api.ts';
import { BASE_URL, buildTestApp } from '../support/test-app.ts';
import { fakeStripeBilling, PRICES, signedStripeRequest } from './billing-support.ts';

const DAY = 86_400;
const ONBOARDING_EN = [
  'hi',
  'YES',
  'maintain',
  'no allergies, I eat everything',
  'just me, $90 a week',
  'skip',
];
const ONBOARDING_ES = [
  'hola',
  'sí',
  'mantener',
  'sin alergias, como de todo',
  'solo yo, 80 dólares',
  'omitir',
];

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

async function runCase(testCase: StripeEventCase, phone: string) {
  const built = buildTestApp();
  const { fake, billing } = await fakeStripeBilling(built.stores.billing);
  stops.push(() => fake.stop());
  const { app, stores, clock, outbox } = buildTestApp({ stores: built.stores, billing });
  const inbound = { ...built.inboundDeps, clock, billing: billing.deps };
  const say = (text: string) =>
    handleInboundMessage(inbound, { channel: 'sms', sender: { phone }, text, hasMedia: false });
  for (const text of testCase.spanish ? ONBOARDING_ES : ONBOARDING_EN) await say(text);
  const upgrade = await say(testCase.checkout === 'family' ? 'family plan' : 'upgrade');
  expect(upgrade.replies.join(' ')).toContain('https://checkout.stripe.com/c/pay/');
  const checkout = fake.checkoutRequests().at(-1);
  const reference = checkout?.form.client_reference_id ?? '';
  const user = await stores.users.findByPhone(phone);
  const customer = [...fake.customers].at(-1) ?? '';
  if (!user) throw new Error('no user');
  if (testCase.optedOut) await say('STOP');
  outbox.takeNew(user.id);

  const nowSeconds = () => Math.floor(clock.now().getTime() / 1000);
  const spec = (s: SubscriptionSpec) =>
    fakeSubscription({
      id: s.id,
      customer,
      status: s.status,
      priceId: s.price === 'unknown' ? 'price_other_test' : PRICES[s.price],
      periodEnd: nowSeconds() + s.periodEndDays * DAY,
      created: nowSeconds() + (s.createdDays ?? 0) * DAY,
      ...(s.cancelAtPeriodEnd === undefined ? {} : { cancelAtPeriodEnd: s.cancelAtPeriodEnd }),
      reference,
    });
  const objectOf = (object: EventObject): unknown => {
    switch (object.kind) {
      case 'checkout_session':
        return {
          id: 'cs_test_event',
          object: 'checkout.session',
          mode: object.mode ?? 'subscription',
          client_reference_id: object.reference ?? reference,
          customer,
          subscription: object.subscription,
          status: 'complete',
          payment_status: 'paid',
        };
      case 'subscription':
        return spec(object.spec);
      case 'invoice':
        return {
          id: `in_${object.subscription}`,
          object: 'invoice',
          customer,
          parent: {
            type: 'subscription_details',
            subscription_details: { subscription: object.subscription },
          },
        };
      case 'raw':
        return object.object;
    }
  };
  const statuses: number[] = [];
  for (const delivery of testCase.deliveries) {
    for (const s of delivery.stripeNow ?? []) fake.setSubscription(spec(s));
    statuses.push(await deliver(app, delivery, objectOf(delivery.object), nowSeconds()));
  }
  const account = await stores.billing?.get(user.id);
  const sent = outbox.takeNew(user.id);
  return {
    statuses,
    tier: accountTier(account, clock.now()),
    status: account?.subscriptionId ? account.status : 'none',
    cancelAtPeriodEnd: account?.cancelAtPeriodEnd,
    sent,
    reference,
    phone,
  };
}

async function deliver(
  app: ReturnType<typeof buildTestApp>['app'],
  delivery: Delivery,
  object: unknown,
  now: number,
): Promise<number> {
  const event = {
    id: delivery.id,
    object: 'event',
    api_version: '2026-10-28.endive',
    created: now,
    livemode: false,
    type: delivery.type,
    data: { object },
  };
  const json = delivery.rawBody ?? JSON.stringify(event);
  const signing = delivery.signing ?? 'valid';
  const url = `${BASE_URL}/webhooks/stripe`;
  const request =
    signing === 'wrong_secret'
      ? signedStripeRequest(url, json, { timestamp: now, secret: 'whsec_forger0123456789' })
      : signing === 'missing'
        ? signedStripeRequest(url, json, { timestamp: now, header: null })
        : signing === 'garbage'
          ? signedStripeRequest(url, json, { timestamp: now, header: 'sha256=deadbeef' })
          : signing === 'stale'
            ? signedStripeRequest(url, json, { timestamp: now - 600 })
            : signing === 'tampered'
              ? tampered(signedStripeRequest(url, json, { timestamp: now }), json)
              : signedStripeRequest(url, json, { timestamp: now });
  const response = await app.request(await request);
  if (response.status >= 400) {
    const body = (await response.json()) as { error?: { code?: string; message?: string } };
    // Every refusal names its reason.
    expect(body.error?.code).toBeTruthy();
    expect(body.error?.message).toBeTruthy();
  }
  return response.status;
}

/** The same signature over a body with one character changed. */
async function tampered(request: Request, json: string): Promise<Request> {
  const changed = json.replace('"livemode":false', '"livemode":true ');
  return new Request(request.url, { method: 'POST', headers: request.headers, body: changed });
}

describe('Stripe webhooks (test/fixtures/stripe-events.ts)', () => {
  stripeEventCases.forEach((testCase, index) => {
    it(testCase.name, async () => {
      const phone = `+1555013${String(2000 + index).padStart(4, '0')}`;
      const result = await runCase(testCase, phone);
      expect(result.statuses).toStrictEqual(testCase.deliveries.map((d) => d.status));
      expect(result.statuses.every((status) => status < 500)).toBe(true);
      expect({ tier: result.tier, status: result.status }).toStrictEqual({
        tier: testCase.expect.tier,
        status: testCase.expect.status,
      });
      if (testCase.expect.cancelAtPeriodEnd !== undefined) {
        expect(result.cancelAtPeriodEnd).toBe(testCase.expect.cancelAtPeriodEnd);
      }
      const joined = result.sent.join('\n');
      for (const fragment of testCase.expect.sms ?? [])
        expect(joined.toLowerCase()).toContain(fragment.toLowerCase());
      expect(result.sent).toHaveLength(
        testCase.expect.smsCount ?? (testCase.expect.sms ? result.sent.length : 0),
      );
      // What went to Stripe and what we sent never carries the number.
      expect(result.reference).not.toContain(result.phone.slice(2));
      expect(joined).not.toContain('undefined');
    });
  });
});
