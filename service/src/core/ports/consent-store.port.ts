import type { ConsentPurpose, ConsentRecord } from '../domain/consent.ts';

/**
 * Append-only: records are never changed, so the history proves when and how consent was given or withdrawn.
 * The one exception is erasure (`StoreWrite` `erase_user`): a subject's records are then kept under its keyed hash
 * (`PSEUDONYM_PREFIX`) instead of the number. Lookups by the subject in clear find those records too, so an opt-out
 * outlives the erasure and the proof can be produced for anyone who gives the number.
 */
export interface ConsentStore {
  append(record: ConsentRecord): Promise<void>;
  /**
   * The most recent record for this subject and purpose, including records kept under its keyed hash (ties broken
   * by insertion order).
   */
  latest(subject: string, purpose: ConsentPurpose): Promise<ConsentRecord | undefined>;
  /** Oldest first, including records kept under the subject's keyed hash (those carry the hash as `subject`). */
  history(subject: string): Promise<ConsentRecord[]>;
}
