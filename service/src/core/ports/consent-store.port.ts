import type { ConsentPurpose, ConsentRecord } from '../domain/consent.ts';

/** Append-only: records are never changed, so the history proves when and how consent was given or withdrawn. */
export interface ConsentStore {
  append(record: ConsentRecord): Promise<void>;
  /** The most recent record for this subject and purpose (ties broken by insertion order). */
  latest(subject: string, purpose: ConsentPurpose): Promise<ConsentRecord | undefined>;
  /** Oldest first. */
  history(subject: string): Promise<ConsentRecord[]>;
}
