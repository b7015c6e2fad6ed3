import { describe, expect, it } from 'vitest';
import { at, type MakeStores, useFreshStores } from './contract-support.ts';

const STALE_MS = 60_000;
const SID_1 = `SM${'1'.repeat(32)}`;
const SID_2 = `SM${'2'.repeat(32)}`;

/** The outbound-message store: every family of stores passes these (all-contracts.ts). */
export function describeOutboundMessageStoreContract(makeStores: MakeStores): void {
  describe('OutboundMessageStore contract', () => {
    const stores = useFreshStores(makeStores);
    const store = () => stores().outboundMessages;
    const claim = (key: string, ms: number, userId = 'u1') => store().claim(key, userId, at(ms), STALE_MS);

    it('claims a new key once; a fresh claim is in progress for everyone else', async () => {
      expect(await claim('plan:1', 0)).toEqual({ status: 'claimed' });
      expect(await claim('plan:1', 1_000)).toEqual({ status: 'in_progress' });
      expect(await store().find('plan:1')).toMatchObject({ key: 'plan:1', userId: 'u1', state: 'sending' });
    });

    it('of concurrent claims exactly one wins', async () => {
      const results = await Promise.all([claim('k', 0), claim('k', 0), claim('k', 0)]);
      expect(results.filter((result) => result.status === 'claimed')).toHaveLength(1);
    });

    it('a sent key is done, with its MessageSid, long after the stale window', async () => {
      await claim('plan:1', 0);
      await store().markSent('plan:1', SID_1, at(10));
      const record = {
        key: 'plan:1',
        userId: 'u1',
        state: 'sent',
        messageSid: SID_1,
        at: at(10).toISOString(),
      };
      expect(await claim('plan:1', 10 * STALE_MS)).toEqual({ status: 'done', record });
      expect(await store().find('plan:1')).toEqual(record);
    });

    it('a failed key is done with its error code and never claimed again', async () => {
      await claim('plan:2', 0);
      await store().markFailed('plan:2', 21610, at(5));
      const record = {
        key: 'plan:2',
        userId: 'u1',
        state: 'failed',
        errorCode: 21610,
        at: at(5).toISOString(),
      };
      expect(await claim('plan:2', 10 * STALE_MS)).toEqual({ status: 'done', record });
    });

    it('a released claim can be claimed again; release leaves a sent key alone', async () => {
      await claim('k', 0);
      await store().release('k');
      expect(await store().find('k')).toBeUndefined();
      expect(await claim('k', 1)).toEqual({ status: 'claimed' });
      await store().markSent('k', SID_1, at(2));
      await store().release('k');
      expect(await store().find('k')).toMatchObject({ state: 'sent' });
    });

    it('a stale claim (its sender died) is taken over', async () => {
      await claim('k', 0);
      expect(await claim('k', STALE_MS - 1)).toEqual({ status: 'in_progress' });
      expect(await claim('k', STALE_MS, 'u1')).toEqual({ status: 'claimed' });
    });

    it('keeps a status per MessageSid and only moves it forward', async () => {
      const record = (status: 'queued' | 'sent' | 'delivered' | 'read', ms: number) =>
        store().recordStatus({ messageSid: SID_1, status, at: at(ms).toISOString() });
      expect(await store().status(SID_1)).toBeUndefined();
      expect(await record('sent', 1)).toBe('recorded');
      expect(await record('queued', 2)).toBe('ignored');
      expect(await record('delivered', 3)).toBe('recorded');
      expect(await record('delivered', 4)).toBe('ignored');
      expect(await record('sent', 5)).toBe('ignored');
      expect(await store().status(SID_1)).toEqual({
        messageSid: SID_1,
        status: 'delivered',
        at: at(3).toISOString(),
      });
      expect(await record('read', 6)).toBe('recorded');
    });

    it('keeps the error code of a failure, and a late delivered does not replace it', async () => {
      await store().recordStatus({
        messageSid: SID_2,
        status: 'failed',
        errorCode: 30003,
        at: at(1).toISOString(),
      });
      expect(
        await store().recordStatus({ messageSid: SID_2, status: 'delivered', at: at(2).toISOString() }),
      ).toBe('ignored');
      expect(await store().status(SID_2)).toEqual({
        messageSid: SID_2,
        status: 'failed',
        errorCode: 30003,
        at: at(1).toISOString(),
      });
    });

    it('lists what it holds for one user (the export): keys by key, statuses by MessageSid, nobody else’s', async () => {
      await claim('plan:b', 0, 'u1');
      await store().markSent('plan:b', SID_2, at(1));
      await store().recordStatus({ messageSid: SID_2, status: 'delivered', at: at(2).toISOString() });
      await claim('plan:a', 0, 'u1');
      await store().markFailed('plan:a', 21610, at(3));
      await claim('plan:c', 5, 'u1');
      await claim('theirs', 0, 'u2');
      await store().markSent('theirs', SID_1, at(1));
      await store().recordStatus({ messageSid: SID_1, status: 'read', at: at(2).toISOString() });
      expect(await store().listForUser('u1')).toEqual({
        messages: [
          { key: 'plan:a', userId: 'u1', state: 'failed', errorCode: 21610, at: at(3).toISOString() },
          { key: 'plan:b', userId: 'u1', state: 'sent', messageSid: SID_2, at: at(1).toISOString() },
          { key: 'plan:c', userId: 'u1', state: 'sending', claimedAt: at(5).toISOString() },
        ],
        statuses: [{ messageSid: SID_2, status: 'delivered', at: at(2).toISOString() }],
      });
      expect(await store().listForUser('nobody')).toEqual({ messages: [], statuses: [] });
    });

    it('erasing the user removes their keys and the statuses of their messages, nobody else’s', async () => {
      await claim('mine', 0, 'u1');
      await store().markSent('mine', SID_1, at(1));
      await store().recordStatus({ messageSid: SID_1, status: 'delivered', at: at(2).toISOString() });
      await claim('theirs', 0, 'u2');
      await store().markSent('theirs', SID_2, at(1));
      await store().recordStatus({ messageSid: SID_2, status: 'delivered', at: at(2).toISOString() });
      const committed = await stores().commit([
        {
          kind: 'erase_user',
          userId: 'u1',
          subject: '+15550070099',
          erasure: { id: 'erasure-1', at: at(3).toISOString() },
        },
      ]);
      expect(committed).toEqual({ ok: true });
      expect(await store().find('mine')).toBeUndefined();
      expect(await store().status(SID_1)).toBeUndefined();
      expect(await store().find('theirs')).toMatchObject({ state: 'sent' });
      expect(await store().status(SID_2)).toMatchObject({ status: 'delivered' });
    });
  });
}
