import { webSignInMessages } from '../conversation/web-sign-in.ts';
import type { Locale, User } from '../domain/user.ts';
import { SIGN_IN_LINK_TTL_MINUTES, WEB_SESSION_TTL_DAYS, type WebSession } from '../domain/web-auth.ts';
import type { Clock, IdGenerator } from '../ports/clock.port.ts';
import type { Stores } from '../ports/stores.ts';

export interface WebSignInDeps {
  stores: Stores;
  clock: Clock;
  /** Random tokens (at least 128 bits), never derived from the user. */
  tokens: IdGenerator;
  publicBaseUrl: string;
}

/** "web": stores a one-time link for 15 minutes and answers with it. The URL carries only the random token. */
export async function createSignInLink(deps: WebSignInDeps, user: User, locale: Locale): Promise<string> {
  const m = webSignInMessages[locale];
  if (!deps.stores.webAuth) return m.unavailable();
  const now = deps.clock.now();
  const token = deps.tokens.next();
  await deps.stores.webAuth.saveSignInLink({
    token,
    userId: user.id,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + SIGN_IN_LINK_TTL_MINUTES * 60_000).toISOString(),
  });
  return m.link(`${deps.publicBaseUrl}/signin/${token}`, SIGN_IN_LINK_TTL_MINUTES);
}

export type OpenSessionOutcome =
  | { status: 'signed_in'; session: WebSession }
  | { status: 'used' }
  | { status: 'not_found' };

/**
 * Uses a sign-in link (once) and opens a session for its user. `sessionToken` is the caller's fresh random secret
 * for the cookie. A link whose user was erased since leads nowhere.
 */
export async function openWebSession(
  deps: Omit<WebSignInDeps, 'tokens' | 'publicBaseUrl'>,
  linkToken: string,
  sessionToken: string,
): Promise<OpenSessionOutcome> {
  const store = deps.stores.webAuth;
  if (!store) return { status: 'not_found' };
  const now = deps.clock.now();
  const used = await store.useSignInLink(linkToken, now);
  if (used.status !== 'signed_in') return used;
  if (!(await deps.stores.users.findById(used.userId))) return { status: 'not_found' };
  const session: WebSession = {
    token: sessionToken,
    userId: used.userId,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + WEB_SESSION_TTL_DAYS * 86_400_000).toISOString(),
  };
  await store.saveSession(session);
  return { status: 'signed_in', session };
}
