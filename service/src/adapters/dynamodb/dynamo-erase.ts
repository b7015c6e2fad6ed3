import type { StoreWrite } from '../../core/ports/stores.ts';
import type { DynamoConsentStore } from './dynamo-consent-store.ts';
import { type Key, keys, userPartition } from './dynamo-keys.ts';
import type { DynamoPrivacyStore } from './dynamo-privacy-store.ts';
import type { DynamoTable, Item, TransactItem } from './dynamo-table.ts';

export type EraseUser = Extract<StoreWrite, { kind: 'erase_user' }>;

/** What one erasure writes: the moves and the audit line (`items`), and every item of the user (`deletions`). */
export interface ErasurePlan {
  items: TransactItem[];
  deletions: Key[];
}

/**
 * Everything of a user lives in their partition (`USER#<id>`), and every item there names the pointer items it
 * owns (phone, session, message id, plan id and token, food id, webhook reply, export link): so erasure is one
 * query of the partition, whatever a store adds later, as long as it follows that rule.
 */
export async function planErasure(
  table: DynamoTable,
  stores: { consent: DynamoConsentStore; privacy: DynamoPrivacyStore },
  write: EraseUser,
): Promise<ErasurePlan> {
  const [owned, moves] = await Promise.all([
    userItemKeys(table, write.userId),
    stores.consent.rekeyItems(write.subject),
  ]);
  return { items: [...moves, stores.privacy.erasureItem(write.erasure)], deletions: owned };
}

/** The marker of an erasure whose deletions run after its transaction; the sweep finishes it after a crash. */
export function erasingItem(table: DynamoTable, userId: string): TransactItem {
  return table.putItem({ ...keys.erasing(userId), kind: 'erasing', userId });
}

export async function finishErasure(
  table: DynamoTable,
  userId: string,
  deletions: readonly Key[],
): Promise<void> {
  await table.deleteAll(deletions);
  await table.delete(keys.erasing(userId));
}

/** Completes erasures a crashed process left half done; run by the expiry sweep. Returns how many it finished. */
export async function finishPendingErasures(table: DynamoTable): Promise<number> {
  const pending = await table.scan({
    FilterExpression: '#kind = :kind',
    ExpressionAttributeNames: { '#kind': 'kind' },
    ExpressionAttributeValues: { ':kind': 'erasing' },
  });
  for (const marker of pending) {
    const userId = String(marker.userId);
    await finishErasure(table, userId, await userItemKeys(table, userId));
  }
  return pending.length;
}

async function userItemKeys(table: DynamoTable, userId: string): Promise<Key[]> {
  const items = await table.query({
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': userPartition(userId) },
  });
  return items.flatMap((item) => [{ pk: String(item.pk), sk: String(item.sk) }, ...ownedPointers(item)]);
}

function ownedPointers(item: Item): Key[] {
  const sk = String(item.sk);
  switch (item.kind) {
    case 'user': {
      const doc = (item.doc ?? {}) as { phone?: unknown; webSessionId?: unknown };
      return [
        ...(typeof doc.phone === 'string' ? [keys.phone(doc.phone)] : []),
        ...(typeof doc.webSessionId === 'string' ? [keys.webSession(doc.webSessionId)] : []),
      ];
    }
    case 'message':
      return [keys.messageId(String(item.id))];
    case 'plan':
      return [keys.planId(String(item.planId)), keys.planToken(String(item.token))];
    case 'food':
      return [keys.foodId(String(item.id))];
    case 'webhook_ref':
      return [keys.webhookReceipt(String(item.key))];
    case 'export_ref':
      return [keys.exportLink(sk.slice('EXPORT#'.length))];
    default:
      return [];
  }
}
