import type { DynamoTable } from './dynamo-table.ts';
import type { ItemKind } from './table-definition.ts';

const PARALLEL_DELETES = 25;

/**
 * The expiry sweep for one kind of item and its pointer items, which carry the same `expiresAtMs`: removes every
 * one expired at `now` and returns how many of `kind` went. Each delete re-checks the expiry, so an item renewed
 * since the scan stays. On AWS, TTL does this work anyway; the sweep makes erasure of expired data immediate and
 * gives every store the same contract (it scans the table, so it is run rarely: docs/DYNAMODB.md).
 */
export async function purgeExpiredItems(
  table: DynamoTable,
  now: Date,
  kind: ItemKind,
  pointerKinds: readonly ItemKind[],
): Promise<number> {
  const kinds = [kind, ...pointerKinds];
  const placeholders = kinds.map((_, index) => `:kind${index}`);
  const nowMs = now.getTime();
  const expired = await table.scan({
    FilterExpression: `#kind IN (${placeholders.join(', ')}) AND expiresAtMs < :now`,
    ProjectionExpression: 'pk, sk, #kind',
    ExpressionAttributeNames: { '#kind': 'kind' },
    ExpressionAttributeValues: {
      ':now': nowMs,
      ...Object.fromEntries(kinds.map((name, index) => [placeholders[index], name])),
    },
  });
  const stillExpired = { expression: 'expiresAtMs < :now', values: { ':now': nowMs } };
  let count = 0;
  for (let start = 0; start < expired.length; start += PARALLEL_DELETES) {
    const deleted = await Promise.all(
      expired.slice(start, start + PARALLEL_DELETES).map(async (item) => {
        const gone = await table.delete({ pk: String(item.pk), sk: String(item.sk) }, stillExpired);
        return gone && item.kind === kind;
      }),
    );
    count += deleted.filter(Boolean).length;
  }
  return count;
}
