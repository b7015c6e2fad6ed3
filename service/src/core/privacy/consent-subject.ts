import type { User } from '../domain/user.ts';

/** Whom consent records are about: the phone number, or the web session for web-only users. */
export function consentSubject(user: Pick<User, 'id' | 'phone' | 'webSessionId'>): string {
  return user.phone ?? `web:${user.webSessionId ?? user.id}`;
}
