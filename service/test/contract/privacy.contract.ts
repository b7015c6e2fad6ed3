import { describe, expect, it } from 'vitest';
import { PSEUDONYM_PREFIX } from '../../src/core/ports/privacy-store.port.ts';
import {
  aConsent,
  aMessage,
  at,
  aUser,
  expectStoreError,
  type MakeStores,
  useFreshStores,
} from './contract-support.ts';
import { aFoodLogEntry } from './food-log-store.contract.ts';
import { aStoredPlan } from './plan-store.contract.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const PHONE = aUser().phone ?? '';
const token = (label: string) => `exp_${label}`.padEnd(26, 'y');
const anExportLink = (label = 'a', userId = 'user-1') => ({
  token: token(label),
  userId,
  createdAt: at(0).toISOString(),
  expiresAt: at(DAY_MS).toISOString(),
});
const erasure = { id: 'erasure-1', at: at(HOUR_MS).toISOString() };
const anInvitation = (id: string, ownerId: string, inviteeUserId: string, inviteePhone: string) => ({
  id,
  ownerId,
  inviteeUserId,
  inviteePhone,
  relation: 'partner' as const,
  relationWord: 'wife',
  status: 'joined' as const,
  createdAt: at(0).toISOString(),
  expiresAt: at(3 * DAY_MS).toISOString(),
  joinedAt: at(1).toISOString(),
});

