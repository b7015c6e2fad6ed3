import { WEB_INBOX_RETENTION_MS, type WebInbox } from '../../core/ports/web-inbox.port.ts';
import { stringAttr } from './dynamo-items.ts';
import { expiry, keys, nextSequence, userPartition, WEB_MESSAGE_PREFIX } from './dynamo-keys.ts';
import type { DynamoTable } from './dynamo-table.ts';

/**
 * Keys outlive their messages: an SQS job may be retried for up to 14 days (the queue's longest retention), and a
 * retry after its message was read or expired must still be a duplicate.
 */
const KEY_RETENTION_MS = 2 * WEB_INBOX_RETENTION_MS;

/**
 * Web messages (`WEBMSG#<instant>#<sequence>`) and the keys they were delivered under (`WEBKEY#<key>`), both in
 * the user's partition: `erase_user` removes them with the rest of it, and they name no pointer. Each carries
 * `expiresAtMs` (reads filter on it) and `ttl` (DynamoDB deletes it later). A message is taken by a conditional
 * delete, so of racing takers (in any container) one gets it.
 */
export class DynamoWebInbox implements WebInbox {
  constructor(readonly table: DynamoTable) {}

  async deliver(userId: string, key: string, body: string, now: Date): Promise<'stored' | 'duplicate'> {
    const at = now.toISOString();
    const outcome = await this.table.transact([
      this.table.putItem(
        {
          ...keys.webMessageKey(userId, key),
          kind: 'web_message_key',
          ...expiry(new Date(now.getTime() + KEY_RETENTION_MS).toISOString()),
        },
        // A key TTL has not removed yet but that is past its retention is free again.
        {
          expression: 'attribute_not_exists(pk) OR expiresAtMs < :now',
          values: { ':now': now.getTime() },
        },
      ),
      this.table.putItem({
        ...keys.webMessage(userId, at, nextSequence()),
        kind: 'web_message',
        body,
        at,
        ...expiry(new Date(now.getTime() + WEB_INBOX_RETENTION_MS).toISOString()),
      }),
    ]);
    return outcome.ok ? 'stored' : 'duplicate';
  }

  async takeNew(userId: string, now: Date): Promise<string[]> {
    const waiting = await this.table.query({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      FilterExpression: 'expiresAtMs >= :now',
      ExpressionAttributeValues: {
        ':pk': userPartition(userId),
        ':prefix': WEB_MESSAGE_PREFIX,
        ':now': now.getTime(),
      },
    });
    // Oldest first (the sort key's order); only the deletes this call won are its messages.
    const taken = await Promise.all(
      waiting.map(async (item) => {
        const body = stringAttr(item, 'body', 'web message');
        const won = await this.table.delete(
          { pk: String(item.pk), sk: String(item.sk) },
          { expression: 'attribute_exists(pk)' },
        );
        return won ? body : undefined;
      }),
    );
    return taken.filter((body): body is string => body !== undefined);
  }
}
