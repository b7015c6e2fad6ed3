import { describe, expect, it } from 'vitest';
import type { BillingAccount } from '../../src/core/billing/billing-account.ts';
import type { BillingStore } from '../../src/core/ports/billing-store.port.ts';
import {
  aConsent,
  at,
  aUser,
  expectStoreError,
  type MakeStores,
  useFreshStores,
} from './contract-support.ts';

const account = (over: Partial<BillingAccount> = {}): BillingAccount => ({
  userId: 'user-1',
  reference: 'ref-0123456789abcdef',
  cancelAtPeriodEnd: false,
  version: 1,
  updatedAt: at(0).toISOString(),
  ...over,
});

/** The billing store of a family that has one (memory, SQLite; DynamoDB has none yet). */
export function describeBillingStoreContract(makeStores: MakeStores): void {
  describe('BillingStore contract', () => {
    const stores = useFreshStores(makeStores);
    const billing = (): BillingStore => {
      const store = stores().billing;
      if (!store) throw new Error(`${stores().kind} stores have no billing store`);
      return store;
    };

    it('saves a new account at version 1 and finds it by user, reference and customer', async () => {
      expect(await billing().get('user-1')).toBeUndefined();
      expect(await billing().save(account())).toBe(true);
      expect(await billing().get('user-1')).toStrictEqual(account());
      expect(await billing().findByReference('ref-0123456789abcdef')).toStrictEqual(account());
      const linked = account({
        customerId: 'cus_1',
        subscriptionId: 'sub_1',
        tier: 'family',
        status: 'active',
        currentPeriodEnd: at(30).toISOString(),
        cancelAtPeriodEnd: true,
        subscriptionCreatedAt: at(0).toISOString(),
        version: 2,
      });
      expect(await billing().save(linked)).toBe(true);
      expect(await billing().findByCustomer('cus_1')).toStrictEqual(linked);
      expect(await billing().listFamily()).toStrictEqual([linked]);
      expect(await billing().findByCustomer('cus_other')).toBeUndefined();
    });

    it('a save against another version loses and writes nothing', async () => {
      await billing().save(account());
      expect(await billing().save(account())).toBe(false);
      expect(await billing().save(account({ version: 3, status: 'active' }))).toBe(false);
      expect(await billing().save(account({ version: 2, status: 'active' }))).toBe(true);
      expect(await billing().save(account({ version: 2, status: 'canceled' }))).toBe(false);
      expect((await billing().get('user-1'))?.status).toBe('active');
    });

    it("another user's reference is a conflict", async () => {
      await billing().save(account());
      await expectStoreError(billing().save(account({ userId: 'user-2' })), 'conflict');
    });

    it('counts uses per user, week and counter up to the limit, atomically', async () => {
      expect(await billing().usage('user-1', '2026-W48')).toStrictEqual({ plan: 0, swap: 0 });
      const racing = await Promise.all(
        [1, 2, 3, 4, 5].map(() => billing().consume('user-1', '2026-W48', 'swap', 3)),
      );
      expect(racing.filter(Boolean)).toHaveLength(3);
      expect(await billing().consume('user-1', '2026-W48', 'plan', 1)).toBe(true);
      expect(await billing().consume('user-1', '2026-W48', 'plan', 1)).toBe(false);
      expect(await billing().consume('user-1', '2026-W49', 'plan', 1)).toBe(true);
      expect(await billing().consume('user-2', '2026-W48', 'plan', 1)).toBe(true);
      expect(await billing().consume('user-1', '2026-W48', 'plan', 0)).toBe(false);
      expect(await billing().usage('user-1', '2026-W48')).toStrictEqual({ plan: 1, swap: 3 });
    });

    it('erasure removes the account and the counts, and only that user’s', async () => {
      await stores().users.create(aUser());
      await stores().consent.append(aConsent());
      await billing().save(account({ customerId: 'cus_1' }));
      await billing().save(
        account({ userId: 'user-2', reference: 'ref-other-0123456789', customerId: 'cus_2' }),
      );
      await billing().consume('user-1', '2026-W48', 'plan', 1);
      await billing().consume('user-2', '2026-W48', 'plan', 1);
      const committed = await stores().commit([
        {
          kind: 'erase_user',
          userId: 'user-1',
          subject: '+15555550101',
          erasure: { id: 'erasure-1', at: at(1).toISOString() },
        },
      ]);
      expect(committed).toStrictEqual({ ok: true });
      expect(await billing().get('user-1')).toBeUndefined();
      expect(await billing().findByCustomer('cus_1')).toBeUndefined();
      expect(await billing().usage('user-1', '2026-W48')).toStrictEqual({ plan: 0, swap: 0 });
      expect((await billing().get('user-2'))?.customerId).toBe('cus_2');
      expect(await billing().usage('user-2', '2026-W48')).toStrictEqual({ plan: 1, swap: 0 });
    });
  });
}
