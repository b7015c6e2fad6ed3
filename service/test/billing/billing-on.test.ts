import { afterEach, describe, expect, it } from 'vitest';
import { accountTier } from '../../src/core/billing/tiers.ts';
import { runFamilyLapses } from '../../src/core/use-cases/family-lapse.ts';
import { handleInboundMessage } from '../../src/core/use-cases/handle-inbound-message.ts';
import { fakeSubscription } from '../support/fake-stripe-api.ts';
import { BASE_URL, buildTestApp } from '../support/test-app.ts';
import { fakeStripeBilling, PRICES, signedStripeRequest } from './billing-support.ts';

/**
 * Billing ON (issue 8), through the use case and the webhook: the Checkout and Portal requests on the wire, the Free
 * limits and their EN/ES upgrade messages, what is never behind a paywall, erasure cancelling at Stripe and leaving
 * no link to the customer, a Family that lapses, and a Stripe outage.
 */
const DAY_MS = 86_400_000;
const ONBOARD = [
  'hi',
  'YES',
  'maintain',
  'no allergies, I eat everything',
  'just me, $90 a week',
  '34 female 165cm 62kg moderate',
];

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

async function billingApp() {
  const built = buildTestApp();
  const stripe = await fakeStripeBilling(built.stores.billing);
  stops.push(() => stripe.fake.stop());
  const t = buildTestApp({ stores: built.stores, billing: stripe.billing });
  const deps = { ...t.inboundDeps, billing: stripe.deps };
  const say = async (phone: string, text: string) =>
    (
      await handleInboundMessage(deps, { channel: 'sms', sender: { phone }, text, hasMedia: false })
    ).replies.join('\n');
  const onboard = async (phone: string, script = ONBOARD) => {
    for (const text of script) await say(phone, text);
    const user = await t.stores.users.findByPhone(phone);
    if (!user) throw new Error('not onboarded');
    return user;
  };
  let n = 0;
  /** Makes the user's subscription live at the fake and tells the service through a signed webhook. */
  const subscribe = async (
    userId: string,
    price: keyof typeof PRICES,
    over: { periodEndMs?: number } = {},
  ) => {
    const checkout = stripe.fake.checkoutRequests().at(-1);
    const reference = checkout?.form.client_reference_id ?? '';
    const customer = [...stripe.fake.customers].at(-1) ?? '';
    const now = Math.floor(t.clock.now().getTime() / 1000);
    const subscription = fakeSubscription({
      id: `sub_${userId.slice(-4)}`,
      customer,
      status: 'active',
      priceId: PRICES[price],
      periodEnd: Math.floor((t.clock.now().getTime() + (over.periodEndMs ?? 30 * DAY_MS)) / 1000),
      created: now,
      reference,
    });
    stripe.fake.setSubscription(subscription);
    const status = await sendEvent('checkout.session.completed', {
      id: 'cs_test_x',
      object: 'checkout.session',
      mode: 'subscription',
      client_reference_id: reference,
      customer,
      subscription: subscription.id,
    });
    expect(status).toBe(200);
    return { subscription, customer, reference };
  };
  const sendEvent = async (type: string, object: unknown) => {
    const now = Math.floor(t.clock.now().getTime() / 1000);
    const body = JSON.stringify({ id: `evt_${++n}`, object: 'event', type, created: now, data: { object } });
    const response = await t.app.request(
      signedStripeRequest(`${BASE_URL}/webhooks/stripe`, body, { timestamp: now }),
    );
    return response.status;
  };
  return { ...t, ...stripe, deps, say, onboard, subscribe, sendEvent };
}

