import { type ConsentPurpose, type ConsentRecord, consentRecordSchema } from '../../core/domain/consent.ts';
import type { ConsentStore } from '../../core/ports/consent-store.port.ts';
import { parseDoc } from './dynamo-items.ts';
import { keys, nextSequence, sortableInstant } from './dynamo-keys.ts';
import { type DynamoTable, type Item, notExists, type TransactItem } from './dynamo-table.ts';

/**
 * Append-only: one item per record in the subject's partition, never updated, under
 * `CONSENT#<purpose>#<instant>#<seq>`. The latest record for a purpose is the last item under its prefix (one
 * read per partition, on every outbound message); the history reads the partition and orders it by `order`.
 * Erasure moves a subject's records to the partition of its keyed hash, so every lookup reads both partitions.
 */
export class DynamoConsentStore implements ConsentStore {
  constructor(
    readonly table: DynamoTable,
    readonly pseudonym: (subject: string) => string,
  ) {}

  async append(record: ConsentRecord): Promise<void> {
    await this.table.put(consentItem(record), notExists);
  }

  async latest(subject: string, purpose: ConsentPurpose): Promise<ConsentRecord | undefined> {
    const newest = await Promise.all(
      this.#partitions(subject).map(async (pk) => {
        const [item] = await this.table.query(
          {
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
            ExpressionAttributeValues: { ':pk': pk, ':prefix': `CONSENT#${purpose}#` },
            ScanIndexForward: false,
          },
          1,
        );
        return item;
      }),
    );
    const [latest] = inOrder(newest.filter((item) => item !== undefined)).reverse();
    return latest === undefined ? undefined : toRecord(latest);
  }

  async history(subject: string): Promise<ConsentRecord[]> {
    const partitions = await Promise.all(
      this.#partitions(subject).map((pk) =>
        this.table.query({
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': pk, ':prefix': 'CONSENT#' },
        }),
      ),
    );
    return inOrder(partitions.flat()).map(toRecord);
  }

  /** A new item that never overwrites: its key holds a fresh sequence, and the condition guards it anyway. */
  appendItem(record: ConsentRecord): TransactItem {
    return this.table.putItem(consentItem(record), notExists);
  }

  /** Erasure: each record of `subject` moves under its keyed hash, keeping its order (a put and a delete each). */
  async rekeyItems(subject: string): Promise<TransactItem[]> {
    const pseudonym = this.pseudonym(subject);
    const items = await this.table.query({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.consent(subject, '', '').pk, ':prefix': 'CONSENT#' },
    });
    return items.flatMap((item) => {
      const record = toRecord(item);
      const moved = {
        ...item,
        pk: keys.consent(pseudonym, '', '').pk,
        doc: { ...record, subject: pseudonym },
      };
      return [this.table.putItem(moved), this.table.deleteItem({ pk: String(item.pk), sk: String(item.sk) })];
    });
  }

  #partitions(subject: string): string[] {
    return [keys.consent(subject, '', '').pk, keys.consent(this.pseudonym(subject), '', '').pk];
  }
}

function consentItem(record: ConsentRecord): Item {
  const order = `${sortableInstant(record.at)}#${nextSequence()}`;
  return { ...keys.consent(record.subject, record.purpose, order), kind: 'consent', order, doc: record };
}

/** Oldest instant first, insertion order within an instant. */
function inOrder(items: Item[]): Item[] {
  return items.sort((a, b) =>
    String(a.order) < String(b.order) ? -1 : String(a.order) > String(b.order) ? 1 : 0,
  );
}

function toRecord(item: Item): ConsentRecord {
  return parseDoc(consentRecordSchema, item, `consent item ${String(item.sk)}`);
}
