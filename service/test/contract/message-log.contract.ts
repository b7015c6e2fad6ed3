import { describe, expect, it } from 'vitest';
import { aMessage, at, type MakeStores, useFreshStores } from './contract-support.ts';

const iso = (ms: number) => at(ms).toISOString();

export function describeMessageLogContract(makeStores: MakeStores): void {
  describe('MessageLog contract', () => {
    const stores = useFreshStores(makeStores);
    const ids = async (userId: string, now: Date, limit?: number) =>
      (await stores().messages.listForUser(userId, now, limit)).map((entry) => entry.id);

    it('returns appended entries unchanged', async () => {
      const entry = aMessage({
        direction: 'out',
        channel: 'whatsapp',
        body: 'Try the lentil soup 🥣\nIt is $2.10.',
      });
      await stores().messages.append(entry);
      expect(await stores().messages.listForUser('user-1', at(1))).toStrictEqual([entry]);
    });

    it('lists newest first, by instant rather than by string, whatever the append order', async () => {
      await stores().messages.append(aMessage({ id: 'noon', at: '2025-01-06T12:00:00Z' }));
      await stores().messages.append(
        aMessage({ id: 'noon-and-a-half-second', at: '2025-01-06T12:00:00.500Z' }),
      );
      await stores().messages.append(aMessage({ id: 'morning', at: '2025-01-06T08:00:00.000Z' }));
      expect(await ids('user-1', at(1))).toEqual(['noon-and-a-half-second', 'noon', 'morning']);
    });

    it('puts the later-appended first among entries with the same instant', async () => {
      await stores().messages.append(aMessage({ id: 'question', at: iso(0) }));
      await stores().messages.append(aMessage({ id: 'answer', at: iso(0), direction: 'out' }));
      expect(await ids('user-1', at(1))).toEqual(['answer', 'question']);
    });

    it('finds one entry by id until it expires', async () => {
      const entry = aMessage({ id: 'long-reply', at: iso(0), expiresAt: iso(5000) });
      await stores().messages.append(entry);
      expect(await stores().messages.getById('long-reply', at(5000))).toStrictEqual(entry);
      expect(await stores().messages.getById('long-reply', at(5001))).toBeUndefined();
      expect(await stores().messages.getById('no-such-id', at(0))).toBeUndefined();
    });

    it('honours the limit, keeping the newest', async () => {
      for (let i = 0; i < 5; i++)
        await stores().messages.append(aMessage({ id: `m${i}`, at: iso(i * 1000) }));
      expect(await ids('user-1', at(10_000), 2)).toEqual(['m4', 'm3']);
      expect(await ids('user-1', at(10_000), 0)).toEqual([]);
      expect(await ids('user-1', at(10_000))).toHaveLength(5);
    });

    it('lists only the given user’s entries', async () => {
      await stores().messages.append(aMessage({ id: 'mine' }));
      await stores().messages.append(aMessage({ id: 'theirs', userId: 'user-2' }));
      expect(await ids('user-1', at(1))).toEqual(['mine']);
      expect(await ids('nobody', at(1))).toEqual([]);
    });

    it('never returns an entry past its expiry, and still returns it at the very instant it expires', async () => {
      await stores().messages.append(aMessage({ id: 'short', at: iso(0), expiresAt: iso(60_000) }));
      await stores().messages.append(aMessage({ id: 'long', at: iso(1), expiresAt: iso(3_600_000) }));
      expect(await ids('user-1', at(59_999))).toEqual(['long', 'short']);
      expect(await ids('user-1', at(60_000))).toEqual(['long', 'short']);
      expect(await ids('user-1', at(60_001))).toEqual(['long']);
      expect(await ids('user-1', at(3_600_001))).toEqual([]);
    });

    it('applies the limit after dropping expired entries', async () => {
      await stores().messages.append(aMessage({ id: 'old-expired', at: iso(2), expiresAt: iso(10) }));
      await stores().messages.append(aMessage({ id: 'older-live', at: iso(1), expiresAt: iso(100_000) }));
      expect(await ids('user-1', at(50), 1)).toEqual(['older-live']);
    });

    it('purges expired entries of every user and reports how many went', async () => {
      await stores().messages.append(aMessage({ id: 'a', expiresAt: iso(1_000) }));
      await stores().messages.append(aMessage({ id: 'b', userId: 'user-2', expiresAt: iso(2_000) }));
      await stores().messages.append(aMessage({ id: 'c', expiresAt: iso(9_000) }));

      expect(await stores().messages.purgeExpired(at(5_000))).toBe(2);
      expect(await stores().messages.purgeExpired(at(5_000))).toBe(0);
      // Asked with an earlier `now`, purged entries stay gone: they were deleted, not only hidden.
      expect(await ids('user-1', at(0))).toEqual(['c']);
      expect(await ids('user-2', at(0))).toEqual([]);
    });

    it('deletes every entry of one user and no other', async () => {
      await stores().messages.append(aMessage({ id: 'a' }));
      await stores().messages.append(aMessage({ id: 'b', at: iso(5) }));
      await stores().messages.append(aMessage({ id: 'c', userId: 'user-2' }));
      await stores().messages.deleteForUser('user-1');
      await stores().messages.deleteForUser('user-1');
      expect(await ids('user-1', at(10))).toEqual([]);
      expect(await ids('user-2', at(10))).toEqual(['c']);
    });

    it('keeps the first entry when the same id is appended again (a retried append)', async () => {
      await stores().messages.append(aMessage({ id: 'dup', body: 'first' }));
      await stores().messages.append(aMessage({ id: 'dup', body: 'retry' }));
      const listed = await stores().messages.listForUser('user-1', at(1));
      expect(listed.map((entry) => entry.body)).toEqual(['first']);
    });

    it('does not let callers change stored entries through the objects they pass or receive', async () => {
      const entry = aMessage();
      await stores().messages.append(entry);
      entry.body = 'mutated';
      const [listed] = await stores().messages.listForUser('user-1', at(1));
      expect(listed).toStrictEqual(aMessage());
      if (listed) listed.body = 'mutated again';
      expect(await stores().messages.listForUser('user-1', at(1))).toStrictEqual([aMessage()]);
    });
  });
}
