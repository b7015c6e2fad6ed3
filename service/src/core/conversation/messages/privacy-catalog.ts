/** Replies to export and erasure requests (GDPR Art. 15, 17, 20). */
export interface PrivacyMessages {
  /** The one-time link to the file of everything stored about the user. */
  exportReady(link: string, hours: number): string;
  /** What erasure removes and what it keeps, and how to confirm it: each message fits three SMS segments. */
  eraseWarning(): string[];
  erased(): string;
  eraseCancelled(): string;
}
