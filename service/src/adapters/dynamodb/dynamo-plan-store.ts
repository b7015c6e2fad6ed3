import { type StoredPlan, storedPlanSchema } from '../../core/domain/stored-plan.ts';
import type { PlanStore } from '../../core/ports/plan-store.port.ts';
import { StoreError } from '../../core/ports/store-error.ts';
import { parseDoc } from './dynamo-items.ts';
import { expiry, type Key, keys, userPartition } from './dynamo-keys.ts';
import { purgeExpiredItems } from './dynamo-purge.ts';
import { type DynamoTable, exists, type Item, notExists, type TransactItem } from './dynamo-table.ts';

const MAX_ATTEMPTS = 5;

/**
 * The plan document lives in its user's partition under `PLAN#<createdAt>#<id>`, so the current plan is the
 * last unexpired item there. Two pointer items, written in the same transaction, make the id and the token
 * unique and findable: `PLAN#<id>` (where the plan is, for updates) and `PLANTOKEN#<token>` (for links).
 * Errors name the plan id only: the token is a secret.
 */
export class DynamoPlanStore implements PlanStore {
  constructor(readonly table: DynamoTable) {}

  async save(plan: StoredPlan): Promise<void> {
    const outcome = await this.table.transact([
      this.table.putItem(planItem(plan), notExists),
      this.table.putItem(idItem(plan), notExists),
      this.table.putItem(tokenItem(plan), notExists),
    ]);
    if (!outcome.ok) throw new StoreError('conflict', `plan ${plan.id}: id or token already taken`);
  }

  async byToken(token: string, now: Date): Promise<StoredPlan | undefined> {
    const pointer = await this.table.get(keys.planToken(token));
    if (pointer === undefined) return undefined;
    const item = await this.table.get({ pk: String(pointer.pk2), sk: String(pointer.sk2) });
    if (item === undefined || !isLive(item, now)) return undefined;
    const plan = toPlan(item);
    return plan.token === token ? plan : undefined;
  }

  async current(userId: string, now: Date): Promise<StoredPlan | undefined> {
    const [item] = await this.table.query(
      {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        FilterExpression: 'expiresAtMs >= :now',
        ExpressionAttributeValues: {
          ':pk': userPartition(userId),
          ':prefix': 'PLAN#',
          ':now': now.getTime(),
        },
        ScanIndexForward: false,
      },
      1,
    );
    return item === undefined ? undefined : toPlan(item);
  }

  /** The user's partition in sort-key order: `PLAN#<createdAt>#<id>`, oldest first. */
  async listForUser(userId: string, now: Date): Promise<StoredPlan[]> {
    const items = await this.table.query({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      FilterExpression: 'expiresAtMs >= :now',
      ExpressionAttributeValues: { ':pk': userPartition(userId), ':prefix': 'PLAN#', ':now': now.getTime() },
    });
    return items.map(toPlan);
  }

  async update(plan: StoredPlan): Promise<void> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const pointer = await this.table.get(keys.planId(plan.id));
      if (pointer === undefined) throw new StoreError('not_found', `plan ${plan.id} does not exist`);
      const before: Key = { pk: String(pointer.pk2), sk: String(pointer.sk2) };
      const after = keys.plan(plan.userId, plan.createdAt, plan.id);
      const oldToken = String(pointer.token);
      // The pointer is rewritten only while it still says what we read: a racing update makes us read again.
      const unchanged = {
        expression: 'pk2 = :pk2 AND sk2 = :sk2 AND #token = :token',
        names: { '#token': 'token' },
        values: { ':pk2': before.pk, ':sk2': before.sk, ':token': oldToken },
      };
      const items: TransactItem[] = [this.table.putItem(idItem(plan), unchanged)];
      if (before.pk === after.pk && before.sk === after.sk)
        items.push(this.table.putItem(planItem(plan), exists));
      else items.push(this.table.deleteItem(before), this.table.putItem(planItem(plan), notExists));
      const tokenIndex = items.length;
      if (oldToken === plan.token) items.push(this.table.putItem(tokenItem(plan), exists));
      else
        items.push(
          this.table.putItem(tokenItem(plan), notExists),
          this.table.deleteItem(keys.planToken(oldToken)),
        );
      const outcome = await this.table.transact(items);
      if (outcome.ok) return;
      if (outcome.failed.has(tokenIndex) && oldToken !== plan.token) {
        throw new StoreError('conflict', `plan ${plan.id}: the new token belongs to another plan`);
      }
    }
    throw new StoreError('conflict', `plan ${plan.id} kept changing during its update`);
  }

  async deleteForUser(userId: string): Promise<void> {
    const items = await this.table.query({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ProjectionExpression: 'pk, sk, planId, #token',
      ExpressionAttributeNames: { '#token': 'token' },
      ExpressionAttributeValues: { ':pk': userPartition(userId), ':prefix': 'PLAN#' },
    });
    // Tokens first, so the links stop working before anything else goes.
    await this.table.deleteAll(items.map((item) => keys.planToken(String(item.token))));
    await this.table.deleteAll(
      items.flatMap((item) => [
        { pk: String(item.pk), sk: String(item.sk) },
        keys.planId(String(item.planId)),
      ]),
    );
  }

  async purgeExpired(now: Date): Promise<number> {
    return purgeExpiredItems(this.table, now, 'plan', ['plan_id', 'plan_token']);
  }
}

function planItem(plan: StoredPlan): Item {
  const key = keys.plan(plan.userId, plan.createdAt, plan.id);
  return { ...key, kind: 'plan', planId: plan.id, token: plan.token, doc: plan, ...expiry(plan.expiresAt) };
}

/** Where the plan document is (`pk2`/`sk2`), and its token, so an update can move both. */
function idItem(plan: StoredPlan): Item {
  const { pk: pk2, sk: sk2 } = keys.plan(plan.userId, plan.createdAt, plan.id);
  const where = { pk2, sk2, token: plan.token };
  return { ...keys.planId(plan.id), kind: 'plan_id', ...where, ...expiry(plan.expiresAt) };
}

function tokenItem(plan: StoredPlan): Item {
  const { pk: pk2, sk: sk2 } = keys.plan(plan.userId, plan.createdAt, plan.id);
  return {
    ...keys.planToken(plan.token),
    kind: 'plan_token',
    planId: plan.id,
    pk2,
    sk2,
    ...expiry(plan.expiresAt),
  };
}

/** Expired means strictly past `expiresAtMs`: a plan is still served at the very instant it expires. */
function isLive(item: Item, now: Date): boolean {
  return Number(item.expiresAtMs) >= now.getTime();
}

function toPlan(item: Item): StoredPlan {
  return parseDoc(storedPlanSchema, item, `plan item ${String(item.planId)}`);
}
