import { describe, expect, it } from 'vitest';
import { type MakeStores, useFreshStores } from './contract-support.ts';

export function describeDialogueStoreContract(makeStores: MakeStores): void {
  describe('DialogueStore contract', () => {
    const stores = useFreshStores(makeStores);

    it('has nothing for a user who never talked', async () => {
      expect(await stores().dialogue.load('user-1')).toBeUndefined();
    });

    it('saves the first state as version 1 and returns it on load', async () => {
      const state = { step: 'onboarding.goal', answers: { diet: 'vegan' }, retries: [1, 2], note: null };
      expect(await stores().dialogue.save('user-1', state, 0)).toEqual({ ok: true, version: 1 });
      expect(await stores().dialogue.load('user-1')).toStrictEqual({ state, version: 1 });
    });

    it('grows the version by one on each save and keeps the latest state', async () => {
      await stores().dialogue.save('user-1', { step: 'a' }, 0);
      expect(await stores().dialogue.save('user-1', { step: 'b' }, 1)).toEqual({ ok: true, version: 2 });
      expect(await stores().dialogue.save('user-1', { step: 'c' }, 2)).toEqual({ ok: true, version: 3 });
      expect(await stores().dialogue.load('user-1')).toStrictEqual({ state: { step: 'c' }, version: 3 });
    });

    it('round-trips any JSON value, not only objects', async () => {
      await stores().dialogue.save('u-string', 'idle', 0);
      await stores().dialogue.save('u-array', ['ñ', 'é', '🍎', 0.1, -3, true], 0);
      expect((await stores().dialogue.load('u-string'))?.state).toBe('idle');
      expect((await stores().dialogue.load('u-array'))?.state).toStrictEqual(['ñ', 'é', '🍎', 0.1, -3, true]);
    });

    it('refuses a first save (expected 0) when a state is already stored', async () => {
      await stores().dialogue.save('user-1', { step: 'a' }, 0);
      expect(await stores().dialogue.save('user-1', { step: 'b' }, 0)).toEqual({
        ok: false,
        reason: 'version_conflict',
      });
      expect(await stores().dialogue.load('user-1')).toStrictEqual({ state: { step: 'a' }, version: 1 });
    });

    it('refuses a save from a stale or a future version', async () => {
      await stores().dialogue.save('user-1', { step: 'a' }, 0);
      await stores().dialogue.save('user-1', { step: 'b' }, 1);
      const conflict = { ok: false, reason: 'version_conflict' };
      expect(await stores().dialogue.save('user-1', { step: 'stale' }, 1)).toEqual(conflict);
      expect(await stores().dialogue.save('user-1', { step: 'future' }, 7)).toEqual(conflict);
      expect(await stores().dialogue.load('user-1')).toStrictEqual({ state: { step: 'b' }, version: 2 });
    });

    it('refuses a save that expects a version when nothing is stored', async () => {
      expect(await stores().dialogue.save('user-1', { step: 'a' }, 1)).toEqual({
        ok: false,
        reason: 'version_conflict',
      });
      expect(await stores().dialogue.load('user-1')).toBeUndefined();
    });

    it('lets exactly one of two concurrent saves from the same version win', async () => {
      await stores().dialogue.save('user-1', { step: 'start' }, 0);
      const results = await Promise.all([
        stores().dialogue.save('user-1', { from: 'first message' }, 1),
        stores().dialogue.save('user-1', { from: 'second message' }, 1),
      ]);

      const winners = results.flatMap((result, index) => (result.ok ? [index] : []));
      expect(winners).toHaveLength(1);
      expect(results.find((result) => result.ok)).toEqual({ ok: true, version: 2 });
      const winner = winners[0] === 0 ? 'first message' : 'second message';
      expect(await stores().dialogue.load('user-1')).toStrictEqual({ state: { from: winner }, version: 2 });
    });

    it('lets exactly one of two concurrent first saves win', async () => {
      const results = await Promise.all([
        stores().dialogue.save('user-1', { from: 'a' }, 0),
        stores().dialogue.save('user-1', { from: 'b' }, 0),
      ]);
      expect(results.filter((result) => result.ok)).toEqual([{ ok: true, version: 1 }]);
      expect((await stores().dialogue.load('user-1'))?.version).toBe(1);
    });

    it('keeps users apart', async () => {
      await stores().dialogue.save('user-1', { who: 1 }, 0);
      await stores().dialogue.save('user-2', { who: 2 }, 0);
      await stores().dialogue.save('user-2', { who: 2.5 }, 1);
      expect(await stores().dialogue.load('user-1')).toStrictEqual({ state: { who: 1 }, version: 1 });
      expect(await stores().dialogue.load('user-2')).toStrictEqual({ state: { who: 2.5 }, version: 2 });
    });

    it('deletes the state, after which a first save starts again at version 1', async () => {
      await stores().dialogue.save('user-1', { step: 'a' }, 0);
      await stores().dialogue.save('user-1', { step: 'b' }, 1);
      await stores().dialogue.delete('user-1');
      await stores().dialogue.delete('user-1');
      expect(await stores().dialogue.load('user-1')).toBeUndefined();
      expect(await stores().dialogue.save('user-1', { step: 'fresh' }, 0)).toEqual({ ok: true, version: 1 });
    });

    it('does not let callers change stored state through the objects they pass or receive', async () => {
      const state = { step: 'a', items: ['rice'] };
      await stores().dialogue.save('user-1', state, 0);
      state.items.push('beans');

      const loaded = await stores().dialogue.load('user-1');
      expect(loaded?.state).toStrictEqual({ step: 'a', items: ['rice'] });
      (loaded?.state as { step: string }).step = 'mutated';
      expect((await stores().dialogue.load('user-1'))?.state).toStrictEqual({ step: 'a', items: ['rice'] });
    });
  });
}
