import type { SignInLink, WebSession } from '../domain/web-auth.ts';

export type SignInLinkUse =
  | { status: 'signed_in'; userId: string }
  /** Opened once already: the link is single use (HTTP 410). */
  | { status: 'used' }
  /** Unknown or expired (HTTP 404). */
  | { status: 'not_found' };

/**
 * Sign-in links and web sessions (issue 10). Tokens are bearer secrets made by the caller from at least 128 random
 * bits; adapters keep only their SHA-256, so a copy of the store opens nobody's account, and never write a token
 * into an error or a log line. Expired means strictly past `expiresAt`. Every record carries the user id, so an
 * erasure removes them (`deleteForUser`).
 */
export interface WebAuthStore {
  /** Fails with `conflict` when the token is taken. */
  saveSignInLink(link: SignInLink): Promise<void>;
  /** Marks the link used, atomically: of two racing opens exactly one gets `signed_in`. */
  useSignInLink(token: string, now: Date): Promise<SignInLinkUse>;
  /** Fails with `conflict` when the token is taken. */
  saveSession(session: WebSession): Promise<void>;
  /** The live session behind a cookie, or undefined (unknown, expired or ended). */
  findSession(token: string, now: Date): Promise<WebSession | undefined>;
  /** Logout. Harmless when there is none. */
  deleteSession(token: string): Promise<void>;
  /** Erasure: every link and session of the user. */
  deleteForUser(userId: string): Promise<void>;
  /** Removes links and sessions expired at `now`; returns how many went. */
  purgeExpired(now: Date): Promise<number>;
}
