import { type ErasureRecord, type ExportLink, erasureRecordSchema } from '../../core/domain/export-link.ts';
import type { ExportLinkLookup, PrivacyStore } from '../../core/ports/privacy-store.port.ts';
import { StoreError } from '../../core/ports/store-error.ts';
import { parseDoc } from './dynamo-items.ts';
import { expiry, keys, nextSequence, sortableInstant } from './dynamo-keys.ts';
import { purgeExpiredItems } from './dynamo-purge.ts';
import { type DynamoTable, type Item, notExists, type TransactItem } from './dynamo-table.ts';

/**
 * Export links: one item per token (`EXPORT#<token>`) and a reference in the user's partition, so erasure finds
 * the user's links. Using a link removes both its `userId` and that reference in one transaction: a used link
 * keeps only its token and times. The erasure audit is one partition (`ERASURES`), oldest first.
 * Errors never name a token: it is a secret.
 */
export class DynamoPrivacyStore implements PrivacyStore {
  /**
   * `sweep` finishes erasures a crashed process left half done (dynamo-erase.ts): on its own schedule
   * (`finishPendingErasures`, queued by the AWS scheduler) and with every purge.
   */
  constructor(
    readonly table: DynamoTable,
    readonly sweep: () => Promise<number> = async () => 0,
  ) {}

  finishPendingErasures(): Promise<number> {
    return this.sweep();
  }

  async saveExportLink(link: ExportLink): Promise<void> {
    const expires = expiry(link.expiresAt);
    const outcome = await this.table.transact([
      this.table.putItem(
        {
          ...keys.exportLink(link.token),
          kind: 'export_link',
          userId: link.userId,
          createdAt: link.createdAt,
          ...expires,
        },
        notExists,
      ),
      this.table.putItem({ ...keys.exportRef(link.userId, link.token), kind: 'export_ref', ...expires }),
    ]);
    if (!outcome.ok) throw new StoreError('conflict', 'export link token already taken');
  }

  async findExportLink(token: string, now: Date): Promise<ExportLinkLookup> {
    const item = await this.table.get(keys.exportLink(token));
    if (item === undefined || !(Number(item.expiresAtMs) >= now.getTime())) return { status: 'not_found' };
    if (item.used === true || typeof item.userId !== 'string') return { status: 'used' };
    return { status: 'ready', userId: item.userId };
  }

  async useExportLink(token: string, now: Date): Promise<boolean> {
    const item = await this.table.get(keys.exportLink(token));
    if (typeof item?.userId !== 'string') return false;
    // Conditional on the user we read, unused and unexpired: of two racing downloads exactly one lands.
    const outcome = await this.table.transact([
      {
        Update: {
          TableName: this.table.name,
          Key: keys.exportLink(token),
          UpdateExpression: 'SET used = :true REMOVE userId',
          ConditionExpression: 'userId = :userId AND attribute_not_exists(used) AND expiresAtMs >= :now',
          ExpressionAttributeValues: { ':true': true, ':userId': item.userId, ':now': now.getTime() },
        },
      },
      this.table.deleteItem(keys.exportRef(item.userId, token)),
    ]);
    return outcome.ok;
  }

  async erasures(): Promise<ErasureRecord[]> {
    const items = await this.table.query({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.erasure('').pk, ':prefix': 'ERASURE#' },
    });
    return items.map((item: Item) => parseDoc(erasureRecordSchema, item, `erasure item ${String(item.sk)}`));
  }

  async purgeExpired(now: Date): Promise<number> {
    await this.sweep();
    return purgeExpiredItems(this.table, now, 'export_link', ['export_ref']);
  }

  /** The audit line of an erasure, for the commit's transaction: a random id and the time, nobody's name. */
  erasureItem(record: ErasureRecord): TransactItem {
    const order = `${sortableInstant(record.at)}#${nextSequence()}`;
    return this.table.putItem({ ...keys.erasure(order), kind: 'erasure', doc: record }, notExists);
  }
}
