import { randomUUID } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  ScanCommand,
  type ScanCommandInput,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Key } from './dynamo-keys.ts';

export type Item = Record<string, unknown>;
export type Condition = Expression;
export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** A condition or update in DynamoDB's expression language, with its `#name` and `:value` placeholders. */
export interface Expression {
  expression: string;
  names?: Record<string, string>;
  values?: Record<string, unknown>;
}

/** `failed` holds the indexes of the items whose condition did not hold; nothing was written. */
export type TransactOutcome = { ok: true } | { ok: false; failed: ReadonlySet<number> };

/** DynamoDB's own limit on the items of one TransactWriteItems call. */
export const MAX_TRANSACTION_ITEMS = 100;
const MAX_BATCH_WRITE = 25;
const MAX_BATCH_GET = 100;
const MAX_CONFLICT_RETRIES = 6;

/**
 * The shared table and the few operations the stores need, each strongly consistent where DynamoDB allows:
 * a store reads its own writes at once, as with SQLite.
 */
export class DynamoTable {
  readonly #doc: DynamoDBDocumentClient;

  constructor(
    client: DynamoDBClient,
    readonly name: string,
  ) {
    // Absent optional fields stay absent: `undefined` is dropped rather than refused.
    this.#doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  }

  async get(key: Key): Promise<Item | undefined> {
    const result = await this.#doc.send(
      new GetCommand({ TableName: this.name, Key: key, ConsistentRead: true }),
    );
    return result.Item;
  }

