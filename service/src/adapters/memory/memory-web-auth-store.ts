import { createHash } from 'node:crypto';
import type { SignInLink, WebSession } from '../../core/domain/web-auth.ts';
import { StoreError } from '../../core/ports/store-error.ts';
import type { SignInLinkUse, WebAuthStore } from '../../core/ports/web-auth-store.port.ts';

const hash = (token: string) => createHash('sha256').update(token).digest('base64url');

interface LinkEntry {
  userId: string;
  expiresAtMs: number;
  used: boolean;
}

/** Sign-in links and sessions in the process, keyed by the SHA-256 of their tokens. */
export class MemoryWebAuthStore implements WebAuthStore {
  readonly #links = new Map<string, LinkEntry>();
  readonly #sessions = new Map<string, WebSession & { expiresAtMs: number }>();

  async saveSignInLink(link: SignInLink): Promise<void> {
    const key = hash(link.token);
    if (this.#links.has(key)) throw new StoreError('conflict', 'sign-in token already taken');
    this.#links.set(key, { userId: link.userId, expiresAtMs: Date.parse(link.expiresAt), used: false });
  }

  async useSignInLink(token: string, now: Date): Promise<SignInLinkUse> {
    // No await between the check and the write: racing opens are serialised by the event loop.
    const entry = this.#links.get(hash(token));
    if (entry === undefined || entry.expiresAtMs < now.getTime()) return { status: 'not_found' };
    if (entry.used) return { status: 'used' };
    entry.used = true;
    return { status: 'signed_in', userId: entry.userId };
  }

  async saveSession(session: WebSession): Promise<void> {
    const key = hash(session.token);
    if (this.#sessions.has(key)) throw new StoreError('conflict', 'session token already taken');
    this.#sessions.set(key, { ...session, expiresAtMs: Date.parse(session.expiresAt) });
  }

  async findSession(token: string, now: Date): Promise<WebSession | undefined> {
    const entry = this.#sessions.get(hash(token));
    if (entry === undefined || entry.expiresAtMs < now.getTime()) return undefined;
    const { expiresAtMs: _ms, ...session } = entry;
    return { ...session, token };
  }

  async deleteSession(token: string): Promise<void> {
    this.#sessions.delete(hash(token));
  }

  async deleteForUser(userId: string): Promise<void> {
    for (const [key, entry] of this.#links) if (entry.userId === userId) this.#links.delete(key);
    for (const [key, entry] of this.#sessions) if (entry.userId === userId) this.#sessions.delete(key);
  }

  async purgeExpired(now: Date): Promise<number> {
    let removed = 0;
    for (const map of [this.#links, this.#sessions] as Map<string, { expiresAtMs: number }>[]) {
      for (const [key, entry] of map) {
        if (entry.expiresAtMs < now.getTime()) {
          map.delete(key);
          removed++;
        }
      }
    }
    return removed;
  }
}