describe('billing on', () => {
  it('upgrade: a Checkout Session in subscription mode with an opaque reference, never the number or user id', async () => {
    const b = await billingApp();
    const phone = '+15550130101';
    const user = await b.onboard(phone);
    const reply = await b.say(phone, 'upgrade');
    expect(reply).toContain('Premium');
    expect(reply).toContain('https://checkout.stripe.com/c/pay/cs_test_');
    const request = b.fake.checkoutRequests().at(-1);
    expect(request?.authorization).toBe('Bearer sk_test_fake0123456789');
    expect(request?.contentType).toContain('application/x-www-form-urlencoded');
    expect(request?.form).toMatchObject({
      mode: 'subscription',
      'line_items[0][price]': PRICES.premium,
      'line_items[0][quantity]': '1',
      success_url: `${BASE_URL}/?billing=success`,
    });
    const reference = request?.form.client_reference_id ?? '';
    expect(reference.length).toBeGreaterThanOrEqual(16);
    expect(request?.form['subscription_data[metadata][reference]']).toBe(reference);
    const wire = JSON.stringify(request?.form);
    for (const secret of [phone, phone.slice(2), user.id]) expect(wire).not.toContain(secret);
    // The same opaque reference on a second ask; the family price for "family plan".
    expect(await b.say(phone, 'plan familiar')).toContain('checkout.stripe.com');
    expect(b.fake.checkoutRequests().at(-1)?.form).toMatchObject({
      client_reference_id: reference,
      'line_items[0][price]': PRICES.family,
    });
  });

  it('Free limits: one plan and three swaps a week, friendly EN/ES upgrade messages; HELP and export stay free', async () => {
    const b = await billingApp();
    const phone = '+15550130102';
    await b.onboard(phone);
    expect(await b.say(phone, 'plan')).toContain('/p/');
    const second = await b.say(phone, 'plan');
    expect(second).toContain('free plan for this week');
    expect(second).toContain('UPGRADE');
    expect(second).not.toContain('/p/');
    for (const text of ['swap dinner', 'swap lunch on friday', 'no fish this week']) {
      expect(await b.say(phone, text)).not.toContain('free swaps');
    }
    expect(await b.say(phone, 'swap dinner')).toContain('3 free swaps');
    // Marking groceries at home costs nothing.
    expect(await b.say(phone, 'have rice')).not.toContain('UPGRADE');
    expect(await b.say(phone, 'HELP')).toContain('help@example.org');
    expect(await b.say(phone, 'export my data')).toContain('/export/');
    // A new week (Monday, in the user's zone): a plan again.
    b.clock.advance(5 * DAY_MS);
    expect(await b.say(phone, 'plan')).toContain('/p/');

    const spanish = '+15550130103';
    for (const text of [
      'hola',
      'sí',
      'mantener',
      'sin alergias, como de todo',
      'solo yo, 80 dólares',
      '40 mujer 160cm 60kg moderada',
    ])
      await b.say(spanish, text);
    await b.say(spanish, 'plan');
    const limit = await b.say(spanish, 'plan');
    expect(limit).toContain('plan gratis de esta semana');
    expect(limit).not.toContain('free plan');
  });

  it('Premium lifts the limits; billing gives the portal link; a household plan or an invitation needs Family', async () => {
    const b = await billingApp();
    const phone = '+15550130104';
    const user = await b.onboard(phone);
    expect(await b.say(phone, 'billing')).toContain('no subscription yet');
    expect(await b.say(phone, 'add my wife Ana +15550130105')).toContain('part of Family');
    await b.say(phone, 'upgrade');
    await b.subscribe(user.id, 'premium');
    expect(await b.say(phone, 'upgrade')).toContain('already have Premium');
    for (let i = 0; i < 3; i++) expect(await b.say(phone, 'plan')).toContain('/p/');
    const portal = await b.say(phone, 'cancel my subscription');
    expect(portal).toContain('https://billing.stripe.com/p/session/');
    const portalRequest = b.fake.requests.find((r) => r.path === '/v1/billing_portal/sessions');
    expect(portalRequest?.form.return_url).toBe(BASE_URL);
    expect(await b.say(phone, 'family of 4, $180 a week')).toBeTruthy();
    // The members are asked for first (no costly work yet); the household plan itself needs Family.
    expect(await b.say(phone, 'plan')).toContain('age and sex');
    expect(await b.say(phone, 'partner 36 male, kids 8 and 5 (boy and girl)')).toContain('part of Family');
  });

  it('erasure cancels the subscription at Stripe first and keeps no link to the Stripe customer', async () => {
    const b = await billingApp();
    const phone = '+15550130106';
    const user = await b.onboard(phone);
    await b.say(phone, 'upgrade');
    const { subscription, customer, reference } = await b.subscribe(user.id, 'premium');
    const exported = await import('../../src/core/use-cases/export-user.ts').then((m) =>
      m.collectUserExport(b.stores, user.id, b.clock.now()),
    );
    expect(exported?.billing).toMatchObject({ tier: 'premium', status: 'active', customerId: customer });
    await b.say(phone, 'delete my data');
    await b.say(phone, 'DELETE ALL');
    expect(
      b.fake.requests.some((r) => r.method === 'DELETE' && r.path === `/v1/subscriptions/${subscription.id}`),
    ).toBe(true);
    expect(b.fake.subscriptions.get(subscription.id)?.status).toBe('canceled');
    expect(await b.stores.billing?.get(user.id)).toBeUndefined();
    expect(await b.stores.billing?.findByCustomer(customer)).toBeUndefined();
    expect(await b.stores.billing?.findByReference(reference)).toBeUndefined();
    // Stripe's own later events about that customer find nobody.
    const status = await b.sendEvent(
      'customer.subscription.deleted',
      b.fake.subscriptions.get(subscription.id),
    );
    expect(status).toBe(200);
    expect(await b.stores.billing?.findByCustomer(customer)).toBeUndefined();
  });

  it('a Family that lapses keeps the members’ shared plan until the period ends, then tells them', async () => {
    const b = await billingApp();
    const owner = '+15550130107';
    const member = '+15550130108';
    const ownerUser = await b.onboard(owner);
    await b.say(owner, 'family plan');
    const { subscription } = await b.subscribe(ownerUser.id, 'family', { periodEndMs: 10 * DAY_MS });
    expect(await b.say(owner, 'add my wife Ana +15550130108')).toContain('ending in 0108');
    for (let i = 0; i < 3; i++) await b.say(member, 'yes');
    const memberUser = await b.stores.users.findByPhone(member);
    if (!memberUser) throw new Error('no member');
    const joined = await b.stores.households.activeForOwner(ownerUser.id, b.clock.now());
    expect(joined.map((link) => link.status)).toStrictEqual(['joined']);
    b.outbox.takeNew(memberUser.id);
    // Cancelled at the period's end: still Family now, members keep the shared plan.
    b.fake.setSubscription({ ...subscription, cancel_at_period_end: true });
    expect(await b.sendEvent('customer.subscription.updated', subscription)).toBe(200);
    expect(accountTier(await b.stores.billing?.get(ownerUser.id), b.clock.now())).toBe('family');
    expect(await runFamilyLapses({ ...b.deps, billing: b.deps.billing })).toBe(0);
    expect(b.outbox.takeNew(memberUser.id)).toStrictEqual([]);
    // The period ends: Stripe deletes the subscription; the member is told once, the link ends.
    b.clock.advance(11 * DAY_MS);
    b.fake.setSubscription({
      ...subscription,
      status: 'canceled',
      ended_at: Math.floor(b.clock.now().getTime() / 1000),
    });
    expect(await b.sendEvent('customer.subscription.deleted', subscription)).toBe(200);
    const told = b.outbox.takeNew(memberUser.id).join('\n');
    expect(told).toContain('Family plan');
    expect(told).toContain('0107');
    expect(told).not.toContain('+15550130107');
    expect(await b.stores.households.activeForOwner(ownerUser.id, b.clock.now())).toStrictEqual([]);
    expect(await runFamilyLapses({ ...b.deps, billing: b.deps.billing })).toBe(0);
    expect(b.outbox.takeNew(memberUser.id)).toStrictEqual([]);
  });

  it('a Family whose period ends with no webhook is found by the scheduled check', async () => {
    const b = await billingApp();
    const owner = '+15550130109';
    const ownerUser = await b.onboard(owner);
    await b.say(owner, 'family plan');
    const { subscription } = await b.subscribe(ownerUser.id, 'family', { periodEndMs: 2 * DAY_MS });
    await b.say(owner, 'add my son +15550130110');
    for (let i = 0; i < 3; i++) await b.say('+15550130110', 'yes');
    b.fake.setSubscription({ ...subscription, status: 'canceled' });
    expect(await b.sendEvent('customer.subscription.deleted', subscription)).toBe(200);
    const memberUser = await b.stores.users.findByPhone('+15550130110');
    if (!memberUser) throw new Error('no member');
    b.outbox.takeNew(memberUser.id);
    expect(await runFamilyLapses({ ...b.deps, billing: b.deps.billing })).toBe(0);
    b.clock.advance(3 * DAY_MS);
    expect(await runFamilyLapses({ ...b.deps, billing: b.deps.billing })).toBe(1);
    expect(b.outbox.takeNew(memberUser.id).join('\n')).toContain('Family plan');
  });

  it('Stripe down: "upgrade" says try again, and a webhook answers 503 and is applied on the retry', async () => {
    const b = await billingApp();
    const phone = '+15550130111';
    const user = await b.onboard(phone);
    b.fake.failing = true;
    expect(await b.say(phone, 'upgrade')).toContain('try again');
    b.fake.failing = false;
    await b.say(phone, 'upgrade');
    const reference = b.fake.checkoutRequests().at(-1)?.form.client_reference_id ?? '';
    const customer = [...b.fake.customers].at(-1) ?? '';
    const now = Math.floor(b.clock.now().getTime() / 1000);
    b.fake.setSubscription(
      fakeSubscription({
        id: 'sub_down',
        customer,
        status: 'active',
        priceId: PRICES.premium,
        periodEnd: now + 86_400 * 30,
        created: now,
        reference,
      }),
    );
    const body = JSON.stringify({
      id: 'evt_down',
      object: 'event',
      type: 'checkout.session.completed',
      created: now,
      data: {
        object: {
          id: 'cs_1',
          object: 'checkout.session',
          mode: 'subscription',
          client_reference_id: reference,
          customer,
          subscription: 'sub_down',
        },
      },
    });
    const post = () =>
      b.app.request(signedStripeRequest(`${BASE_URL}/webhooks/stripe`, body, { timestamp: now }));
    b.fake.failing = true;
    expect((await post()).status).toBe(503);
    b.fake.failing = false;
    expect((await post()).status).toBe(200);
    expect(accountTier(await b.stores.billing?.get(user.id), b.clock.now())).toBe('premium');
  });

  it('billing off: the webhook route answers 404 not_configured', async () => {
    const { app } = buildTestApp();
    const response = await app.request(
      signedStripeRequest(`${BASE_URL}/webhooks/stripe`, '{}', { timestamp: Math.floor(Date.now() / 1000) }),
    );
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not_configured');
  });
});
