import {
  type BillingAccount,
  billingAccountSchema,
  USAGE_COUNTERS,
  type UsageCounter,
} from '../../core/billing/billing-account.ts';
import type { BillingStore } from '../../core/ports/billing-store.port.ts';
import { StoreError } from '../../core/ports/store-error.ts';
import { numberAttr, parseDoc, stringAttr } from './dynamo-items.ts';
import { expiry, type Key, keys, userPartition } from './dynamo-keys.ts';
import { type Condition, type DynamoTable, type Item, notExists, type TransactItem } from './dynamo-table.ts';

const DAY_MS = 86_400_000;
/** A week's counts are kept four weeks past the week's end, then TTL deletes them: only the current week is asked. */
const USAGE_KEPT_WEEKS_AFTER_END = 4;
const ISO_WEEK = /^(\d{4})-W(\d{2})$/;

/**
 * The account is one item in the user's partition (`BILLING`, the document plus the attributes its pointers are
 * found by). Pointers, written in the same transaction as the account:
 * - `BILLREF#<reference>`: unique (`attribute_not_exists(pk) OR userId = me`), so a reference taken by another user
 *   is a `conflict` and nothing is written;
 * - `BILLCUST#<customerId>` / `USER#<userId>`: one per account naming the customer, not one per customer. Stripe's
 *   customer normally has one account; should several name it over time, `findByCustomer` answers the latest
 *   updated, as SQLite does, and erasing one user removes only their own item, never another's pointer;
 * - `FAMILY` / `USER#<userId>`: present while the tier is Family, so `listFamily` reads one partition.
 * Usage counts are items `USAGE#<week>#<counter>` in the user's partition, each counted up by one conditional
 * UpdateItem (`ADD`, only while under the limit): of racing calls at the limit exactly one wins. They carry a TTL;
 * reads do not filter on it, because the only week ever asked about is the current one, weeks before expiry.
 */
export class DynamoBillingStore implements BillingStore {
  constructor(readonly table: DynamoTable) {}

  async get(userId: string): Promise<BillingAccount | undefined> {
    const item = await this.table.get(keys.billing(userId));
    return item === undefined ? undefined : toAccount(item);
  }

  async findByReference(reference: string): Promise<BillingAccount | undefined> {
    const pointer = await this.table.get(keys.billingReference(reference));
    if (pointer === undefined) return undefined;
    const account = await this.get(stringAttr(pointer, 'userId', 'billing reference item'));
    return account?.reference === reference ? account : undefined;
  }

  async findByCustomer(customerId: string): Promise<BillingAccount | undefined> {
    const pointers = await this.table.query({
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.billingCustomer(customerId, '').pk },
    });
    const accounts = (await this.#accountsOf(pointers)).filter(
      (account) => account.customerId === customerId,
    );
    // The latest updated wins; the greater user id breaks a tie, so the answer does not depend on read order.
    return accounts.reduce<BillingAccount | undefined>((latest, account) => {
      if (latest === undefined) return account;
      const order = Date.parse(account.updatedAt) - Date.parse(latest.updatedAt);
      return order > 0 || (order === 0 && account.userId > latest.userId) ? account : latest;
    }, undefined);
  }

  async save(account: BillingAccount): Promise<boolean> {
    const { userId } = account;
    const stored = await this.table.get(keys.billing(userId));
    const storedVersion =
      stored === undefined ? 0 : numberAttr(stored, 'version', `billing item of ${userId}`);
    if (storedVersion !== account.version - 1) return false;
    const before = stored === undefined ? undefined : pointerState(stored);
    const items: TransactItem[] = [
      this.table.putItem(accountItem(account), before === undefined ? notExists : unchanged(before)),
      this.table.putItem(
        { ...keys.billingReference(account.reference), kind: 'billing_reference', userId },
        { expression: 'attribute_not_exists(pk) OR userId = :userId', values: { ':userId': userId } },
      ),
    ];
    // The reference pointer is unique and this user's, so the old one can go unconditionally.
    if (before !== undefined && before.reference !== account.reference)
      items.push(this.table.deleteItem(keys.billingReference(before.reference)));
    if (before?.customerId !== undefined && before.customerId !== account.customerId)
      items.push(this.table.deleteItem(keys.billingCustomer(before.customerId, userId)));
    if (account.customerId !== undefined) {
      items.push(
        this.table.putItem({
          ...keys.billingCustomer(account.customerId, userId),
          kind: 'billing_customer',
          userId,
        }),
      );
    }
    // Deleting a missing item is no failure: the Family entry is always made to match the tier.
    items.push(
      account.tier === 'family'
        ? this.table.putItem({ ...keys.billingFamily(userId), kind: 'billing_family', userId })
        : this.table.deleteItem(keys.billingFamily(userId)),
    );
    const outcome = await this.table.transact(items);
    if (outcome.ok) return true;
    if (outcome.failed.has(0)) return false;
    if (outcome.failed.has(1)) throw new StoreError('conflict', 'billing reference already taken');
    throw new StoreError('conflict', `billing account of ${userId}: an unexpected condition failed`);
  }

  async listFamily(): Promise<BillingAccount[]> {
    const entries = await this.table.query({
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.billingFamily('').pk },
    });
    return (await this.#accountsOf(entries))
      .filter((account) => account.tier === 'family')
      .sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
  }

  async consume(userId: string, week: string, counter: UsageCounter, limit: number): Promise<boolean> {
    if (limit <= 0) return false;
    const { expiresAtMs, ttl } = expiry(usageExpiresAt(week));
    return this.table.update(
      keys.billingUsage(userId, week, counter),
      {
        expression:
          'ADD #count :one SET #kind = :kind, #userId = :userId, #week = :week, #counter = :counter, #expiresAtMs = :expiresAtMs, #ttl = :ttl',
        names: {
          '#kind': 'kind',
          '#userId': 'userId',
          '#week': 'week',
          '#counter': 'counter',
          '#expiresAtMs': 'expiresAtMs',
          '#ttl': 'ttl',
        },
        values: {
          ':one': 1,
          ':kind': 'billing_usage',
          ':userId': userId,
          ':week': week,
          ':counter': counter,
          ':expiresAtMs': expiresAtMs,
          ':ttl': ttl,
        },
      },
      {
        expression: 'attribute_not_exists(#count) OR #count < :limit',
        names: { '#count': 'count' },
        values: { ':limit': limit },
      },
    );
  }

  async usage(userId: string, week: string): Promise<Record<UsageCounter, number>> {
    const items = await this.table.query({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': userPartition(userId), ':prefix': `USAGE#${week}#` },
    });
    const counts = { plan: 0, swap: 0 };
    for (const item of items) {
      const known = USAGE_COUNTERS.find((name) => name === item.counter);
      if (known) counts[known] = numberAttr(item, 'count', `billing usage item of ${userId}`);
    }
    return counts;
  }

  async deleteForUser(userId: string): Promise<void> {
    const [account, usage] = await Promise.all([
      this.table.get(keys.billing(userId)),
      this.table.query({
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ProjectionExpression: 'pk, sk',
        ExpressionAttributeValues: { ':pk': userPartition(userId), ':prefix': 'USAGE#' },
      }),
    ]);
    // Pointers before the account: a crash in between leaves the account, which still names what is left.
    await this.table.deleteAll([
      ...(account === undefined ? [] : billingPointers(account)),
      ...usage.map((item) => ({ pk: String(item.pk), sk: String(item.sk) })),
    ]);
    await this.table.delete(keys.billing(userId));
  }

  /** The accounts the pointer entries name (by `userId`), in no particular order. */
  async #accountsOf(entries: readonly Item[]): Promise<BillingAccount[]> {
    const userIds = [...new Set(entries.map((entry) => stringAttr(entry, 'userId', 'billing pointer item')))];
    const items = await this.table.getMany(userIds.map((userId) => keys.billing(userId)));
    return items.map(toAccount);
  }
}

