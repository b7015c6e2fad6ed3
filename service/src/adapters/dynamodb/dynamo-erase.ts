import type { StoreWrite } from '../../core/ports/stores.ts';
import { billingPointers } from './dynamo-billing-store.ts';
import type { DynamoConsentStore } from './dynamo-consent-store.ts';
import { invitationKeys, linkOf } from './dynamo-household-store.ts';
import { inviteePartition, type Key, keys, userPartition } from './dynamo-keys.ts';
import type { DynamoPrivacyStore } from './dynamo-privacy-store.ts';
import type { DynamoTable, Item, TransactItem } from './dynamo-table.ts';
import { webAuthPointer } from './dynamo-web-auth-store.ts';

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
    userItemKeys(table, write.userId, write.phone),
    stores.consent.rekeyItems(write.subject),
  ]);
  return { items: [...moves, stores.privacy.erasureItem(write.erasure)], deletions: owned };
}

/**
 * The marker of an erasure whose deletions run after its transaction; the sweep finishes it after a crash. It
 * holds the number (when the user had one) until then, because invitations to the number are found by it.
 */
export function erasingItem(table: DynamoTable, write: EraseUser): TransactItem {
  const { userId, phone } = write;
  return table.putItem({ ...keys.erasing(userId), kind: 'erasing', userId, ...(phone ? { phone } : {}) });
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
  // One partition holds the markers (keys.erasing), so this is a query of a few items, cheap on every tick.
  const pending = await table.query({
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.erasing('').pk },
  });
  for (const marker of pending) {
    const userId = String(marker.userId);
    const phone = typeof marker.phone === 'string' ? marker.phone : undefined;
    await finishErasure(table, userId, await userItemKeys(table, userId, phone));
  }
  return pending.length;
}

/**
 * Every item of the user and every pointer those name, once each (a batch refuses a key twice). With the number,
 * also the invitations to it: one sent to the number before this user had it names another user id.
 */
async function userItemKeys(table: DynamoTable, userId: string, phone?: string): Promise<Key[]> {
  const partitions = [userPartition(userId), ...(phone === undefined ? [] : [inviteePartition(phone)])];
  const items = (
    await Promise.all(
      partitions.map((pk) =>
        table.query({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk } }),
      ),
    )
  ).flat();
  const unique = new Map<string, Key>();
  for (const item of items) {
    for (const key of [{ pk: String(item.pk), sk: String(item.sk) }, ...ownedPointers(item)])
      unique.set(`${key.pk}\n${key.sk}`, key);
  }
  return [...unique.values()];
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
    case 'invitation':
    case 'invitation_phone':
    case 'invitation_ref': {
      const link = linkOf(item);
      return link ? invitationKeys(link) : [];
    }
    case 'weekly':
      return [keys.weeklyActive(String(item.userId))];
    case 'outbound_ref':
      return [
        keys.outbound(String(item.key)),
        ...(typeof item.messageSid === 'string' ? [keys.delivery(item.messageSid)] : []),
      ];
    case 'billing':
      return billingPointers(item);
    case 'sign_in_ref':
    case 'web_auth_session_ref':
      return [webAuthPointer(item)];
    default:
      return [];
  }
}
