import { z } from 'zod';
import { StoreError } from '../../core/ports/store-error.ts';
import type {
  ClaimResult,
  StoredResponse,
  WebhookReceiptStore,
} from '../../core/ports/webhook-receipt-store.port.ts';
import { keys, ttlSeconds } from './dynamo-keys.ts';
import { purgeExpiredItems } from './dynamo-purge.ts';
import type { DynamoTable, Item } from './dynamo-table.ts';

/** A claim not completed within this long is taken to belong to a process that died, and may be re-claimed. */
const STALE_CLAIM_MS = 30_000;
/** A claim that loses its condition and then finds the item gone (released, purged) simply tries again. */
const MAX_ATTEMPTS = 3;

const storedResponseSchema = z.object({
  status: z.number().int(),
  contentType: z.string(),
  body: z.string(),
});

/**
 * One item per key. A claim is one conditional put — it lands only when the key is new, expired, or claimed
 * long enough ago without a response — so of many concurrent claims exactly one wins. Expired means strictly
 * past `expiresAtMs`; TTL removes such items eventually, and the condition treats them as new until it does.
 */
export class DynamoWebhookReceiptStore implements WebhookReceiptStore {
  constructor(readonly table: DynamoTable) {}

  async claim(key: string, now: Date, ttl: number): Promise<ClaimResult> {
    const nowMs = now.getTime();
    const expiresAtMs = nowMs + ttl * 1000;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const claimed = await this.table.put(
        {
          ...keys.webhookReceipt(key),
          kind: 'webhook_receipt',
          claimedAtMs: nowMs,
          expiresAtMs,
          ttl: ttlSeconds(expiresAtMs),
        },
        {
          expression:
            'attribute_not_exists(pk) OR expiresAtMs < :now OR (attribute_not_exists(#response) AND claimedAtMs <= :stale)',
          names: { '#response': 'response' },
          values: { ':now': nowMs, ':stale': nowMs - STALE_CLAIM_MS },
        },
      );
      if (claimed) return { status: 'claimed' };
      const item = await this.table.get(keys.webhookReceipt(key));
      if (item === undefined) continue;
      const response = toResponse(item, key);
      return response === undefined ? { status: 'in_progress' } : { status: 'done', response };
    }
    throw new StoreError('conflict', 'webhook receipt kept vanishing during its claim');
  }

  /**
   * With `userId`, a reference in that user's partition (`WEBHOOK#<key>`) is written in the same transaction, so
   * erasing the user finds the reply and removes it.
   */
  async complete(key: string, response: StoredResponse, userId?: string): Promise<void> {
    const setResponse = {
      expression: 'SET #response = :response',
      names: { '#response': 'response' },
      values: {
        ':response': { status: response.status, contentType: response.contentType, body: response.body },
      },
    };
    // A key that is no longer claimed (released or purged) has nothing to complete: the condition skips it.
    if (userId === undefined) {
      await this.table.update(keys.webhookReceipt(key), setResponse, { expression: 'attribute_exists(pk)' });
      return;
    }
    const receipt = await this.table.get(keys.webhookReceipt(key));
    if (receipt === undefined) return;
    const expiresAtMs = Number(receipt.expiresAtMs);
    await this.table.transact([
      {
        Update: {
          TableName: this.table.name,
          Key: keys.webhookReceipt(key),
          UpdateExpression: `${setResponse.expression}, userId = :userId`,
          ConditionExpression: 'claimedAtMs = :claimedAtMs',
          ExpressionAttributeNames: setResponse.names,
          ExpressionAttributeValues: {
            ...setResponse.values,
            ':userId': userId,
            ':claimedAtMs': receipt.claimedAtMs,
          },
        },
      },
      this.table.putItem({
        ...keys.webhookRef(userId, key),
        kind: 'webhook_ref',
        key,
        expiresAtMs,
        ttl: ttlSeconds(expiresAtMs),
      }),
    ]);
  }

  async release(key: string): Promise<void> {
    await this.table.delete(keys.webhookReceipt(key), {
      expression: 'attribute_not_exists(#response)',
      names: { '#response': 'response' },
    });
  }

  async purgeExpired(now: Date): Promise<number> {
    return purgeExpiredItems(this.table, now, 'webhook_receipt', ['webhook_ref']);
  }
}

function toResponse(item: Item, key: string): StoredResponse | undefined {
  if (item.response === undefined) return undefined;
  const parsed = storedResponseSchema.safeParse(item.response);
  // The key is a provider's event id, not personal data, so it may name the item.
  if (!parsed.success) throw new StoreError('corrupt_row', `webhook receipt ${key} has a malformed response`);
  return parsed.data;
}
