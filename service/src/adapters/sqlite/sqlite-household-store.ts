import type { Database, Statement } from 'better-sqlite3';
import {
  type HouseholdInvitation,
  householdInvitationSchema,
} from '../../core/domain/household-invitation.ts';
import type { HouseholdStore } from '../../core/ports/household-store.port.ts';
import { StoreError } from '../../core/ports/store-error.ts';
import { isUniqueViolation, parseJsonColumn, parseRow } from './sqlite-rows.ts';

interface Row {
  id: string;
  record: string;
}

interface WriteParams {
  id: string;
  owner_id: string;
  invitee_user_id: string;
  invitee_phone: string;
  status: string;
  created_at_ms: number;
  expires_at_ms: number;
  record: string;
}

// A pending invitation is active until strictly after expires_at; a joined one until it ends.
const ACTIVE = `(status = 'joined' OR (status = 'pending' AND expires_at_ms >= @now))`;

/** Invitations with the columns lookups need, and the whole record as JSON (read back through its schema). */
export class SqliteHouseholdStore implements HouseholdStore {
  readonly #insert: Statement<WriteParams>;
  readonly #update: Statement<WriteParams>;
  readonly #byId: Statement<[string], Row>;
  readonly #forOwner: Statement<{ owner: string; now: number }, Row>;
  readonly #forInvitee: Statement<{ phone: string; now: number }, Row>;
  readonly #deleteForUser: Statement<{ user: string; phone: string | null }>;
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
    this.#insert = db.prepare(`INSERT INTO household_invitations
      (id, owner_id, invitee_user_id, invitee_phone, status, created_at_ms, expires_at_ms, record)
      VALUES (@id, @owner_id, @invitee_user_id, @invitee_phone, @status, @created_at_ms, @expires_at_ms, @record)`);
    this.#update = db.prepare(`UPDATE household_invitations SET owner_id = @owner_id,
      invitee_user_id = @invitee_user_id, invitee_phone = @invitee_phone, status = @status,
      created_at_ms = @created_at_ms, expires_at_ms = @expires_at_ms, record = @record WHERE id = @id`);
    this.#byId = db.prepare('SELECT id, record FROM household_invitations WHERE id = ?');
    this.#forOwner =
      db.prepare(`SELECT id, record FROM household_invitations WHERE owner_id = @owner AND ${ACTIVE}
      ORDER BY created_at_ms ASC, id ASC`);
    this.#forInvitee = db.prepare(`SELECT id, record FROM household_invitations
      WHERE invitee_phone = @phone AND ${ACTIVE} ORDER BY created_at_ms ASC, id ASC`);
    this.#deleteForUser = db.prepare(`DELETE FROM household_invitations
      WHERE owner_id = @user OR invitee_user_id = @user OR invitee_phone = @phone`);
  }

  async create(invitation: HouseholdInvitation): Promise<void> {
    try {
      this.#insert.run(toParams(invitation));
    } catch (error) {
      if (isUniqueViolation(error))
        throw new StoreError('conflict', `invitation ${invitation.id} already exists`, { cause: error });
      throw error;
    }
  }

  async findById(id: string): Promise<HouseholdInvitation | undefined> {
    return toInvitation(this.#byId.get(id));
  }

  async activeForOwner(ownerId: string, now: Date): Promise<HouseholdInvitation[]> {
    return this.#forOwner
      .all({ owner: ownerId, now: now.getTime() })
      .flatMap((row) => toInvitation(row) ?? []);
  }

  async activeForInvitee(phone: string, now: Date): Promise<HouseholdInvitation[]> {
    return this.#forInvitee.all({ phone, now: now.getTime() }).flatMap((row) => toInvitation(row) ?? []);
  }

  async join(id: string, now: Date): Promise<boolean> {
    return this.#transition(id, (found) =>
      found.status === 'pending' && Date.parse(found.expiresAt) >= now.getTime()
        ? { ...found, status: 'joined', joinedAt: now.toISOString() }
        : undefined,
    );
  }

  async end(id: string, now: Date): Promise<boolean> {
    return this.#transition(id, (found) =>
      found.status === 'ended' ? undefined : { ...found, status: 'ended', endedAt: now.toISOString() },
    );
  }

  async deleteForUser(userId: string, phone?: string): Promise<void> {
    this.#deleteForUser.run({ user: userId, phone: phone ?? null });
  }

  /** Read and write in one IMMEDIATE transaction, so another process cannot change the row in between. */
  #transition(id: string, next: (found: HouseholdInvitation) => HouseholdInvitation | undefined): boolean {
    const run = this.#db.transaction(() => {
      const found = toInvitation(this.#byId.get(id));
      const changed = found && next(found);
      if (!changed) return false;
      this.#update.run(toParams(changed));
      return true;
    });
    return run.immediate();
  }
}

function toParams(invitation: HouseholdInvitation): WriteParams {
  return {
    id: invitation.id,
    owner_id: invitation.ownerId,
    invitee_user_id: invitation.inviteeUserId,
    invitee_phone: invitation.inviteePhone,
    status: invitation.status,
    created_at_ms: Date.parse(invitation.createdAt),
    expires_at_ms: Date.parse(invitation.expiresAt),
    record: JSON.stringify(invitation),
  };
}

function toInvitation(row: Row | undefined): HouseholdInvitation | undefined {
  if (row === undefined) return undefined;
  const what = `household_invitations row ${row.id}`;
  return parseRow(householdInvitationSchema, parseJsonColumn(row.record, what), what);
}
