import { z } from 'zod';

/** How long a "web" sign-in link works (issue 10): long enough to open the SMS, short enough to be stale soon. */
export const SIGN_IN_LINK_TTL_MINUTES = 15;
/** How long a web session lasts after sign-in; then the user texts "web" again. */
export const WEB_SESSION_TTL_DAYS = 30;

/** The secret of a sign-in link or a session: URL-safe, at least 128 bits (22 base64url characters). */
export const webTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{22,128}$/);

/** A one-time link that opens a web session for a user who texted "web". */
export interface SignInLink {
  token: string;
  userId: string;
  createdAt: string;
  /** The link stops working strictly after this instant, used or not. */
  expiresAt: string;
}

/** A signed-in browser: the cookie holds `token`, the store only its hash. */
export interface WebSession {
  token: string;
  userId: string;
  createdAt: string;
  /** The session ends strictly after this instant. */
  expiresAt: string;
}
