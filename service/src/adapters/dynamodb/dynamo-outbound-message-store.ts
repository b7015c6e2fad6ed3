import {
  type DeliveryStatus,
  deliveryStatusSchema,
  supersedes,
} from '../../core/messaging/delivery-status.ts';
import type {
  DeliveryRecord,
  OutboundClaim,
  OutboundHoldings,
  OutboundMessageStore,
  OutboundRecord,
} from '../../core/ports/outbound-message-store.port.ts';
import { StoreError } from '../../core/ports/store-error.ts';
import { keys, userPartition } from './dynamo-keys.ts';
import { type DynamoTable, type Item, notExists, type TransactItem } from './dynamo-table.ts';

/** A claim or status write that keeps losing to another writer re-reads this many times before it gives up. */
const MAX_ATTEMPTS = 5;
const STATE = { '#state': 'state' };

/**
 * One item per idempotency key (`OUTBOUND#<key>`) and a reference in the user's partition (`OUTBOUND#<key>`),
 * written together, so erasure and the export find the user's keys. A claim is a conditional put (new key) or a
 * conditional takeover of a stale claim, so of concurrent claims exactly one wins. The latest delivery status per
 * MessageSid is one item (`DELIVERY#<sid>`), moved forward only by a compare-and-set on the status read; `markSent`
 * stamps it with the user and records the MessageSid on the reference, so erasing the user removes it too.
 * Errors name keys and MessageSids, never a number or a body (none is stored).
 */
export class DynamoOutboundMessageStore implements OutboundMessageStore {
  constructor(readonly table: DynamoTable) {}

