import { createHash } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import type { SignInLink, WebSession } from '../../core/domain/web-auth.ts';
import { StoreError } from '../../core/ports/store-error.ts';
import type { SignInLinkUse, WebAuthStore } from '../../core/ports/web-auth-store.port.ts';
import { isUniqueViolation } from './sqlite-rows.ts';

const hash = (token: string) => createHash('sha256').update(token).digest('base64url');

interface SessionRow {
  user_id: string;
  created_at: string;
  expires_at: string;
}

/** Sign-in links and web sessions, keyed by the SHA-256 of their tokens (migration 009). */
export class SqliteWebAuthStore implements WebAuthStore {
  readonly #insertLink: Statement<[string, string, string, number]>;
  readonly #useLink: Statement<[string, number], { user_id: string }>;
  readonly #linkExists: Statement<[string, number], { used: number }>;
  readonly #insertSession: Statement<[string, string, string, string, number]>;
  readonly #findSession: Statement<[string, number], SessionRow>;
  readonly #deleteSession: Statement<[string]>;
  readonly #deleteLinksForUser: Statement<[string]>;
  readonly #deleteSessionsForUser: Statement<[string]>;
  readonly #purgeLinks: Statement<[number]>;
  readonly #purgeSessions: Statement<[number]>;

  constructor(db: Database) {
    this.#insertLink = db.prepare(
      'INSERT INTO web_sign_in_links (token_hash, user_id, created_at, expires_at_ms) VALUES (?, ?, ?, ?)',
    );
    // One statement checks and marks, so of two racing opens only one gets the row back.
    this.#useLink = db.prepare(
      `UPDATE web_sign_in_links SET used = 1 WHERE token_hash = ? AND used = 0 AND expires_at_ms >= ?
       RETURNING user_id`,
    );
    this.#linkExists = db.prepare(
      'SELECT used FROM web_sign_in_links WHERE token_hash = ? AND expires_at_ms >= ?',
    );
    this.#insertSession = db.prepare(
      `INSERT INTO web_sessions (token_hash, user_id, created_at, expires_at, expires_at_ms)
       VALUES (?, ?, ?, ?, ?)`,
    );
    this.#findSession = db.prepare(
      'SELECT user_id, created_at, expires_at FROM web_sessions WHERE token_hash = ? AND expires_at_ms >= ?',
    );
    this.#deleteSession = db.prepare('DELETE FROM web_sessions WHERE token_hash = ?');
    this.#deleteLinksForUser = db.prepare('DELETE FROM web_sign_in_links WHERE user_id = ?');
    this.#deleteSessionsForUser = db.prepare('DELETE FROM web_sessions WHERE user_id = ?');
    this.#purgeLinks = db.prepare('DELETE FROM web_sign_in_links WHERE expires_at_ms < ?');
    this.#purgeSessions = db.prepare('DELETE FROM web_sessions WHERE expires_at_ms < ?');
  }

  async saveSignInLink(link: SignInLink): Promise<void> {
    try {
      this.#insertLink.run(hash(link.token), link.userId, link.createdAt, Date.parse(link.expiresAt));
    } catch (error) {
      if (isUniqueViolation(error))
        throw new StoreError('conflict', 'sign-in token already taken', { cause: error });
      throw error;
    }
  }

  async useSignInLink(token: string, now: Date): Promise<SignInLinkUse> {
    const key = hash(token);
    const used = this.#useLink.get(key, now.getTime());
    if (used) return { status: 'signed_in', userId: used.user_id };
    return this.#linkExists.get(key, now.getTime()) ? { status: 'used' } : { status: 'not_found' };
  }

  async saveSession(session: WebSession): Promise<void> {
    try {
      this.#insertSession.run(
        hash(session.token),
        session.userId,
        session.createdAt,
        session.expiresAt,
        Date.parse(session.expiresAt),
      );
    } catch (error) {
      if (isUniqueViolation(error))
        throw new StoreError('conflict', 'session token already taken', { cause: error });
      throw error;
    }
  }

  async findSession(token: string, now: Date): Promise<WebSession | undefined> {
    const row = this.#findSession.get(hash(token), now.getTime());
    return row && { token, userId: row.user_id, createdAt: row.created_at, expiresAt: row.expires_at };
  }

  async deleteSession(token: string): Promise<void> {
    this.#deleteSession.run(hash(token));
  }

  async deleteForUser(userId: string): Promise<void> {
    this.#deleteLinksForUser.run(userId);
    this.#deleteSessionsForUser.run(userId);
  }

  async purgeExpired(now: Date): Promise<number> {
    return this.#purgeLinks.run(now.getTime()).changes + this.#purgeSessions.run(now.getTime()).changes;
  }
}
