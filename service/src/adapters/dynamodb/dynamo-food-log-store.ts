import { type FoodLogEntry, foodLogEntrySchema } from '../../core/domain/food-log-entry.ts';
import type { FoodLogStore } from '../../core/ports/food-log-store.port.ts';
import { StoreError } from '../../core/ports/store-error.ts';
import { parseDoc } from './dynamo-items.ts';
import { expiry, keys, userPartition } from './dynamo-keys.ts';
import { purgeExpiredItems } from './dynamo-purge.ts';
import {
  type DynamoTable,
  type Item,
  MAX_TRANSACTION_ITEMS,
  notExists,
  type TransactItem,
} from './dynamo-table.ts';

/** Each entry writes two items (the entry and its id pointer); one transaction holds 100 items. */
export const FOOD_LOG_ENTRIES_PER_TRANSACTION = MAX_TRANSACTION_ITEMS / 2;

/**
 * Entries live in their user's partition under `FOOD#<local date>#<instant>#<id>`: a day is one prefix query, a
 * range one BETWEEN, both already in the order the port promises. A pointer item per id (`FOODID#…`) makes ids
 * unique across the table, in the same transaction as the entries, so a batch lands whole or not at all.
 */
export class DynamoFoodLogStore implements FoodLogStore {
  constructor(readonly table: DynamoTable) {}

  /**
   * Up to 50 entries (every real message) are one transaction. A longer batch (a pasted list) goes in several,
   * and when one of them fails the ones before it are deleted again before the error is thrown, so the result
   * is still all or nothing, though a reader may glimpse the first part for those few milliseconds.
   */
  async append(entries: readonly FoodLogEntry[]): Promise<void> {
    if (entries.length === 0) return;
    if (new Set(entries.map((entry) => entry.id)).size !== entries.length) throw takenError();
    const written: FoodLogEntry[] = [];
    try {
      for (let start = 0; start < entries.length; start += FOOD_LOG_ENTRIES_PER_TRANSACTION) {
        const part = entries.slice(start, start + FOOD_LOG_ENTRIES_PER_TRANSACTION);
        const outcome = await this.table.transact(part.flatMap((entry) => this.#appendItems(entry)));
        if (!outcome.ok) throw takenError();
        written.push(...part);
      }
    } catch (error) {
      await this.table.deleteAll(written.flatMap((entry) => [entryKey(entry), keys.foodId(entry.id)]));
      throw error;
    }
  }

  async forDay(userId: string, date: string, now: Date): Promise<FoodLogEntry[]> {
    const items = await this.table.query({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      FilterExpression: 'expiresAtMs >= :now',
      ExpressionAttributeValues: {
        ':pk': userPartition(userId),
        ':prefix': `FOOD#${date}#`,
        ':now': now.getTime(),
      },
    });
    return items.map(toEntry);
  }

  async forDays(userId: string, fromDate: string, toDate: string, now: Date): Promise<FoodLogEntry[]> {
    if (fromDate > toDate) return [];
    const items = await this.table.query({
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      FilterExpression: 'expiresAtMs >= :now',
      // `$` sorts right after `#`, so the upper bound takes in every entry of the last day and nothing after.
      ExpressionAttributeValues: {
        ':pk': userPartition(userId),
        ':from': `FOOD#${fromDate}#`,
        ':to': `FOOD#${toDate}$`,
        ':now': now.getTime(),
      },
    });
    return items.map(toEntry);
  }

  async deleteForUser(userId: string): Promise<void> {
    const items = await this.table.query({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ProjectionExpression: 'pk, sk, id',
      ExpressionAttributeValues: { ':pk': userPartition(userId), ':prefix': 'FOOD#' },
    });
    await this.table.deleteAll(
      items.flatMap((item) => [{ pk: String(item.pk), sk: String(item.sk) }, keys.foodId(String(item.id))]),
    );
  }

  async purgeExpired(now: Date): Promise<number> {
    return purgeExpiredItems(this.table, now, 'food', ['food_id']);
  }

  #appendItems(entry: FoodLogEntry): TransactItem[] {
    const key = entryKey(entry);
    const expires = expiry(entry.expiresAt);
    return [
      this.table.putItem({ ...key, kind: 'food', id: entry.id, doc: entry, ...expires }, notExists),
      this.table.putItem(
        { ...keys.foodId(entry.id), kind: 'food_id', userId: entry.userId, entrySk: key.sk, ...expires },
        notExists,
      ),
    ];
  }
}

function entryKey(entry: FoodLogEntry) {
  return keys.food(entry.userId, entry.date, entry.at, entry.id);
}

function takenError(): StoreError {
  return new StoreError('conflict', 'food log entry id already taken; nothing was written');
}

function toEntry(item: Item): FoodLogEntry {
  return parseDoc(foodLogEntrySchema, item, `food log item ${String(item.id)}`);
}