  async claim(key: string, userId: string, now: Date, staleAfterMs: number): Promise<OutboundClaim> {
    const nowMs = now.getTime();
    const claimed = { state: 'sending', userId, claimedAtMs: nowMs, at: now.toISOString() };
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const fresh = await this.table.transact([
        this.table.putItem({ ...keys.outbound(key), kind: 'outbound', key, ...claimed }, notExists),
        this.#refItem(userId, key),
      ]);
      if (fresh.ok) return { status: 'claimed' };
      const item = await this.table.get(keys.outbound(key));
      if (item === undefined) continue;
      const record = toRecord(item);
      if (record.state !== 'sending') return { status: 'done', record };
      if (nowMs - Number(item.claimedAtMs) < staleAfterMs) return { status: 'in_progress' };
      // The sender died: take the claim over, only while it is still the one read.
      const takeover: TransactItem[] = [
        this.table.putItem(
          { ...keys.outbound(key), kind: 'outbound', key, ...claimed },
          {
            expression: '#state = :sending AND claimedAtMs = :read',
            names: STATE,
            values: { ':sending': 'sending', ':read': item.claimedAtMs },
          },
        ),
        this.#refItem(userId, key),
      ];
      if (record.userId !== userId)
        takeover.push(this.table.deleteItem(keys.outboundRef(record.userId, key)));
      if ((await this.table.transact(takeover)).ok) return { status: 'claimed' };
    }
    throw new StoreError('conflict', `outbound message ${key}: claims kept racing`);
  }

  async markSent(key: string, messageSid: string, now: Date): Promise<void> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const item = await this.table.get(keys.outbound(key));
      if (item === undefined) return;
      const userId = String(item.userId);
      const outcome = await this.table.transact([
        this.table.updateItem(
          keys.outbound(key),
          {
            expression: 'SET #state = :sent, messageSid = :sid, #at = :at',
            names: { ...STATE, '#at': 'at' },
            values: { ':sent': 'sent', ':sid': messageSid, ':at': now.toISOString() },
          },
          { expression: 'userId = :userId', values: { ':userId': userId } },
        ),
        this.#refItem(userId, key, messageSid),
        // A status may have arrived before this: it keeps its status and gains its user.
        this.table.updateItem(keys.delivery(messageSid), {
          expression: 'SET #kind = :kind, messageSid = :sid, userId = if_not_exists(userId, :userId)',
          names: { '#kind': 'kind' },
          values: { ':kind': 'delivery', ':sid': messageSid, ':userId': userId },
        }),
      ]);
      if (outcome.ok) return;
    }
    throw new StoreError('conflict', `outbound message ${key} kept changing while marked sent`);
  }

  async markFailed(key: string, errorCode: number, now: Date): Promise<void> {
    await this.table.update(
      keys.outbound(key),
      {
        expression: 'SET #state = :failed, errorCode = :code, #at = :at',
        names: { ...STATE, '#at': 'at' },
        values: { ':failed': 'failed', ':code': errorCode, ':at': now.toISOString() },
      },
      { expression: 'attribute_exists(pk)' },
    );
  }

  async release(key: string): Promise<void> {
    const item = await this.table.get(keys.outbound(key));
    if (item === undefined || item.state !== 'sending') return;
    const userId = String(item.userId);
    // A claim that was sent, failed or taken over since the read is left as it is.
    await this.table.transact([
      this.table.deleteItem(keys.outbound(key), {
        expression: '#state = :sending AND userId = :userId',
        names: STATE,
        values: { ':sending': 'sending', ':userId': userId },
      }),
      this.table.deleteItem(keys.outboundRef(userId, key)),
    ]);
  }

  async find(key: string): Promise<OutboundRecord | undefined> {
    const item = await this.table.get(keys.outbound(key));
    return item === undefined ? undefined : toRecord(item);
  }

  async recordStatus(update: DeliveryRecord): Promise<'recorded' | 'ignored'> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const current = await this.table.get(keys.delivery(update.messageSid));
      const before = current?.status === undefined ? undefined : parseStatus(current);
      if (before !== undefined && !supersedes(before, update.status)) return 'ignored';
      const unchanged =
        before === undefined
          ? { expression: 'attribute_not_exists(#status)', names: { '#status': 'status' } }
          : {
              expression: '#status = :before',
              names: { '#status': 'status' },
              values: { ':before': before },
            };
      const errorCode = update.errorCode === undefined ? ' REMOVE errorCode' : ', errorCode = :code';
      const written = await this.table.update(
        keys.delivery(update.messageSid),
        {
          expression: `SET #kind = :kind, messageSid = :sid, #status = :status, #at = :at${errorCode}`,
          names: { '#kind': 'kind', '#status': 'status', '#at': 'at' },
          values: {
            ':kind': 'delivery',
            ':sid': update.messageSid,
            ':status': update.status,
            ':at': update.at,
            ...(update.errorCode === undefined ? {} : { ':code': update.errorCode }),
          },
        },
        unchanged,
      );
      if (written) return 'recorded';
    }
    throw new StoreError('conflict', `delivery status of ${update.messageSid} kept changing`);
  }

  async status(messageSid: string): Promise<DeliveryRecord | undefined> {
    const item = await this.table.get(keys.delivery(messageSid));
    return item?.status === undefined ? undefined : toDelivery(item);
  }

  async listForUser(userId: string): Promise<OutboundHoldings> {
    const refs = await this.table.query({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': userPartition(userId), ':prefix': 'OUTBOUND#' },
    });
    const items = await this.table.getMany(
      refs.flatMap((ref) => [
        keys.outbound(String(ref.key)),
        ...(typeof ref.messageSid === 'string' ? [keys.delivery(ref.messageSid)] : []),
      ]),
    );
    const theirs = items.filter((item) => item.userId === userId);
    return {
      messages: theirs
        .filter((item) => item.kind === 'outbound')
        .map(toRecord)
        .sort((a, b) => compare(a.key, b.key)),
      statuses: theirs
        .filter((item) => item.kind === 'delivery' && item.status !== undefined)
        .map(toDelivery)
        .sort((a, b) => compare(a.messageSid, b.messageSid)),
    };
  }

  #refItem(userId: string, key: string, messageSid?: string): TransactItem {
    return this.table.putItem({
      ...keys.outboundRef(userId, key),
      kind: 'outbound_ref',
      key,
      ...(messageSid === undefined ? {} : { messageSid }),
    });
  }
}

function toRecord(item: Item): OutboundRecord {
  const key = String(item.key);
  const base = { key, userId: String(item.userId) };
  if (item.state === 'sending' && typeof item.claimedAtMs === 'number') {
    return { ...base, state: 'sending', claimedAt: new Date(item.claimedAtMs).toISOString() };
  }
  if (item.state === 'sent' && typeof item.messageSid === 'string' && typeof item.at === 'string') {
    return { ...base, state: 'sent', messageSid: item.messageSid, at: item.at };
  }
  if (item.state === 'failed' && typeof item.errorCode === 'number' && typeof item.at === 'string') {
    return { ...base, state: 'failed', errorCode: item.errorCode, at: item.at };
  }
  throw new StoreError('corrupt_row', `outbound message item ${key} is incomplete`);
}

function parseStatus(item: Item): DeliveryStatus {
  const parsed = deliveryStatusSchema.safeParse(item.status);
  if (!parsed.success) {
    throw new StoreError(
      'corrupt_row',
      `delivery status item ${String(item.messageSid)} has an unknown status`,
    );
  }
  return parsed.data;
}

function toDelivery(item: Item): DeliveryRecord {
  if (typeof item.at !== 'string')
    throw new StoreError('corrupt_row', `delivery status item ${String(item.messageSid)} has no time`);
  return {
    messageSid: String(item.messageSid),
    status: parseStatus(item),
    ...(typeof item.errorCode === 'number' ? { errorCode: item.errorCode } : {}),
    at: item.at,
  };
}

/** Code-unit order, as the memory and SQLite stores list them. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
