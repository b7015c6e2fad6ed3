import type { Database, Statement } from 'better-sqlite3';
import { type StoredPlan, storedPlanSchema } from '../../core/domain/stored-plan.ts';
import type { PlanStore } from '../../core/ports/plan-store.port.ts';
import { StoreError } from '../../core/ports/store-error.ts';
import { isUniqueViolation, parseJsonColumn, parseRow } from './sqlite-rows.ts';

interface PlanRow {
  id: string;
  user_id: string;
  token: string;
  week_start: string;
  created_at: string;
  expires_at: string;
  request: string;
  plan: string;
  /** JSON food ids the user has at home; NULL when none are marked. */
  at_home: string | null;
}

interface WriteParams extends PlanRow {
  created_at_ms: number;
  expires_at_ms: number;
}

const COLUMNS = 'id, user_id, token, week_start, created_at, expires_at, request, plan, at_home';

/** Expired means strictly past `expires_at`: a plan is still returned at the instant it expires. */
export class SqlitePlanStore implements PlanStore {
  readonly #insert: Statement<WriteParams>;
  readonly #update: Statement<WriteParams>;
  readonly #byToken: Statement<[string, number], PlanRow>;
  readonly #current: Statement<[string, number], PlanRow>;
  readonly #listForUser: Statement<[string, number], PlanRow>;
  readonly #deleteForUser: Statement<[string]>;
  readonly #purgeExpired: Statement<[number]>;

  constructor(db: Database) {
    this.#insert = db.prepare(`INSERT INTO plans
      (id, user_id, token, week_start, created_at, created_at_ms, expires_at, expires_at_ms, request, plan, at_home)
      VALUES (@id, @user_id, @token, @week_start, @created_at, @created_at_ms, @expires_at, @expires_at_ms, @request,
      @plan, @at_home)`);
    this.#update = db.prepare(`UPDATE plans SET user_id = @user_id, token = @token, week_start = @week_start,
      created_at = @created_at, created_at_ms = @created_at_ms, expires_at = @expires_at,
      expires_at_ms = @expires_at_ms, request = @request, plan = @plan, at_home = @at_home WHERE id = @id`);
    this.#byToken = db.prepare(`SELECT ${COLUMNS} FROM plans WHERE token = ? AND expires_at_ms >= ?`);
    // Served by plans_user_created_at; the id breaks ties the same way in every store.
    this.#current = db.prepare(`SELECT ${COLUMNS} FROM plans WHERE user_id = ? AND expires_at_ms >= ?
      ORDER BY created_at_ms DESC, id DESC LIMIT 1`);
    this.#listForUser = db.prepare(`SELECT ${COLUMNS} FROM plans WHERE user_id = ? AND expires_at_ms >= ?
      ORDER BY created_at_ms ASC, id ASC`);
    this.#deleteForUser = db.prepare('DELETE FROM plans WHERE user_id = ?');
    this.#purgeExpired = db.prepare('DELETE FROM plans WHERE expires_at_ms < ?');
  }

  async save(plan: StoredPlan): Promise<void> {
    // Id and token uniqueness are both checked by the one INSERT, so a race cannot slip past.
    withConflictAsStoreError(plan.id, () => this.#insert.run(toParams(plan)));
  }

  async byToken(token: string, now: Date): Promise<StoredPlan | undefined> {
    return toStoredPlan(this.#byToken.get(token, now.getTime()));
  }

  async current(userId: string, now: Date): Promise<StoredPlan | undefined> {
    return toStoredPlan(this.#current.get(userId, now.getTime()));
  }

  async listForUser(userId: string, now: Date): Promise<StoredPlan[]> {
    return this.#listForUser.all(userId, now.getTime()).flatMap((row) => toStoredPlan(row) ?? []);
  }

  async update(plan: StoredPlan): Promise<void> {
    const result = withConflictAsStoreError(plan.id, () => this.#update.run(toParams(plan)));
    if (result.changes === 0) throw new StoreError('not_found', `plan ${plan.id} does not exist`);
  }

  async deleteForUser(userId: string): Promise<void> {
    this.#deleteForUser.run(userId);
  }

  async purgeExpired(now: Date): Promise<number> {
    return this.#purgeExpired.run(now.getTime()).changes;
  }
}

function toParams(plan: StoredPlan): WriteParams {
  return {
    id: plan.id,
    user_id: plan.userId,
    token: plan.token,
    week_start: plan.weekStart,
    created_at: plan.createdAt,
    created_at_ms: Date.parse(plan.createdAt),
    expires_at: plan.expiresAt,
    expires_at_ms: Date.parse(plan.expiresAt),
    request: JSON.stringify(plan.request),
    plan: JSON.stringify(plan.plan),
    at_home: plan.atHome === undefined ? null : JSON.stringify(plan.atHome),
  };
}

function toStoredPlan(row: PlanRow | undefined): StoredPlan | undefined {
  if (row === undefined) return undefined;
  // Named by id only: the token is a secret and never goes into errors or logs.
  const what = `plans row ${row.id}`;
  return parseRow(
    storedPlanSchema,
    {
      id: row.id,
      userId: row.user_id,
      token: row.token,
      weekStart: row.week_start,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
      request: parseJsonColumn(row.request, `${what} request`),
      plan: parseJsonColumn(row.plan, `${what} plan`),
      // Absent rather than undefined, so a plan saved without marks reads back exactly as it was saved.
      ...(row.at_home === null ? {} : { atHome: parseJsonColumn(row.at_home, `${what} at_home`) }),
    },
    what,
  );
}

function withConflictAsStoreError<T>(planId: string, write: () => T): T {
  try {
    return write();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new StoreError('conflict', `plan ${planId}: id or token already taken`, { cause: error });
    }
    throw error;
  }
}
