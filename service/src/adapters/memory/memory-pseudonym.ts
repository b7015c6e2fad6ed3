import { createHmac, randomBytes } from 'node:crypto';
import { PSEUDONYM_PREFIX } from '../../core/ports/privacy-store.port.ts';

/**
 * The keyed hash erasure keeps consent records under (the same function as the SQLite adapter's, so records
 * moved between stores still match). Without a configured key a random one serves: memory stores vanish with
 * the process, and their hashes with them.
 */
export function pseudonymizer(
  key: string = randomBytes(32).toString('base64url'),
): (subject: string) => string {
  return (subject) =>
    PSEUDONYM_PREFIX + createHmac('sha256', key).update(subject, 'utf8').digest('base64url');
}
