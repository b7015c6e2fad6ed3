import type { ConsentPurpose, ConsentRecord } from '../../core/domain/consent.ts';
import type { ConsentStore } from '../../core/ports/consent-store.port.ts';

export class MemoryConsentStore implements ConsentStore {
  /** Insertion order; only appended to, except that erasure replaces a subject by its keyed hash. */
  readonly #records: ConsentRecord[] = [];

  constructor(private readonly pseudonym: (subject: string) => string) {}

  async append(record: ConsentRecord): Promise<void> {
    this.#records.push(structuredClone(record));
  }

  async latest(subject: string, purpose: ConsentPurpose): Promise<ConsentRecord | undefined> {
    const subjects = this.#subjects(subject);
    const matching = this.#chronological(
      (record) => subjects.has(record.subject) && record.purpose === purpose,
    );
    const latest = matching.at(-1);
    return latest === undefined ? undefined : structuredClone(latest);
  }

  async history(subject: string): Promise<ConsentRecord[]> {
    const subjects = this.#subjects(subject);
    return this.#chronological((record) => subjects.has(record.subject)).map((record) =>
      structuredClone(record),
    );
  }

  /** Erasure: the subject's records stay, keyed by its hash instead of the number. */
  rekeyNow(subject: string): void {
    const pseudonym = this.pseudonym(subject);
    for (const record of this.#records) if (record.subject === subject) record.subject = pseudonym;
  }

  #subjects(subject: string): Set<string> {
    return new Set([subject, this.pseudonym(subject)]);
  }

  /** Oldest first by `at`; the stable sort keeps insertion order for records with the same `at`. */
  #chronological(predicate: (record: ConsentRecord) => boolean): ConsentRecord[] {
    return this.#records.filter(predicate).sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  }
}
