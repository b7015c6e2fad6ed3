import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { PSEUDONYM_PREFIX } from '../../core/ports/privacy-store.port.ts';

/**
 * The keyed hash erasure keeps consent records under; the same function as the memory adapter's, so records
 * moved between stores still match.
 */
export function pseudonymizer(key: string): (subject: string) => string {
  return (subject) =>
    PSEUDONYM_PREFIX + createHmac('sha256', key).update(subject, 'utf8').digest('base64url');
}

/**
 * The local default key: 256 random bits kept in a file beside the database (owner-only), made on first open.
 * Random per open for a throwaway `:memory:` database. A deployment sets PSEUDONYM_KEY from its secret store.
 */
export function defaultPseudonymKey(databaseFile: string, inMemory: boolean): string {
  if (inMemory) return randomBytes(32).toString('base64url');
  const keyFile = `${databaseFile}.pseudonym-key`;
  try {
    // `wx` fails when the file exists, so two processes opening the same database agree on one key.
    writeFileSync(keyFile, randomBytes(32).toString('base64url'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'EEXIST') throw error;
  }
  chmodSync(keyFile, 0o600);
  const key = readFileSync(keyFile, 'utf8').trim();
  if (key.length < 32) throw new Error(`pseudonym key file ${keyFile} is shorter than 32 characters`);
  return key;
}
