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

/** Append-only: there is no UPDATE or DELETE here, so the table is the proof of consent over time. */
export class SqliteConsentStore implements ConsentStore {
  readonly #insert: Statement<InsertParams>;
  readonly #latest: Statement<[string, string], ConsentRow>;
  readonly #history: Statement<[string], ConsentRow>;

  constructor(db: Database) {
    this.#insert = db.prepare(`INSERT INTO consent_records
      (subject, purpose, granted, method, text_version, at, at_ms) VALUES
      (@subject, @purpose, @granted, @method, @text_version, @at, @at_ms)`);
    // Most recent by instant; seq (insertion order) breaks ties.
    this.#latest = db.prepare(`SELECT ${COLUMNS} FROM consent_records WHERE subject = ? AND purpose = ?
      ORDER BY at_ms DESC, seq DESC LIMIT 1`);
    this.#history = db.prepare(`SELECT ${COLUMNS} FROM consent_records WHERE subject = ?
      ORDER BY at_ms ASC, seq ASC`);
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
    const row = this.#latest.get(subject, purpose);
    return row === undefined ? undefined : toRecord(row);
  }

  async history(subject: string): Promise<ConsentRecord[]> {
    return this.#history.all(subject).map(toRecord);
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