/** The pointer items a `billing` item owns: what erasure deletes with it (dynamo-erase.ts). */
export function billingPointers(item: Item): Key[] {
  const { userId, reference, customerId, tier } = pointerState(item);
  return [
    keys.billingReference(reference),
    ...(customerId === undefined ? [] : [keys.billingCustomer(customerId, userId)]),
    ...(tier === 'family' ? [keys.billingFamily(userId)] : []),
  ];
}

interface PointerState {
  userId: string;
  version: number;
  reference: string;
  customerId?: string;
  tier?: string;
}

function pointerState(item: Item): PointerState {
  const what = 'billing item';
  return {
    userId: stringAttr(item, 'userId', what),
    version: numberAttr(item, 'version', what),
    reference: stringAttr(item, 'reference', what),
    ...(typeof item.customerId === 'string' ? { customerId: item.customerId } : {}),
    ...(typeof item.tier === 'string' ? { tier: item.tier } : {}),
  };
}

/**
 * The account is replaced only while it still says what was read: the version, and the pointers the transaction
 * moves (an account erased and created again at the same version between the read and the write fails too).
 */
function unchanged(before: PointerState): Condition {
  const optional = (name: 'customerId' | 'tier') =>
    before[name] === undefined ? `attribute_not_exists(#${name})` : `#${name} = :${name}`;
  return {
    expression: `#version = :version AND #reference = :reference AND ${optional('customerId')} AND ${optional('tier')}`,
    names: { '#version': 'version', '#reference': 'reference', '#customerId': 'customerId', '#tier': 'tier' },
    values: {
      ':version': before.version,
      ':reference': before.reference,
      ...(before.customerId === undefined ? {} : { ':customerId': before.customerId }),
      ...(before.tier === undefined ? {} : { ':tier': before.tier }),
    },
  };
}

function accountItem(account: BillingAccount): Item {
  return {
    ...keys.billing(account.userId),
    kind: 'billing',
    userId: account.userId,
    version: account.version,
    reference: account.reference,
    ...(account.customerId === undefined ? {} : { customerId: account.customerId }),
    ...(account.tier === undefined ? {} : { tier: account.tier }),
    doc: account,
  };
}

function toAccount(item: Item): BillingAccount {
  return parseDoc(billingAccountSchema, item, `billing item of ${String(item.userId)}`);
}

/** When the counts of an ISO week ("2026-W48") may go: four weeks after the week ends (its Monday + 5 weeks). */
export function usageExpiresAt(week: string): string {
  const match = ISO_WEEK.exec(week);
  const year = Number(match?.[1]);
  const number = Number(match?.[2]);
  if (!match || number < 1 || number > 53) throw new RangeError(`not an ISO week: ${week}`);
  // Week 1 is the one holding 4 January; weeks start on Monday.
  const january4 = Date.UTC(year, 0, 4);
  const mondayOfWeek1 = january4 - ((new Date(january4).getUTCDay() + 6) % 7) * DAY_MS;
  const monday = mondayOfWeek1 + (number - 1) * 7 * DAY_MS;
  return new Date(monday + (1 + USAGE_KEPT_WEEKS_AFTER_END) * 7 * DAY_MS).toISOString();
}