  /** Items for the keys that exist, in no particular order. */
  async getMany(keyList: readonly Key[]): Promise<Item[]> {
    const found: Item[] = [];
    for (let start = 0; start < keyList.length; start += MAX_BATCH_GET) {
      let pending: Key[] | undefined = keyList.slice(start, start + MAX_BATCH_GET);
      while (pending && pending.length > 0) {
        const result = await this.#doc.send(
          new BatchGetCommand({ RequestItems: { [this.name]: { Keys: pending, ConsistentRead: true } } }),
        );
        found.push(...(result.Responses?.[this.name] ?? []));
        pending = result.UnprocessedKeys?.[this.name]?.Keys as Key[] | undefined;
      }
    }
    return found;
  }

  /** False when the condition did not hold (nothing written). */
  async put(item: Item, condition?: Condition): Promise<boolean> {
    return whenCondition(
      this.#doc.send(new PutCommand({ TableName: this.name, Item: item, ...expr(condition) })),
    );
  }

  /** False when the condition did not hold (nothing changed). */
  async update(key: Key, update: Expression, condition: Condition): Promise<boolean> {
    const names = { ...condition.names, ...update.names };
    const values = { ...condition.values, ...update.values };
    return whenCondition(
      this.#doc.send(
        new UpdateCommand({
          TableName: this.name,
          Key: key,
          UpdateExpression: update.expression,
          ConditionExpression: condition.expression,
          ...(Object.keys(names).length > 0 ? { ExpressionAttributeNames: names } : {}),
          ...(Object.keys(values).length > 0 ? { ExpressionAttributeValues: values } : {}),
        }),
      ),
    );
  }

  /** False when the condition did not hold (nothing deleted). */
  async delete(key: Key, condition?: Condition): Promise<boolean> {
    return whenCondition(
      this.#doc.send(new DeleteCommand({ TableName: this.name, Key: key, ...expr(condition) })),
    );
  }

  /** Deletes unconditionally, 25 at a time; not atomic, but safe to repeat. */
  async deleteAll(keyList: readonly Key[]): Promise<void> {
    for (let start = 0; start < keyList.length; start += MAX_BATCH_WRITE) {
      let pending = keyList
        .slice(start, start + MAX_BATCH_WRITE)
        .map((key) => ({ DeleteRequest: { Key: key } }));
      while (pending.length > 0) {
        const result = await this.#doc.send(
          new BatchWriteCommand({ RequestItems: { [this.name]: pending } }),
        );
        pending = (result.UnprocessedItems?.[this.name] ?? []) as typeof pending;
      }
    }
  }

  /** Every matching item (or the first `limit`, counted after the filter), following DynamoDB's pages. */
  async query(
    input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>,
    limit?: number,
  ): Promise<Item[]> {
    const items: Item[] = [];
    let start: Item | undefined;
    do {
      const remaining = limit === undefined ? undefined : limit - items.length;
      const page = await this.#doc.send(
        new QueryCommand({
          ...input,
          TableName: this.name,
          ConsistentRead: true,
          ...(remaining === undefined ? {} : { Limit: remaining }),
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start && (limit === undefined || items.length < limit));
    return items;
  }

  /** A whole-table scan: only for the expiry sweep, which TTL makes rare on AWS (docs/DYNAMODB.md). */
  async scan(input: Omit<ScanCommandInput, 'TableName' | 'ExclusiveStartKey'>): Promise<Item[]> {
    const items: Item[] = [];
    let start: Item | undefined;
    do {
      const page = await this.#doc.send(
        new ScanCommand({
          ...input,
          TableName: this.name,
          ConsistentRead: true,
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    return items;
  }

  /**
   * All or nothing, up to 100 items. A clash with another transaction on the same item is retried here; a
   * condition that does not hold is reported by index so the caller can say which rule was broken.
   */
  async transact(items: readonly TransactItem[]): Promise<TransactOutcome> {
    if (items.length === 0) return { ok: true };
    if (items.length > MAX_TRANSACTION_ITEMS) {
      throw new Error(`a transaction of ${items.length} items exceeds DynamoDB's ${MAX_TRANSACTION_ITEMS}`);
    }
    for (let attempt = 1; ; attempt++) {
      try {
        // The token makes the SDK's own retries (after a timeout, say) idempotent: a transaction that did land
        // is not applied again, nor reported as a failed condition.
        await this.#doc.send(
          new TransactWriteCommand({ TransactItems: [...items], ClientRequestToken: randomUUID() }),
        );
        return { ok: true };
      } catch (error) {
        const codes = cancellationCodes(error);
        if (codes === undefined) throw error;
        const failed = new Set(
          codes.flatMap((code, index) => (code === 'ConditionalCheckFailed' ? [index] : [])),
        );
        if (failed.size > 0) return { ok: false, failed };
        const clashed = codes.includes('TransactionConflict');
        if (!clashed || attempt >= MAX_CONFLICT_RETRIES) throw error;
        await pause(attempt);
      }
    }
  }

  putItem(item: Item, condition?: Condition): TransactItem {
    return { Put: { TableName: this.name, Item: item, ...expr(condition) } };
  }

  deleteItem(key: Key, condition?: Condition): TransactItem {
    return { Delete: { TableName: this.name, Key: key, ...expr(condition) } };
  }

  /** An UpdateItem in a transaction; without a condition it creates the item when missing, as UpdateItem does. */
  updateItem(key: Key, update: Expression, condition?: Condition): TransactItem {
    const names = { ...condition?.names, ...update.names };
    const values = { ...condition?.values, ...update.values };
    return {
      Update: {
        TableName: this.name,
        Key: key,
        UpdateExpression: update.expression,
        ...(condition === undefined ? {} : { ConditionExpression: condition.expression }),
        ...(Object.keys(names).length > 0 ? { ExpressionAttributeNames: names } : {}),
        ...(Object.keys(values).length > 0 ? { ExpressionAttributeValues: values } : {}),
      },
    };
  }
}

export const notExists: Condition = { expression: 'attribute_not_exists(pk)' };
export const exists: Condition = { expression: 'attribute_exists(pk)' };

export function isConditionFailure(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'ConditionalCheckFailedException';
}

function cancellationCodes(error: unknown): string[] | undefined {
  if ((error as { name?: unknown } | null)?.name !== 'TransactionCanceledException') return undefined;
  const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
  return reasons.map((reason) => reason.Code ?? 'None');
}

async function whenCondition(request: Promise<unknown>): Promise<boolean> {
  try {
    await request;
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

function expr(condition: Condition | undefined) {
  if (condition === undefined) return {};
  return {
    ConditionExpression: condition.expression,
    ...(condition.names ? { ExpressionAttributeNames: condition.names } : {}),
    ...(condition.values ? { ExpressionAttributeValues: condition.values } : {}),
  };
}

/** Jittered backoff, so two clashing writers do not clash again in step. */
function pause(attempt: number): Promise<void> {
  const ms = Math.random() * 10 * 2 ** attempt;
  return new Promise((resolve) => setTimeout(resolve, ms));
}
