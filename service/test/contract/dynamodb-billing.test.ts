import { expect, it } from 'vitest';
import type { BillingAccount } from '../../src/core/billing/billing-account.ts';
import type { BillingStore } from '../../src/core/ports/billing-store.port.ts';
import { describeOnDynamoDbLocal } from '../support/dynamodb-suite.ts';
import { at, aUser } from './contract-support.ts';

const account = (over: Partial<BillingAccount> = {}): BillingAccount => ({
  userId: 'user-1',
  reference: 'ref-0123456789abcdef',
  cancelAtPeriodEnd: false,
  version: 1,
  updatedAt: at(0).toISOString(),
  ...over,
});

/** What the billing contract cannot see on DynamoDB: the items an erasure leaves, usage TTLs, shared customers. */
describeOnDynamoDbLocal('dynamodb billing store specifics', (local) => {
  async function fresh() {
    const { stores, items } = await local.freshTable('billing', {
      pseudonymKey: 'billing-test-pseudonym-key-0123456789',
    });
    const billing: BillingStore | undefined = stores.billing;
    if (!billing) throw new Error('the DynamoDB family has no billing store');
    return { stores, billing, items };
  }

  it('erasure leaves no billing account, usage count, reference, customer or Family item of the user', async () => {
    const { stores, billing, items } = await fresh();
    await stores.users.create(aUser());
    await billing.save(account({ customerId: 'cus_1', subscriptionId: 'sub_1', tier: 'family' }));
    await billing.consume('user-1', '2026-W48', 'plan', 1);
    await billing.consume('user-1', '2026-W48', 'swap', 3);
    await billing.consume('user-1', '2026-W49', 'swap', 3);
    const result = await stores.commit([
      {
        kind: 'erase_user',
        userId: 'user-1',
        subject: '+15555550101',
        erasure: { id: 'e-1', at: at(5).toISOString() },
      },
    ]);
    expect(result).toEqual({ ok: true });
    const left = await items();
    expect(left.map((item) => item.kind)).toEqual(['erasure']);
    const text = JSON.stringify(left);
    for (const trace of ['user-1', 'cus_1', 'sub_1', 'ref-0123456789abcdef'])
      expect(text).not.toContain(trace);
  });

  it('stamps each usage count with a TTL four weeks after its ISO week ends', async () => {
    const { billing, items } = await fresh();
    await billing.consume('user-1', '2026-W48', 'swap', 3);
    await billing.consume('user-1', '2026-W01', 'plan', 1);
    await billing.consume('user-1', '2026-W53', 'plan', 1);
    const expiries = Object.fromEntries(
      (await items()).map((item) => [String(item.sk), { expiresAtMs: item.expiresAtMs, ttl: item.ttl }]),
    );
    const stamp = (iso: string) => ({ expiresAtMs: Date.parse(iso), ttl: Date.parse(iso) / 1000 });
    // 2026-W48 runs from Monday 23 November; 2026-W01 from Monday 29 December 2025; 2026-W53 from 28 December.
    expect(Object.values(expiries)).toEqual(
      expect.arrayContaining([
        stamp('2026-12-28T00:00:00.000Z'),
        stamp('2026-02-02T00:00:00.000Z'),
        stamp('2027-02-01T00:00:00.000Z'),
      ]),
    );
    expect(Object.keys(expiries)).toHaveLength(3);
  });

  it('a customer named by two accounts is found through the latest updated, and erasing one keeps the other', async () => {
    const { stores, billing } = await fresh();
    await stores.users.create(aUser());
    await billing.save(account({ customerId: 'cus_1', updatedAt: at(0).toISOString() }));
    const second = account({
      userId: 'user-2',
      reference: 'ref-other-0123456789',
      customerId: 'cus_1',
      updatedAt: at(5).toISOString(),
    });
    await billing.save(second);
    expect((await billing.findByCustomer('cus_1'))?.userId).toBe('user-2');
    await billing.save(account({ customerId: 'cus_1', version: 2, updatedAt: at(10).toISOString() }));
    expect((await billing.findByCustomer('cus_1'))?.userId).toBe('user-1');
    await stores.commit([
      {
        kind: 'erase_user',
        userId: 'user-1',
        subject: '+15555550101',
        erasure: { id: 'e-1', at: at(20).toISOString() },
      },
    ]);
    expect(await billing.findByCustomer('cus_1')).toStrictEqual(second);
  });

  it('of 20 racing uses at limit - 1 exactly one counts', async () => {
    const { billing } = await fresh();
    for (let i = 0; i < 9; i++) expect(await billing.consume('user-1', '2026-W48', 'swap', 10)).toBe(true);
    const racing = await Promise.all(
      Array.from({ length: 20 }, () => billing.consume('user-1', '2026-W48', 'swap', 10)),
    );
    expect(racing.filter(Boolean)).toHaveLength(1);
    expect(await billing.usage('user-1', '2026-W48')).toStrictEqual({ plan: 0, swap: 10 });
  });
});
