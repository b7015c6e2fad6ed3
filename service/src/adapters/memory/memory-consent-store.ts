import type { ConsentPurpose, ConsentRecord } from '../../core/domain/consent.ts';
import type { ConsentStore } from '../../core/ports/consent-store.port.ts';

export class MemoryConsentStore implements ConsentStore {
  /** Insertion order; never modified, only appended to. */
  readonly #records: ConsentRecord[] = [];

  async append(record: ConsentRecord): Promise<void> {
    this.#records.push(structuredClone(record));
  }

  async latest(subject: string, purpose: ConsentPurpose): Promise<ConsentRecord | undefined> {
    const matching = this.#chronological(
      (record) => record.subject === subject && record.purpose === purpose,
    );
    const latest = matching.at(-1);
    return latest === undefined ? undefined : structuredClone(latest);
  }

  async history(subject: string): Promise<ConsentRecord[]> {
    return this.#chronological((record) => record.subject === subject).map((record) =>
      structuredClone(record),
    );
  }

  /** Oldest first by `at`; the stable sort keeps insertion order for records with the same `at`. */
  #chronological(predicate: (record: ConsentRecord) => boolean): ConsentRecord[] {
    return this.#records.filter(predicate).sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  }
}
