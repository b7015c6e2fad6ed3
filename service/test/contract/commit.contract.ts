import { describe, expect, it } from 'vitest';
import {
  aConsent,
  aMessage,
  at,
  aUser,
  expectStoreError,
  type MakeStores,
  useFreshStores,
} from './contract-support.ts';

/** `Stores.commit`: an inbound message's writes land together, or — when a racing message won — not at all. */
export function describeCommitContract(makeStores: MakeStores): void {
  describe('Stores.commit contract', () => {
    const stores = useFreshStores(makeStores);

    it('applies the dialogue state, user, consent and messages together', async () => {
      await stores().users.create(aUser());
      const renamed = aUser({ locale: 'es' });
      const result = await stores().commit([
        { kind: 'dialogue', userId: 'user-1', state: { stage: 'ready' }, expectedVersion: 0 },
        { kind: 'user', user: renamed },
        { kind: 'consent', record: aConsent() },
        { kind: 'message', entry: aMessage({ id: 'm-in' }) },
        { kind: 'message', entry: aMessage({ id: 'm-out', direction: 'out' }) },
      ]);
      expect(result).toEqual({ ok: true });
      expect(await stores().dialogue.load('user-1')).toEqual({ state: { stage: 'ready' }, version: 1 });
      expect((await stores().users.findById('user-1'))?.locale).toBe('es');
      expect(await stores().consent.latest(aConsent().subject, aConsent().purpose)).toEqual(aConsent());
      expect((await stores().messages.listForUser('user-1', at(1))).map((entry) => entry.id).sort()).toEqual([
        'm-in',
        'm-out',
      ]);
    });

    it('writes nothing at all when the dialogue version has moved on', async () => {
      await stores().users.create(aUser());
      await stores().dialogue.save('user-1', { stage: 'onboarding' }, 0);
      const result = await stores().commit([
        { kind: 'dialogue', userId: 'user-1', state: { stage: 'stale' }, expectedVersion: 0 },
        { kind: 'user', user: aUser({ locale: 'es' }) },
        { kind: 'consent', record: aConsent() },
        { kind: 'message', entry: aMessage() },
      ]);
      expect(result).toEqual({ ok: false, reason: 'version_conflict' });
      expect(await stores().dialogue.load('user-1')).toEqual({ state: { stage: 'onboarding' }, version: 1 });
      expect((await stores().users.findById('user-1'))?.locale).toBe('en');
      expect(await stores().consent.history(aConsent().subject)).toEqual([]);
      expect(await stores().messages.listForUser('user-1', at(1))).toEqual([]);
    });

    it('of two commits from the same version, exactly one lands', async () => {
      await stores().users.create(aUser());
      const results = await Promise.all(
        ['a', 'b'].map((id) =>
          stores().commit([
            { kind: 'dialogue', userId: 'user-1', state: { by: id }, expectedVersion: 0 },
            { kind: 'message', entry: aMessage({ id: `m-${id}` }) },
          ]),
        ),
      );
      expect(results.filter((result) => result.ok)).toHaveLength(1);
      expect(await stores().messages.listForUser('user-1', at(1))).toHaveLength(1);
    });

    it("deletes a user's messages as one of the writes", async () => {
      await stores().users.create(aUser());
      await stores().messages.append(aMessage({ id: 'old' }));
      await stores().commit([{ kind: 'delete_messages', userId: 'user-1' }]);
      expect(await stores().messages.listForUser('user-1', at(1))).toEqual([]);
    });

    it('refuses an update of a user that does not exist, writing nothing', async () => {
      await expectStoreError(
        stores().commit([
          { kind: 'dialogue', userId: 'ghost', state: {}, expectedVersion: 0 },
          { kind: 'user', user: aUser({ id: 'ghost', phone: '+15555550199' }) },
        ]),
        'not_found',
      );
      expect(await stores().dialogue.load('ghost')).toBeUndefined();
    });
  });
}
