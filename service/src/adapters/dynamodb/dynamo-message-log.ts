import { type MessageLogEntry, messageLogEntrySchema } from '../../core/domain/message.ts';
import type { MessageLog } from '../../core/ports/message-log.port.ts';
import { parseDoc } from './dynamo-items.ts';
import { expiry, type Key, keys, nextSequence, userPartition } from './dynamo-keys.ts';
import { purgeExpiredItems } from './dynamo-purge.ts';
import { type DynamoTable, type Item, notExists, type TransactItem } from './dynamo-table.ts';

/**
 * Entries live in their user's partition, sorted by instant and then by append order (`MSG#<instant>#<seq>`),
 * so "newest first" is one backward query. A pointer item per id (`MSGID#…`) finds an entry by id alone and
 * keeps the first of two appends with the same id. Both carry `expiresAtMs` (reads filter on it) and `ttl`.
 */
export class DynamoMessageLog implements MessageLog {
  constructor(readonly table: DynamoTable) {}

  async append(entry: MessageLogEntry): Promise<void> {
    // A failed condition means the id is taken: first write wins, so a retried append is harmless.
    await this.table.transact(this.appendItems(entry));
  }

  async listForUser(userId: string, now: Date, limit?: number): Promise<MessageLogEntry[]> {
    if (limit !== undefined && limit <= 0) return [];
    const items = await this.table.query(
      {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        FilterExpression: 'expiresAtMs >= :now',
        ExpressionAttributeValues: { ':pk': userPartition(userId), ':prefix': 'MSG#', ':now': now.getTime() },
        ScanIndexForward: false,
      },
      limit,
    );
    return items.map(toEntry);
  }

  async getById(id: string, now: Date): Promise<MessageLogEntry | undefined> {
    const pointer = await this.table.get(keys.messageId(id));
    if (typeof pointer?.userId !== 'string' || typeof pointer.logSk !== 'string') return undefined;
    const item = await this.table.get({ pk: userPartition(pointer.userId), sk: pointer.logSk });
    if (item === undefined || !(Number(item.expiresAtMs) >= now.getTime())) return undefined;
    return toEntry(item);
  }

  async purgeExpired(now: Date): Promise<number> {
    return purgeExpiredItems(this.table, now, 'message', ['message_id']);
  }

  async deleteForUser(userId: string): Promise<void> {
    await this.table.deleteAll(await this.keysForUser(userId));
  }

  /**
   * The entry and its id pointer; the pointer (index 1) fails its condition when the id is already stored,
   * unless `takeOver` (the stored entry is being deleted in the same transaction).
   */
  appendItems(entry: MessageLogEntry, takeOver = false): [TransactItem, TransactItem] {
    const logKey = keys.message(entry.userId, entry.at, nextSequence());
    const expires = expiry(entry.expiresAt);
    return [
      this.table.putItem({ ...logKey, kind: 'message', id: entry.id, doc: entry, ...expires }),
      this.table.putItem(
        {
          ...keys.messageId(entry.id),
          kind: 'message_id',
          userId: entry.userId,
          logSk: logKey.sk,
          ...expires,
        },
        takeOver ? undefined : notExists,
      ),
    ];
  }

  /** Every item of the user's log, entries and their id pointers, for erasure. */
  async keysForUser(userId: string): Promise<Key[]> {
    const items = await this.table.query({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ProjectionExpression: 'pk, sk, id',
      ExpressionAttributeValues: { ':pk': userPartition(userId), ':prefix': 'MSG#' },
    });
    return items.flatMap((item) => [
      { pk: String(item.pk), sk: String(item.sk) },
      keys.messageId(String(item.id)),
    ]);
  }
}

function toEntry(item: Item): MessageLogEntry {
  return parseDoc(messageLogEntrySchema, item, `message item ${String(item.id)}`);
}
