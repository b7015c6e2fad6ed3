import { describe, expect, it } from 'vitest';
import { aUser, aWebUser, expectStoreError, type MakeStores, useFreshStores } from './contract-support.ts';

export function describeUserStoreContract(makeStores: MakeStores): void {
  describe('UserStore contract', () => {
    const stores = useFreshStores(makeStores);

    it('returns what was created, by id, phone and web session', async () => {
      const phoneUser = aUser();
      const webUser = aWebUser();
      await stores().users.create(phoneUser);
      await stores().users.create(webUser);

      expect(await stores().users.findById(phoneUser.id)).toStrictEqual(phoneUser);
      expect(await stores().users.findByPhone('+15555550101')).toStrictEqual(phoneUser);
      expect(await stores().users.findById(webUser.id)).toStrictEqual(webUser);
      expect(await stores().users.findByWebSession('session-abc')).toStrictEqual(webUser);
    });

    it('keeps absent optional fields absent and an empty profile empty', async () => {
      const bare = aWebUser({ profile: {} });
      await stores().users.create(bare);
      const found = await stores().users.findById(bare.id);
      expect(found).toStrictEqual(bare);
      expect(found).not.toHaveProperty('phone');
    });

    it('keeps the time of the last inbound message through create and update', async () => {
      const user = aUser({ lastInboundAt: '2026-11-26T12:00:00.000Z' });
      await stores().users.create(user);
      expect(await stores().users.findById(user.id)).toStrictEqual(user);
      const later = { ...user, lastInboundAt: '2026-11-27T08:30:00.000Z' };
      await stores().users.update(later);
      expect(await stores().users.findByPhone('+15555550101')).toStrictEqual(later);
    });

    it('returns undefined for unknown id, phone and session', async () => {
      await stores().users.create(aUser());
      expect(await stores().users.findById('nobody')).toBeUndefined();
      expect(await stores().users.findByPhone('+15555550199')).toBeUndefined();
      expect(await stores().users.findByWebSession('no-such-session')).toBeUndefined();
    });

    it('refuses a second user with the same id', async () => {
      await stores().users.create(aUser());
      await expectStoreError(stores().users.create(aUser({ phone: '+15555550102' })), 'conflict');
    });

    it('refuses a second user with the same phone', async () => {
      await stores().users.create(aUser());
      await expectStoreError(stores().users.create(aUser({ id: 'user-2' })), 'conflict');
      expect(await stores().users.findById('user-2')).toBeUndefined();
    });

    it('refuses a second user with the same web session', async () => {
      await stores().users.create(aWebUser());
      await expectStoreError(stores().users.create(aWebUser({ id: 'web-user-2' })), 'conflict');
    });

    it('allows many users without a phone or without a web session', async () => {
      await stores().users.create(aWebUser({ id: 'w1', webSessionId: 's1' }));
      await stores().users.create(aWebUser({ id: 'w2', webSessionId: 's2' }));
      await stores().users.create(aUser({ id: 'p1', phone: '+15555550111' }));
      await stores().users.create(aUser({ id: 'p2', phone: '+15555550112' }));
      expect((await stores().users.findByWebSession('s2'))?.id).toBe('w2');
      expect((await stores().users.findByPhone('+15555550112'))?.id).toBe('p2');
    });

    it('replaces the whole user on update, including the phone it is found by', async () => {
      await stores().users.create(aUser());
      const updated = aUser({
        phone: '+15555550177',
        locale: 'es',
        lastChannel: 'whatsapp',
        profile: { goal: 'lose', allergies: [] },
        updatedAt: '2025-01-07T08:30:00.000Z',
      });
      await stores().users.update(updated);

      expect(await stores().users.findById('user-1')).toStrictEqual(updated);
      expect(await stores().users.findByPhone('+15555550177')).toStrictEqual(updated);
      expect(await stores().users.findByPhone('+15555550101')).toBeUndefined();
    });

    it('links a web user to a phone on update', async () => {
      await stores().users.create(aWebUser());
      const linked = aWebUser({ phone: '+15555550123' });
      await stores().users.update(linked);
      expect(await stores().users.findByPhone('+15555550123')).toStrictEqual(linked);
      expect(await stores().users.findByWebSession('session-abc')).toStrictEqual(linked);
    });

    it('fails with not_found when updating a user that does not exist', async () => {
      await expectStoreError(stores().users.update(aUser()), 'not_found');
      expect(await stores().users.findById('user-1')).toBeUndefined();
    });

    it('fails with conflict when an update takes another user’s phone, and changes nothing', async () => {
      await stores().users.create(aUser());
      const other = aUser({ id: 'user-2', phone: '+15555550102' });
      await stores().users.create(other);
      await expectStoreError(stores().users.update({ ...other, phone: '+15555550101' }), 'conflict');
      expect(await stores().users.findById('user-2')).toStrictEqual(other);
    });

    it('deletes a user and frees its phone and session; deleting again is harmless', async () => {
      await stores().users.create(aUser({ webSessionId: 'session-xyz' }));
      await stores().users.delete('user-1');
      await stores().users.delete('user-1');

      expect(await stores().users.findById('user-1')).toBeUndefined();
      expect(await stores().users.findByPhone('+15555550101')).toBeUndefined();
      await stores().users.create(aUser({ id: 'user-2', webSessionId: 'session-xyz' }));
      expect((await stores().users.findByWebSession('session-xyz'))?.id).toBe('user-2');
    });

    it('does not let callers change stored users through the objects they pass or receive', async () => {
      const user = aUser();
      await stores().users.create(user);
      user.locale = 'es';
      user.profile.allergies?.push('milk');

      const found = await stores().users.findById('user-1');
      expect(found).toStrictEqual(aUser());
      if (found?.profile.household) found.profile.household.adults = 9;
      expect(await stores().users.findById('user-1')).toStrictEqual(aUser());
    });
  });
}
