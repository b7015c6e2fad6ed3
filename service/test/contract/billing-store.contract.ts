import { describe, expect, it } from 'vitest';
import type { BillingAccount } from '../../src/core/billing/billing-account.ts';
import type { BillingStore } from '../../src/core/ports/billing-store.port.ts';
import { collectUserExport } from '../../src/core/use-cases/export-user.ts';
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

/** The billing store of a family that has one (memory, SQLite, DynamoDB). */
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

    it('of racing saves of the same version exactly one is written', async () => {
      await billing().save(account());
      const contenders = (['active', 'canceled', 'past_due', 'unpaid'] as const).map((status) =>
        account({ version: 2, status }),
      );
      const racing = await Promise.all(contenders.map((contender) => billing().save(contender)));
      expect(racing.filter(Boolean)).toHaveLength(1);
      expect(await billing().get('user-1')).toStrictEqual(contenders[racing.indexOf(true)]);
    });

    it('of racing uses at limit - 1 exactly one counts', async () => {
      expect(await billing().consume('user-1', '2026-W48', 'swap', 3)).toBe(true);
      expect(await billing().consume('user-1', '2026-W48', 'swap', 3)).toBe(true);
      const racing = await Promise.all(
        [1, 2, 3, 4, 5, 6].map(() => billing().consume('user-1', '2026-W48', 'swap', 3)),
      );
      expect(racing.filter(Boolean)).toHaveLength(1);
      expect(await billing().usage('user-1', '2026-W48')).toStrictEqual({ plan: 0, swap: 3 });
    });

    it('a changed tier, reference or customer moves the Family list and the lookups with it', async () => {
      const first = account({ tier: 'family', customerId: 'cus_1' });
      await billing().save(first);
      expect(await billing().listFamily()).toStrictEqual([first]);
      const moved = account({
        tier: 'premium',
        reference: 'ref-new-0123456789ab',
        customerId: 'cus_2',
        version: 2,
      });
      expect(await billing().save(moved)).toBe(true);
      expect(await billing().listFamily()).toStrictEqual([]);
      expect(await billing().findByReference('ref-0123456789abcdef')).toBeUndefined();
      expect(await billing().findByReference('ref-new-0123456789ab')).toStrictEqual(moved);
      expect(await billing().findByCustomer('cus_1')).toBeUndefined();
      expect(await billing().findByCustomer('cus_2')).toStrictEqual(moved);
      // The reference given up is free for another user.
      const other = account({ userId: 'user-2', reference: 'ref-0123456789abcdef', tier: 'family' });
      expect(await billing().save(other)).toBe(true);
      const back = { ...moved, tier: 'family' as const, version: 3 };
      expect(await billing().save(back)).toBe(true);
      expect(await billing().listFamily()).toStrictEqual([back, other]);
    });

    it('a save that loses or conflicts moves no lookup', async () => {
      await billing().save(account({ customerId: 'cus_1' }));
      await billing().save(account({ userId: 'user-2', reference: 'ref-other-0123456789' }));
      const stale = account({ reference: 'ref-new-0123456789ab', customerId: 'cus_9', tier: 'family' });
      expect(await billing().save(stale)).toBe(false);
      await expectStoreError(
        billing().save(account({ reference: 'ref-other-0123456789', tier: 'family', version: 2 })),
        'conflict',
      );
      expect(await billing().findByReference('ref-new-0123456789ab')).toBeUndefined();
      expect(await billing().findByCustomer('cus_9')).toBeUndefined();
      expect(await billing().listFamily()).toStrictEqual([]);
      expect(await billing().findByReference('ref-0123456789abcdef')).toStrictEqual(
        account({ customerId: 'cus_1' }),
      );
      expect((await billing().findByReference('ref-other-0123456789'))?.userId).toBe('user-2');
    });

    it('after erasure no reference, customer or Family listing leads to the user, and the reference is free', async () => {
      await stores().users.create(aUser());
      await billing().save(account({ customerId: 'cus_1', tier: 'family' }));
      const kept = account({ userId: 'user-2', reference: 'ref-other-0123456789', tier: 'family' });
      await billing().save(kept);
      const committed = await stores().commit([
        {
          kind: 'erase_user',
          userId: 'user-1',
          subject: '+15555550101',
          erasure: { id: 'erasure-1', at: at(1).toISOString() },
        },
      ]);
      expect(committed).toStrictEqual({ ok: true });
      expect(await billing().findByReference('ref-0123456789abcdef')).toBeUndefined();
      expect(await billing().listFamily()).toStrictEqual([kept]);
      expect(await billing().findByReference('ref-other-0123456789')).toStrictEqual(kept);
      expect(await billing().save(account({ userId: 'user-3' }))).toBe(true);
    });

    it('deleteForUser removes the account, its lookups and its counts, and only that user’s', async () => {
      await billing().save(account({ customerId: 'cus_1', tier: 'family' }));
      const kept = account({ userId: 'user-2', reference: 'ref-other-0123456789', customerId: 'cus_2' });
      await billing().save(kept);
      await billing().consume('user-1', '2026-W48', 'swap', 3);
      await billing().consume('user-2', '2026-W48', 'swap', 3);
      await billing().deleteForUser('user-1');
      expect(await billing().get('user-1')).toBeUndefined();
      expect(await billing().findByReference('ref-0123456789abcdef')).toBeUndefined();
      expect(await billing().findByCustomer('cus_1')).toBeUndefined();
      expect(await billing().listFamily()).toStrictEqual([]);
      expect(await billing().usage('user-1', '2026-W48')).toStrictEqual({ plan: 0, swap: 0 });
      expect(await billing().findByCustomer('cus_2')).toStrictEqual(kept);
      expect(await billing().usage('user-2', '2026-W48')).toStrictEqual({ plan: 0, swap: 1 });
    });

    it('the user’s export holds their billing account and nobody else’s', async () => {
      await stores().users.create(aUser());
      const mine = account({ customerId: 'cus_1', tier: 'premium', status: 'active' });
      await billing().save(mine);
      await billing().save(account({ userId: 'user-2', reference: 'ref-other-0123456789' }));
      expect((await collectUserExport(stores(), 'user-1', at(1)))?.billing).toStrictEqual(mine);
    });
  });
}
