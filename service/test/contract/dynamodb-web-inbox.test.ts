import { expect, it } from 'vitest';
import { webInboxMessenger } from '../../src/core/messaging/web-inbox-messenger.ts';
import type { Stores } from '../../src/core/ports/stores.ts';
import { WEB_INBOX_RETENTION_MS, type WebInbox } from '../../src/core/ports/web-inbox.port.ts';
import { describeOnDynamoDbLocal } from '../support/dynamodb-suite.ts';
import { aUser } from './contract-support.ts';

const NOW = new Date('2026-11-26T12:00:00.000Z');
const at = (ms: number) => new Date(NOW.getTime() + ms);

/**
 * Expected results, written before the code: the web inbox on DynamoDB Local (what lets a web-chat user on AWS see
 * what queued work sent them). Messages live in the user's partition, so erasure takes them with no pointer work.
 */
describeOnDynamoDbLocal('the DynamoDB web inbox', (local) => {
  const fresh = async () => {
    const table = await local.freshTable('webinbox', {
      pseudonymKey: 'webinbox-test-pseudonym-key-0123456789',
    });
    return { ...table, inbox: inboxOf(table.stores), second: () => inboxOf(table.open()) };
  };
  const inboxOf = (stores: Stores): WebInbox => {
    if (!stores.webInbox) throw new Error('the DynamoDB stores keep no web inbox');
    return stores.webInbox;
  };

  it('stores a key once: the second delivery is a duplicate, before and after the message was taken', async () => {
    const { inbox } = await fresh();
    expect(await inbox.deliver('user-1', 'plan:job-1', 'Your household plan is ready', at(0))).toBe('stored');
    expect(await inbox.deliver('user-1', 'plan:job-1', 'Your household plan is ready', at(1))).toBe(
      'duplicate',
    );
    expect(await inbox.takeNew('user-1', at(2))).toEqual(['Your household plan is ready']);
    expect(await inbox.deliver('user-1', 'plan:job-1', 'Your household plan is ready', at(3))).toBe(
      'duplicate',
    );
    expect(await inbox.takeNew('user-1', at(4))).toEqual([]);
  });

  it('returns the messages oldest first (same instant: in order of delivery), each once, only to their user', async () => {
    const { inbox } = await fresh();
    await inbox.deliver('user-1', 'k-b', 'second', at(1000));
    await inbox.deliver('user-1', 'k-a', 'first', at(0));
    await inbox.deliver('user-1', 'k-c', 'third', at(1000));
    await inbox.deliver('user-2', 'k-d', 'for someone else', at(0));
    expect(await inbox.takeNew('user-1', at(2000))).toEqual(['first', 'second', 'third']);
    expect(await inbox.takeNew('user-1', at(3000))).toEqual([]);
    await inbox.deliver('user-1', 'k-e', 'later', at(4000));
    expect(await inbox.takeNew('user-1', at(5000))).toEqual(['later']);
    expect(await inbox.takeNew('user-2', at(5000))).toEqual(['for someone else']);
  });

  it('hands each message to one of several racing takers (two processes), never to two', async () => {
    const { inbox, second } = await fresh();
    const other = second();
    const sent = Array.from({ length: 12 }, (_, i) => `message ${String(i).padStart(2, '0')}`);
    for (const [i, body] of sent.entries()) await inbox.deliver('user-1', `k-${i}`, body, at(i));
    const taken = await Promise.all(
      Array.from({ length: 6 }, (_, i) => (i % 2 === 0 ? inbox : other).takeNew('user-1', at(100))),
    );
    const all = taken.flat();
    expect([...all].sort()).toEqual(sent);
    for (const batch of taken) expect(batch).toEqual([...batch].sort());
  });

  it('does not return a message past its retention (a week), and still returns it at the last instant', async () => {
    const { inbox } = await fresh();
    await inbox.deliver('user-1', 'k-old', 'stale', at(0));
    await inbox.deliver('user-1', 'k-new', 'fresh', at(1));
    expect(await inbox.takeNew('user-1', at(WEB_INBOX_RETENTION_MS + 1))).toEqual(['fresh']);
    await inbox.deliver('user-2', 'k-edge', 'just in time', at(0));
    expect(await inbox.takeNew('user-2', at(WEB_INBOX_RETENTION_MS))).toEqual(['just in time']);
  });

  it('stamps every item it writes with a TTL no earlier than its expiry', async () => {
    const { inbox, items } = await fresh();
    await inbox.deliver('user-1', 'k-1', 'hello', at(0));
    const written = await items();
    expect(written.length).toBeGreaterThan(0);
    for (const item of written) {
      expect(item.pk).toBe('USER#user-1');
      expect(Number(item.ttl) * 1000).toBeGreaterThanOrEqual(NOW.getTime() + WEB_INBOX_RETENTION_MS);
    }
  });

  it('leaves no web message of an erased user, read or unread, and keeps other users’ messages', async () => {
    const { stores, inbox, items } = await fresh();
    await stores.users.create(aUser({ id: 'user-1' }));
    await inbox.deliver('user-1', 'k-read', 'read already', at(0));
    await inbox.takeNew('user-1', at(1));
    await inbox.deliver('user-1', 'k-unread', 'never read', at(2));
    await inbox.deliver('user-2', 'k-other', 'kept for user 2', at(2));
    const result = await stores.commit([
      {
        kind: 'erase_user',
        userId: 'user-1',
        phone: aUser().phone,
        subject: aUser().phone ?? '',
        erasure: { id: 'e-1', at: at(3).toISOString() },
      },
    ]);
    expect(result).toEqual({ ok: true });
    const left = JSON.stringify(await items());
    expect(left).not.toContain('user-1');
    expect(left).not.toContain('never read');
    expect(left).not.toContain('k-read');
    expect(await inbox.takeNew('user-1', at(4))).toEqual([]);
    expect(await inbox.takeNew('user-2', at(4))).toEqual(['kept for user 2']);
  });

  it('serves as the web channel’s messenger: sent, then duplicate for the same key', async () => {
    const { inbox } = await fresh();
    const messenger = webInboxMessenger(inbox, { now: () => at(0) });
    const to = { userId: 'user-1', channel: 'web' as const, webSessionId: 'session-1' };
    expect(await messenger.send(to, 'Your plan', 'plan:job-9')).toEqual({ status: 'sent' });
    expect(await messenger.send(to, 'Your plan', 'plan:job-9')).toEqual({ status: 'duplicate' });
    expect(messenger.kind).toBe('web-inbox');
    expect(await inbox.takeNew('user-1', at(1))).toEqual(['Your plan']);
  });
});
