import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The forms a number may be stored in: E.164, without the plus, national digits, and the WhatsApp address. */
export function phoneForms(phone: string): string[] {
  const digits = phone.slice(1);
  return [phone, digits, digits.slice(1), `whatsapp:${phone}`];
}

/**
 * Every file of a data directory (the database, its `-wal` and `-shm`, the key file) searched byte by byte for each
 * needle, as UTF-8 and as UTF-16 (SQLite can store either). Returns "file: needle" for each hit.
 */
export function findInFiles(dir: string, needles: readonly string[]): string[] {
  const hits: string[] = [];
  for (const name of readdirSync(dir)) {
    const bytes = readFileSync(path.join(dir, name));
    for (const needle of needles) {
      if (bytes.includes(Buffer.from(needle, 'utf8')) || bytes.includes(Buffer.from(needle, 'utf16le'))) {
        hits.push(`${name}: ${needle}`);
      }
    }
  }
  return hits;
}
