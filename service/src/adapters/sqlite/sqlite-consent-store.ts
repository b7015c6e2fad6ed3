import type { Database, Statement } from 'better-sqlite3';
import { type ConsentPurpose, type ConsentRecord, consentRecordSchema } from '../../core/domain/consent.ts';
import type { ConsentStore } from '../../core/ports/consent-store.port.ts';
import { parseRow } from './sqlite-rows.ts';

interface ConsentRow {
  seq: number;
  subject: string;
  purpose: string;
  granted: number;
  method: string;
  text_version: string;
  at: string;
}

interface InsertParams extends Omit<ConsentRow, 'seq'> {
  at_ms: number;
}

const COLUMNS = 'seq, subject, purpose, granted, method, text_version, at';

/**
 * Append-only: no DELETE here, and the one UPDATE is erasure's replacing a subject by its keyed hash, so the table
 * stays the proof of consent over time without keeping an erased number.
 */
export class SqliteConsentStore implements ConsentStore {
  readonly #insert: Statement<InsertParams>;
  readonly #latest: Statement<[string, string, string], ConsentRow>;
  readonly #history: Statement<[string, string], ConsentRow>;
  readonly #rekey: Statement<[string, string]>;

  constructor(
    db: Database,
    private readonly pseudonym: (subject: string) => string,
  ) {
    this.#insert = db.prepare(`INSERT INTO consent_records
      (subject, purpose, granted, method, text_version, at, at_ms) VALUES
      (@subject, @purpose, @granted, @method, @text_version, @at, @at_ms)`);
    // Most recent by instant; seq (insertion order) breaks ties.
    // The subject in clear and its keyed hash: records of an erased user still count.
    this.#latest = db.prepare(`SELECT ${COLUMNS} FROM consent_records WHERE subject IN (?, ?) AND purpose = ?
      ORDER BY at_ms DESC, seq DESC LIMIT 1`);
    this.#history = db.prepare(`SELECT ${COLUMNS} FROM consent_records WHERE subject IN (?, ?)
      ORDER BY at_ms ASC, seq ASC`);
    this.#rekey = db.prepare('UPDATE consent_records SET subject = ? WHERE subject = ?');
  }

  async append(record: ConsentRecord): Promise<void> {
    this.appendNow(record);
  }

  /** Synchronous, so a transaction can run it with other writes. */
  appendNow(record: ConsentRecord): void {
    this.#insert.run({
      subject: record.subject,
      purpose: record.purpose,
      granted: record.granted ? 1 : 0, // SQLite has no boolean type
      method: record.method,
      text_version: record.textVersion,
      at: record.at,
      at_ms: Date.parse(record.at),
    });
  }

  async latest(subject: string, purpose: ConsentPurpose): Promise<ConsentRecord | undefined> {
    const row = this.#latest.get(subject, this.pseudonym(subject), purpose);
    return row === undefined ? undefined : toRecord(row);
  }

  async history(subject: string): Promise<ConsentRecord[]> {
    return this.#history.all(subject, this.pseudonym(subject)).map(toRecord);
  }

  /** Erasure, inside its transaction: the subject's records stay, keyed by its hash instead of the number. */
  rekeyNow(subject: string): void {
    this.#rekey.run(this.pseudonym(subject), subject);
  }
}

function toRecord(row: ConsentRow): ConsentRecord {
  return parseRow(
    consentRecordSchema,
    {
      subject: row.subject,
      purpose: row.purpose,
      // Anything but 0 or 1 is passed through unchanged, so the schema rejects it as corrupt.
      granted: row.granted === 1 ? true : row.granted === 0 ? false : row.granted,
      method: row.method,
      textVersion: row.text_version,
      at: row.at,
    },
    `consent_records row ${row.seq}`,
  );
}
