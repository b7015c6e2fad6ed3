import { DescribeTableCommand, DescribeTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { expect, it } from 'vitest';
import { TABLE_DEFINITION } from '../../src/adapters/dynamodb/index.ts';
import { PSEUDONYM_PREFIX } from '../../src/core/ports/privacy-store.port.ts';
import type { Stores } from '../../src/core/ports/stores.ts';
import { describeOnDynamoDbLocal } from '../support/dynamodb-suite.ts';
import { aConsent, aMessage, at, aUser, expectStoreError } from './contract-support.ts';
import { aFoodLogEntry } from './food-log-store.contract.ts';
import { aStoredPlan } from './plan-store.contract.ts';

const iso = (ms: number) => at(ms).toISOString();

/** What the contracts cannot see: the table's shape, TTL, DynamoDB's 100-item transactions, erasure markers. */
describeOnDynamoDbLocal('dynamodb specifics', (local) => {
  const fresh = (timeToLive = false) =>
    local.freshTable('specific', { pseudonymKey: 'specific-test-pseudonym-key-0123456789', timeToLive });

  const appendMessages = async (stores: Stores, count: number, userId = 'user-1') => {
    for (let i = 0; i < count; i++)
      await stores.messages.append(aMessage({ id: `${userId}-m${i}`, userId, at: iso(i) }));
  };

  it('creates the table TABLE_DEFINITION describes: pk/sk strings, no GSI, on demand, TTL on `ttl`', async () => {
    const { client, tableName } = await fresh(true);
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    expect(Table?.KeySchema).toEqual([
      { AttributeName: TABLE_DEFINITION.partitionKey.name, KeyType: 'HASH' },
      { AttributeName: TABLE_DEFINITION.sortKey.name, KeyType: 'RANGE' },
    ]);
    expect(Table?.GlobalSecondaryIndexes ?? []).toEqual([]);
    expect(Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
    expect(ttl.TimeToLiveDescription).toMatchObject({ AttributeName: 'ttl', TimeToLiveStatus: 'ENABLED' });
  });

  it('stamps every expiring item and its pointer with `ttl` in epoch seconds, rounded up, never before expiry', async () => {
    const { stores, items } = await fresh();
    const expiresAt = '2025-01-07T12:00:00.001Z';
    await stores.messages.append(aMessage({ expiresAt }));
    await stores.plans.save(aStoredPlan({ expiresAt }));
    await stores.foodLog.append([aFoodLogEntry({ expiresAt })]);
    const expiring = (await items()).filter((item) => item.expiresAtMs !== undefined);
    expect(expiring.map((item) => item.kind).sort()).toEqual(
      ['food', 'food_id', 'message', 'message_id', 'plan', 'plan_id', 'plan_token'].sort(),
    );
    for (const item of expiring) expect(item.ttl).toBe(Math.ceil(Date.parse(expiresAt) / 1000));
  });

  it('deletes 60 stored messages in a commit (120 items) after its transaction, keeping the new one', async () => {
    const { stores, items } = await fresh();
    await stores.users.create(aUser());
    await appendMessages(stores, 60);
    const result = await stores.commit([
      { kind: 'dialogue', userId: 'user-1', state: { stage: 'ready' }, expectedVersion: 0 },
      { kind: 'delete_messages', userId: 'user-1' },
      { kind: 'message', entry: aMessage({ id: 'after', at: iso(100) }) },
    ]);
    expect(result).toEqual({ ok: true });
    expect((await stores.messages.listForUser('user-1', at(1))).map((entry) => entry.id)).toEqual(['after']);
    expect((await items()).filter((item) => item.kind === 'message_id')).toHaveLength(1);
  });

  it('writes nothing when a version conflict meets a commit whose deletions overflow the transaction', async () => {
    const { stores } = await fresh();
    await stores.users.create(aUser());
    await appendMessages(stores, 60);
    await stores.dialogue.save('user-1', { stage: 'moved on' }, 0);
    const result = await stores.commit([
      { kind: 'dialogue', userId: 'user-1', state: { stage: 'stale' }, expectedVersion: 0 },
      { kind: 'delete_messages', userId: 'user-1' },
    ]);
    expect(result).toEqual({ ok: false, reason: 'version_conflict' });
    expect(await stores.messages.listForUser('user-1', at(1))).toHaveLength(60);
  });

  it('refuses a commit whose own writes exceed 100 items, writing nothing', async () => {
    const { stores, items } = await fresh();
    const messages = Array.from({ length: 51 }, (_, i) => ({
      kind: 'message' as const,
      entry: aMessage({ id: `m${i}` }),
    }));
    await expect(
      stores.commit([{ kind: 'dialogue', userId: 'user-1', state: {}, expectedVersion: 0 }, ...messages]),
    ).rejects.toThrow(/exceeds DynamoDB's transaction limit/);
    expect(await items()).toEqual([]);
  });

  it('erases a user with more than 100 items: nothing of theirs is left, consent is kept under the hash', async () => {
    const { stores, items } = await fresh();
    await stores.users.create(aUser({ webSessionId: 'session-1' }));
    await appendMessages(stores, 70);
    await stores.plans.save(aStoredPlan());
    await stores.foodLog.append([aFoodLogEntry()]);
    await stores.consent.append(aConsent());
    await stores.privacy.saveExportLink({
      token: 'exp_erase'.padEnd(26, 'y'),
      userId: 'user-1',
      createdAt: iso(0),
      expiresAt: iso(86_400_000),
    });
    await stores.webhookReceipts.claim('twilio:SM1', at(0), 3600);
    await stores.webhookReceipts.complete(
      'twilio:SM1',
      { status: 200, contentType: 'text/xml', body: '' },
      'user-1',
    );
    await appendMessages(stores, 2, 'user-2');

    const result = await stores.commit([
      { kind: 'dialogue', userId: 'user-1', state: {}, expectedVersion: 0 },
      {
        kind: 'erase_user',
        userId: 'user-1',
        subject: aConsent().subject,
        erasure: { id: 'e-1', at: iso(5) },
      },
    ]);
    expect(result).toEqual({ ok: true });
    const left = await items();
    const kinds = left.map((item) => item.kind).sort();
    expect(kinds).toEqual(['consent', 'erasure', 'message', 'message', 'message_id', 'message_id']);
    expect(JSON.stringify(left)).not.toContain('user-1');
    expect(JSON.stringify(left)).not.toContain(aConsent().subject);
    const [kept] = await stores.consent.history(aConsent().subject);
    expect(kept?.subject.startsWith(PSEUDONYM_PREFIX)).toBe(true);
  });

  it('erases invitations sent and received, the weekly subscription and outbound keys and statuses: no item names the user or the number', async () => {
    const { stores, items } = await fresh();
    const phone = aUser().phone ?? '';
    const invitation = {
      relation: 'partner' as const,
      relationWord: 'wife',
      status: 'pending' as const,
      createdAt: iso(0),
      expiresAt: iso(72 * 3_600_000),
    };
    await stores.users.create(aUser());
    await stores.households.create({
      ...invitation,
      id: 'inv-sent',
      ownerId: 'user-1',
      inviteeUserId: 'user-3',
      inviteePhone: '+15555550103',
    });
    await stores.households.create({
      ...invitation,
      id: 'inv-received',
      ownerId: 'user-2',
      inviteeUserId: 'user-1',
      inviteePhone: phone,
    });
    await stores.households.join('inv-received', at(1));
    await stores.weeklyDelivery.subscribe('user-1', 'sunday', at(0));
    await stores.weeklyDelivery.markSent('user-1', '2025-W02');
    await stores.outboundMessages.claim('plan:1', 'user-1', at(0), 60_000);
    await stores.outboundMessages.markSent('plan:1', `SM${'1'.repeat(32)}`, at(1));
    await stores.outboundMessages.recordStatus({
      messageSid: `SM${'1'.repeat(32)}`,
      status: 'delivered',
      at: iso(2),
    });
    await stores.outboundMessages.claim('plan:2', 'user-1', at(0), 60_000);

    const result = await stores.commit([
      { kind: 'erase_user', userId: 'user-1', phone, subject: phone, erasure: { id: 'e-1', at: iso(5) } },
    ]);
    expect(result).toEqual({ ok: true });
    const left = await items();
    expect(left.map((item) => item.kind)).toEqual(['erasure']);
    expect(await stores.weeklyDelivery.listActive()).toEqual([]);
  });

  it('pages the active weekly subscriptions by user id, reading only the page, with the cursor of the next', async () => {
    const { stores } = await fresh();
    for (const id of ['user-e', 'user-a', 'user-d', 'user-c', 'user-b'])
      await stores.weeklyDelivery.subscribe(id, 'sunday', at(0));
    await stores.weeklyDelivery.unsubscribe('user-c', at(1));
    const page = stores.weeklyDelivery.listActivePage?.bind(stores.weeklyDelivery);
    expect(page).toBeDefined();
    const ids = (subscriptions: { userId: string }[]) => subscriptions.map((row) => row.userId);
    const first = await page?.({ limit: 2 });
    expect(ids(first?.subscriptions ?? [])).toEqual(['user-a', 'user-b']);
    expect(first?.next).toBe('user-b');
    const second = await page?.({ limit: 2, after: 'user-b' });
    expect(ids(second?.subscriptions ?? [])).toEqual(['user-d', 'user-e']);
    expect(second?.next).toBeUndefined();
    expect(await page?.({ limit: 5, after: 'user-e' })).toEqual({ subscriptions: [] });
  });

  it('finishes an erasure that a crash interrupted after its transaction, at the next sweep', async () => {
    const { stores, items, put } = await fresh();
    await appendMessages(stores, 3);
    await stores.plans.save(aStoredPlan());
    // What a process that died between the transaction and the bulk deletion leaves behind.
    await put({ pk: 'ERASING', sk: 'USER#user-1', kind: 'erasing', userId: 'user-1' });
    expect(await stores.privacy.purgeExpired(at(0))).toBe(0);
    expect(await items()).toEqual([]);
  });

  it('finishes it on its own too (the finish_erasures job the AWS scheduler queues), and says how many', async () => {
    const { stores, items, put } = await fresh();
    await appendMessages(stores, 2);
    await put({ pk: 'ERASING', sk: 'USER#user-1', kind: 'erasing', userId: 'user-1' });
    expect(await stores.privacy.finishPendingErasures?.()).toBe(1);
    expect(await items()).toEqual([]);
    expect(await stores.privacy.finishPendingErasures?.()).toBe(0);
  });

  it('appends 120 food log entries whole, and none of 120 when the last id is taken', async () => {
    const { stores } = await fresh();
    const batch = (prefix: string) =>
      Array.from({ length: 120 }, (_, i) => aFoodLogEntry({ id: `${prefix}-${String(i).padStart(3, '0')}` }));
    await stores.foodLog.append(batch('a'));
    expect(await stores.foodLog.forDay('user-1', '2025-01-06', at(0))).toHaveLength(120);

    const clashing = [...batch('b').slice(0, 119), aFoodLogEntry({ id: 'a-000' })];
    await expectStoreError(stores.foodLog.append(clashing), 'conflict');
    const ids = (await stores.foodLog.forDay('user-1', '2025-01-06', at(0))).map((entry) => entry.id);
    expect(ids.filter((id) => id.startsWith('b-'))).toEqual([]);
    await stores.foodLog.append(batch('b'));
  });

  it('reads a document the domain rejects as corrupt_row, naming no phone number', async () => {
    const { stores, put } = await fresh();
    await put({
      pk: 'USER#user-1',
      sk: 'USER',
      kind: 'user',
      rev: 1,
      doc: { ...aUser(), locale: 'klingon' },
    });
    await expectStoreError(stores.users.findById('user-1'), 'corrupt_row');
    const error = await stores.users.findByPhone(aUser().phone ?? '').catch((caught: Error) => caught);
    expect(error).toBeUndefined(); // no pointer was written by hand, so nothing is found and nothing fails
    const message = await stores.users.findById('user-1').catch((caught: Error) => caught.message);
    expect(message).not.toContain(aUser().phone);
  });
});
