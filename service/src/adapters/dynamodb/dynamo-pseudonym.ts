import { createHmac } from 'node:crypto';
import { PSEUDONYM_PREFIX } from '../../core/ports/privacy-store.port.ts';

/**
 * The keyed hash erasure keeps consent records under: the same function as the SQLite and memory adapters', so
 * records moved between stores still match.
 */
export function pseudonymizer(key: string): (subject: string) => string {
  if (key.length < 32) throw new Error('the pseudonym key must be at least 32 characters');
  return (subject) =>
    PSEUDONYM_PREFIX + createHmac('sha256', key).update(subject, 'utf8').digest('base64url');
}
