import { describe, expect, it } from 'vitest';
import type { WeeklyDeliveryStore } from '../../src/core/ports/weekly-delivery-store.port.ts';
import { aConsent, at, aUser, type MakeStores, useFreshStores } from './contract-support.ts';

/** The weekly-delivery store: every family of stores passes these (all-contracts.ts). */
export function describeWeeklyDeliveryStoreContract(makeStores: MakeStores): void {
  describe('WeeklyDeliveryStore contract', () => {
    const stores = useFreshStores(makeStores);
    const weekly = (): WeeklyDeliveryStore => stores().weeklyDelivery;

    it('knows nobody at first, and turning off an unknown user changes nothing', async () => {
      expect(await weekly().get('user-1')).toBeUndefined();
      expect(await weekly().unsubscribe('user-1', at(0))).toBeUndefined();
      expect(await weekly().listActive()).toStrictEqual([]);
      expect(await weekly().markSent('user-1', '2025-W02')).toBe(false);
    });

    it('subscribes, changes the day, and lists active users by id', async () => {
      expect(await weekly().subscribe('user-b', 'sunday', at(0))).toStrictEqual({
        userId: 'user-b',
        weekday: 'sunday',
        active: true,
        updatedAt: at(0).toISOString(),
      });
      await weekly().subscribe('user-a', 'saturday', at(1));
      await weekly().subscribe('user-b', 'monday', at(2));
      expect(await weekly().get('user-b')).toStrictEqual({
        userId: 'user-b',
        weekday: 'monday',
        active: true,
        updatedAt: at(2).toISOString(),
      });
      expect((await weekly().listActive()).map((row) => [row.userId, row.weekday])).toStrictEqual([
        ['user-a', 'saturday'],
        ['user-b', 'monday'],
      ]);
    });

    it('turning off keeps the day and the week sent, and leaves the active list', async () => {
      await weekly().subscribe('user-1', 'friday', at(0));
      expect(await weekly().markSent('user-1', '2025-W02')).toBe(true);
      expect(await weekly().unsubscribe('user-1', at(5))).toStrictEqual({
        userId: 'user-1',
        weekday: 'friday',
        active: false,
        updatedAt: at(5).toISOString(),
        lastSentWeek: '2025-W02',
      });
      expect(await weekly().listActive()).toStrictEqual([]);
      // On again the same week: the week already sent is remembered.
      expect((await weekly().subscribe('user-1', 'sunday', at(6))).lastSentWeek).toBe('2025-W02');
    });

    it('records a week once: the same or an earlier week loses, a later one wins', async () => {
      await weekly().subscribe('user-1', 'sunday', at(0));
      expect(await weekly().markSent('user-1', '2025-W02')).toBe(true);
      expect(await weekly().markSent('user-1', '2025-W02')).toBe(false);
      expect(await weekly().markSent('user-1', '2025-W01')).toBe(false);
      expect(await weekly().markSent('user-1', '2025-W03')).toBe(true);
      expect((await weekly().get('user-1'))?.lastSentWeek).toBe('2025-W03');
      // Across a year: "2025-W52" < "2026-W01" as text too.
      expect(await weekly().markSent('user-1', '2026-W01')).toBe(true);
    });

    it('two racing marks of the same week: exactly one wins', async () => {
      await weekly().subscribe('user-1', 'sunday', at(0));
      const results = await Promise.all([
        weekly().markSent('user-1', '2025-W02'),
        weekly().markSent('user-1', '2025-W02'),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('deleteForUser and an erasure forget the user, and only that user', async () => {
      await weekly().subscribe('user-1', 'sunday', at(0));
      await weekly().subscribe('user-2', 'sunday', at(0));
      await weekly().deleteForUser('user-2');
      expect(await weekly().get('user-2')).toBeUndefined();
      await stores().users.create(aUser());
      await stores().consent.append(aConsent());
      const committed = await stores().commit([
        {
          kind: 'erase_user',
          userId: 'user-1',
          subject: '+15555550101',
          erasure: { id: 'erasure-1', at: at(1).toISOString() },
        },
      ]);
      expect(committed).toStrictEqual({ ok: true });
      expect(await weekly().get('user-1')).toBeUndefined();
      expect(await weekly().listActive()).toStrictEqual([]);
    });
  });
}