/** Export links, plans listed for an export, and `erase_user`: the user gone from every store, consent kept keyed. */
export function describePrivacyContract(makeStores: MakeStores): void {
  describe('PrivacyStore and erasure contract', () => {
    const stores = useFreshStores(makeStores);
    const privacy = () => stores().privacy;

    it('an export link works until it is used once, then answers used', async () => {
      await privacy().saveExportLink(anExportLink());
      expect(await privacy().findExportLink(token('a'), at(0))).toEqual({
        status: 'ready',
        userId: 'user-1',
      });
      expect(await privacy().useExportLink(token('a'), at(1))).toBe(true);
      expect(await privacy().findExportLink(token('a'), at(2))).toEqual({ status: 'used' });
      expect(await privacy().useExportLink(token('a'), at(3))).toBe(false);
    });

    it('of two racing downloads exactly one uses the link', async () => {
      await privacy().saveExportLink(anExportLink());
      const outcomes = await Promise.all([
        privacy().useExportLink(token('a'), at(1)),
        privacy().useExportLink(token('a'), at(1)),
      ]);
      expect(outcomes.filter(Boolean)).toHaveLength(1);
    });

    it('expires strictly after expiresAt, used or not, and purgeExpired removes it', async () => {
      await privacy().saveExportLink(anExportLink('a'));
      await privacy().saveExportLink(anExportLink('b'));
      await privacy().useExportLink(token('b'), at(1));
      expect((await privacy().findExportLink(token('a'), at(DAY_MS))).status).toBe('ready');
      expect(await privacy().findExportLink(token('a'), at(DAY_MS + 1))).toEqual({ status: 'not_found' });
      expect(await privacy().findExportLink(token('b'), at(DAY_MS + 1))).toEqual({ status: 'not_found' });
      expect(await privacy().useExportLink(token('a'), at(DAY_MS + 1))).toBe(false);
      expect(await privacy().purgeExpired(at(DAY_MS))).toBe(0);
      expect(await privacy().purgeExpired(at(DAY_MS + 1))).toBe(2);
    });

    it('unknown tokens are not found and a taken token is a conflict', async () => {
      expect(await privacy().findExportLink(token('nope'), at(0))).toEqual({ status: 'not_found' });
      await privacy().saveExportLink(anExportLink('a'));
      await expectStoreError(privacy().saveExportLink(anExportLink('a', 'user-2')), 'conflict');
    });

    it('lists every unexpired plan of a user, oldest first', async () => {
      const plans = stores().plans;
      await plans.save(aStoredPlan({ id: 'p2', token: token('p2'), createdAt: at(2).toISOString() }));
      await plans.save(aStoredPlan({ id: 'p1', token: token('p1'), createdAt: at(1).toISOString() }));
      await plans.save(aStoredPlan({ id: 'old', token: token('old'), expiresAt: at(5).toISOString() }));
      await plans.save(aStoredPlan({ id: 'other', token: token('other'), userId: 'user-2' }));
      expect((await plans.listForUser('user-1', at(10))).map((plan) => plan.id)).toEqual(['p1', 'p2']);
      expect(await plans.listForUser('nobody', at(10))).toEqual([]);
    });

    it('erase_user removes the user from every store and keeps consent only under the keyed hash', async () => {
      const s = stores();
      const other = aUser({ id: 'user-2', phone: '+15555550102' });
      for (const user of [aUser(), other]) {
        await s.users.create(user);
        await s.dialogue.save(user.id, { stage: 'ready' }, 0);
        await s.messages.append(aMessage({ id: `m-${user.id}`, userId: user.id }));
        await s.plans.save(
          aStoredPlan({ id: `p-${user.id}`, token: token(`p-${user.id}`), userId: user.id }),
        );
        await s.foodLog.append([aFoodLogEntry({ id: `f-${user.id}`, userId: user.id })]);
        await s.privacy.saveExportLink(anExportLink(user.id, user.id));
        await s.webhookReceipts.claim(`twilio:${user.id}`, at(0), 86_400);
        await s.webhookReceipts.complete(
          `twilio:${user.id}`,
          { status: 200, contentType: 'text/xml', body: 'hi' },
          user.id,
        );
      }
      // Invitations the erased user sent (to a third number) and received (by number), and one between others.
      const third = { id: 'user-3', phone: '+15555550103' };
      await s.households?.create(anInvitation('inv-sent', 'user-1', third.id, third.phone));
      await s.households?.create(anInvitation('inv-received', 'user-2', 'user-1', PHONE));
      await s.households?.create(anInvitation('inv-others', 'user-2', third.id, third.phone));
      await s.weeklyDelivery?.subscribe('user-1', 'sunday', at(0));
      await s.weeklyDelivery?.subscribe('user-2', 'monday', at(0));
      await s.consent.append(aConsent({ purpose: 'health_data', granted: true }));
      await s.consent.append(
        aConsent({ granted: false, method: 'sms:keyword:STOP', at: at(1).toISOString() }),
      );
      await s.consent.append(aConsent({ subject: other.phone, at: at(1).toISOString() }));

      const result = await s.commit([
        { kind: 'dialogue', userId: 'user-1', state: { stage: 'new' }, expectedVersion: 1 },
        { kind: 'erase_user', userId: 'user-1', phone: PHONE, subject: PHONE, erasure },
      ]);
      expect(result).toEqual({ ok: true });

      const now = at(2 * HOUR_MS);
      expect(await s.users.findById('user-1')).toBeUndefined();
      expect(await s.users.findByPhone(PHONE)).toBeUndefined();
      expect(await s.dialogue.load('user-1')).toBeUndefined();
      expect(await s.messages.listForUser('user-1', now)).toEqual([]);
      expect(await s.messages.getById('m-user-1', now)).toBeUndefined();
      expect(await s.plans.current('user-1', now)).toBeUndefined();
      expect(await s.plans.listForUser('user-1', now)).toEqual([]);
      expect(await s.plans.byToken(token('p-user-1'), now)).toBeUndefined();
      expect(await s.foodLog.forDays('user-1', '0001-01-01', '9999-12-31', now)).toEqual([]);
      expect(await s.privacy.findExportLink(token('user-1'), now)).toEqual({ status: 'not_found' });
      expect(await s.households?.findById('inv-sent')).toBeUndefined();
      expect(await s.households?.findById('inv-received')).toBeUndefined();
      expect(await s.weeklyDelivery?.get('user-1')).toBeUndefined();
      // The receipt of a reply to the erased user is gone: the key can be claimed afresh.
      expect(await s.webhookReceipts.claim('twilio:user-1', now, 86_400)).toEqual({ status: 'claimed' });

      // The opt-out still counts for the number, but no record carries the number any more.
      const optOut = await s.consent.latest(PHONE, 'messaging');
      expect(optOut?.granted).toBe(false);
      expect(optOut?.subject.startsWith(PSEUDONYM_PREFIX)).toBe(true);
      const history = await s.consent.history(PHONE);
      expect(history.map((record) => [record.purpose, record.granted])).toEqual([
        ['health_data', true],
        ['messaging', false],
      ]);
      expect(new Set(history.map((record) => record.subject))).toEqual(new Set([optOut?.subject]));
      expect(await s.privacy.erasures()).toEqual([erasure]);

      // The other user keeps everything.
      expect(await s.users.findById('user-2')).toEqual(other);
      if (s.households) expect((await s.households.findById('inv-others'))?.status).toBe('joined');
      if (s.weeklyDelivery) expect((await s.weeklyDelivery.get('user-2'))?.weekday).toBe('monday');
      expect(await s.dialogue.load('user-2')).toEqual({ state: { stage: 'ready' }, version: 1 });
      expect(await s.messages.listForUser('user-2', now)).toHaveLength(1);
      expect(await s.plans.listForUser('user-2', now)).toHaveLength(1);
      expect(await s.foodLog.forDays('user-2', '0001-01-01', '9999-12-31', now)).toHaveLength(1);
      expect((await s.privacy.findExportLink(token('user-2'), now)).status).toBe('ready');
      expect((await s.webhookReceipts.claim('twilio:user-2', now, 86_400)).status).toBe('done');
      expect((await s.consent.latest(other.phone ?? '', 'messaging'))?.subject).toBe(other.phone);
    });

    it('a later record in clear outranks the hashed one, and a second erasure keeps both', async () => {
      const s = stores();
      await s.users.create(aUser());
      await s.consent.append(aConsent({ granted: false, method: 'sms:keyword:STOP' }));
      await s.commit([{ kind: 'erase_user', userId: 'user-1', subject: PHONE, erasure }]);
      await s.consent.append(
        aConsent({ granted: true, method: 'sms:keyword:START', at: at(DAY_MS).toISOString() }),
      );
      expect((await s.consent.latest(PHONE, 'messaging'))?.method).toBe('sms:keyword:START');
      expect((await s.consent.latest(PHONE, 'messaging'))?.subject).toBe(PHONE);
      await s.users.create(aUser({ id: 'user-3' }));
      const second = { id: 'erasure-2', at: at(2 * DAY_MS).toISOString() };
      await s.commit([{ kind: 'erase_user', userId: 'user-3', subject: PHONE, erasure: second }]);
      const history = await s.consent.history(PHONE);
      expect(history.map((record) => record.method)).toEqual(['sms:keyword:STOP', 'sms:keyword:START']);
      expect(history.every((record) => record.subject.startsWith(PSEUDONYM_PREFIX))).toBe(true);
      expect(await s.privacy.erasures()).toEqual([erasure, second]);
    });

    it('erases nothing when the dialogue version in the same commit has moved on', async () => {
      const s = stores();
      await s.users.create(aUser());
      await s.dialogue.save('user-1', { stage: 'ready' }, 0);
      await s.consent.append(aConsent());
      const result = await s.commit([
        { kind: 'dialogue', userId: 'user-1', state: { stage: 'new' }, expectedVersion: 0 },
        { kind: 'erase_user', userId: 'user-1', subject: PHONE, erasure },
      ]);
      expect(result).toEqual({ ok: false, reason: 'version_conflict' });
      expect(await s.users.findById('user-1')).toEqual(aUser());
      expect((await s.consent.latest(PHONE, 'messaging'))?.subject).toBe(PHONE);
      expect(await s.privacy.erasures()).toEqual([]);
    });
  });
}
