import type { StoredPlan } from '../../core/domain/stored-plan.ts';
import type { PlanStore } from '../../core/ports/plan-store.port.ts';
import { StoreError } from '../../core/ports/store-error.ts';

interface Entry {
  plan: StoredPlan;
  createdAtMs: number;
  expiresAtMs: number;
}

/** Plans in a Map by id. Token and user lookups scan it, which is fine at test and demo sizes. */
export class MemoryPlanStore implements PlanStore {
  readonly #plans = new Map<string, Entry>();

  async save(plan: StoredPlan): Promise<void> {
    if (this.#plans.has(plan.id)) throw new StoreError('conflict', `plan ${plan.id} already exists`);
    this.#assertTokenFree(plan);
    this.#plans.set(plan.id, toEntry(plan));
  }

  async byToken(token: string, now: Date): Promise<StoredPlan | undefined> {
    const nowMs = now.getTime();
    for (const entry of this.#plans.values()) {
      if (entry.plan.token === token)
        return isExpired(entry, nowMs) ? undefined : structuredClone(entry.plan);
    }
    return undefined;
  }

  async current(userId: string, now: Date): Promise<StoredPlan | undefined> {
    const nowMs = now.getTime();
    let newest: Entry | undefined;
    for (const entry of this.#plans.values()) {
      if (entry.plan.userId !== userId || isExpired(entry, nowMs)) continue;
      if (newest === undefined || isNewer(entry, newest)) newest = entry;
    }
    return newest === undefined ? undefined : structuredClone(newest.plan);
  }

  async listForUser(userId: string, now: Date): Promise<StoredPlan[]> {
    const nowMs = now.getTime();
    return [...this.#plans.values()]
      .filter((entry) => entry.plan.userId === userId && !isExpired(entry, nowMs))
      .sort((a, b) => (isNewer(a, b) ? 1 : -1))
      .map((entry) => structuredClone(entry.plan));
  }

  async update(plan: StoredPlan): Promise<void> {
    if (!this.#plans.has(plan.id)) throw new StoreError('not_found', `plan ${plan.id} does not exist`);
    this.#assertTokenFree(plan);
    this.#plans.set(plan.id, toEntry(plan));
  }

  async deleteForUser(userId: string): Promise<void> {
    for (const [id, entry] of this.#plans) if (entry.plan.userId === userId) this.#plans.delete(id);
  }

  async purgeExpired(now: Date): Promise<number> {
    const nowMs = now.getTime();
    let purged = 0;
    for (const [id, entry] of this.#plans) {
      if (isExpired(entry, nowMs)) {
        this.#plans.delete(id);
        purged++;
      }
    }
    return purged;
  }

  /** Tokens are unique across plans, as the SQLite and DynamoDB stores enforce. */
  #assertTokenFree(plan: StoredPlan): void {
    for (const other of this.#plans.values()) {
      // The message names the plan id only: a token is a secret and never goes into errors or logs.
      if (other.plan.id !== plan.id && other.plan.token === plan.token) {
        throw new StoreError('conflict', `token of plan ${plan.id} belongs to another plan`);
      }
    }
  }
}

function toEntry(plan: StoredPlan): Entry {
  return {
    plan: structuredClone(plan),
    createdAtMs: Date.parse(plan.createdAt),
    expiresAtMs: Date.parse(plan.expiresAt),
  };
}

/** "Past `expiresAt`": a plan is still visible at the very instant it expires. */
function isExpired(entry: Entry, nowMs: number): boolean {
  return entry.expiresAtMs < nowMs;
}

/** Newer by instant; a tie goes to the greater id, which every store can order by. */
function isNewer(a: Entry, b: Entry): boolean {
  return a.createdAtMs !== b.createdAtMs ? a.createdAtMs > b.createdAtMs : a.plan.id > b.plan.id;
}
