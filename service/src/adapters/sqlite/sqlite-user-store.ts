import type { Database, Statement } from 'better-sqlite3';
import { type User, userSchema } from '../../core/domain/user.ts';
import { StoreError } from '../../core/ports/store-error.ts';
import type { UserStore } from '../../core/ports/user-store.port.ts';
import { isUniqueViolation, omitNulls, parseJsonColumn, parseRow } from './sqlite-rows.ts';

interface UserRow {
  id: string;
  phone: string | null;
  web_session_id: string | null;
  last_channel: string;
  locale: string;
  profile: string;
  last_inbound_at: string | null;
  created_at: string;
  updated_at: string;
}

const COLUMNS =
  'id, phone, web_session_id, last_channel, locale, profile, last_inbound_at, created_at, updated_at';

export class SqliteUserStore implements UserStore {
  readonly #byId: Statement<[string], UserRow>;
  readonly #byPhone: Statement<[string], UserRow>;
  readonly #byWebSession: Statement<[string], UserRow>;
  readonly #insert: Statement<UserRow>;
  readonly #update: Statement<UserRow>;
  readonly #delete: Statement<[string]>;

  constructor(db: Database) {
    this.#byId = db.prepare(`SELECT ${COLUMNS} FROM users WHERE id = ?`);
    this.#byPhone = db.prepare(`SELECT ${COLUMNS} FROM users WHERE phone = ?`);
    this.#byWebSession = db.prepare(`SELECT ${COLUMNS} FROM users WHERE web_session_id = ?`);
    this.#insert = db.prepare(`INSERT INTO users (${COLUMNS}) VALUES
      (@id, @phone, @web_session_id, @last_channel, @locale, @profile, @last_inbound_at, @created_at, @updated_at)`);
    this.#update = db.prepare(`UPDATE users SET phone = @phone, web_session_id = @web_session_id,
      last_channel = @last_channel, locale = @locale, profile = @profile, last_inbound_at = @last_inbound_at,
      created_at = @created_at, updated_at = @updated_at WHERE id = @id`);
    this.#delete = db.prepare('DELETE FROM users WHERE id = ?');
  }

  async findById(id: string): Promise<User | undefined> {
    return toUser(this.#byId.get(id));
  }

  async findByPhone(phone: string): Promise<User | undefined> {
    return toUser(this.#byPhone.get(phone));
  }

  async findByWebSession(sessionId: string): Promise<User | undefined> {
    return toUser(this.#byWebSession.get(sessionId));
  }

  async create(user: User): Promise<void> {
    // The id, phone and session constraints are all checked by the one INSERT, so a race cannot slip past.
    withConflictAsStoreError(user.id, () => this.#insert.run(toParams(user)));
  }

  async update(user: User): Promise<void> {
    this.updateNow(user);
  }

  /** Synchronous, so a transaction can run it with other writes. */
  updateNow(user: User): void {
    const result = withConflictAsStoreError(user.id, () => this.#update.run(toParams(user)));
    if (result.changes === 0) throw new StoreError('not_found', `user ${user.id} does not exist`);
  }

  async delete(id: string): Promise<void> {
    this.#delete.run(id);
  }
}

function toParams(user: User): UserRow {
  return {
    id: user.id,
    phone: user.phone ?? null,
    web_session_id: user.webSessionId ?? null,
    last_channel: user.lastChannel,
    locale: user.locale,
    profile: JSON.stringify(user.profile),
    last_inbound_at: user.lastInboundAt ?? null,
    created_at: user.createdAt,
    updated_at: user.updatedAt,
  };
}

function toUser(row: UserRow | undefined): User | undefined {
  if (row === undefined) return undefined;
  const what = `users row ${row.id}`;
  const fields = omitNulls({
    id: row.id,
    phone: row.phone,
    webSessionId: row.web_session_id,
    lastInboundAt: row.last_inbound_at,
  });
  return parseRow(
    userSchema,
    {
      ...fields,
      lastChannel: row.last_channel,
      locale: row.locale,
      profile: parseJsonColumn(row.profile, what),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    },
    what,
  );
}

function withConflictAsStoreError<T>(userId: string, write: () => T): T {
  try {
    return write();
  } catch (error) {
    // The message names the user id only: phone numbers never go into errors or logs.
    if (isUniqueViolation(error)) {
      throw new StoreError('conflict', `user ${userId}: id, phone or web session already taken`, {
        cause: error,
      });
    }
    throw error;
  }
}
