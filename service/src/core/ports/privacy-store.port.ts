import type { ErasureRecord, ExportLink } from '../domain/export-link.ts';

export type ExportLinkLookup =
  | { status: 'ready'; userId: string }
  /** Downloaded once already: the link is single use (HTTP 410 Gone). */
  | { status: 'used' }
  /** Unknown, expired, or its user erased (HTTP 404). */
  | { status: 'not_found' };

/**
 * Export links and the anonymous erasure audit (GDPR Art. 15, 17, 20).
 *
 * An export token is a bearer secret like a plan token (see `PlanStore`): the caller makes it from 128 random bits
 * and stores never write it into an error or a log line. A used link keeps only its token and times, so it can
 * answer "already used" without pointing at anyone.
 *
 * Erasure itself is a `StoreWrite` (`erase_user`), so it runs all or nothing with the rest of a commit; it removes
 * the user's export links and appends one `ErasureRecord` here.
 */
export interface PrivacyStore {
  /** Fails with `conflict` when the token is taken. */
  saveExportLink(link: ExportLink): Promise<void>;
  /** What the link leads to at `now`. Expired means strictly past `expiresAt`, as for plans. */
  findExportLink(token: string, now: Date): Promise<ExportLinkLookup>;
  /**
   * Marks the link used, atomically: of two racing downloads exactly one gets `true`. `false` when it was used
   * already, is unknown or has expired.
   */
  useExportLink(token: string, now: Date): Promise<boolean>;
  /** The erasure audit, oldest first. */
  erasures(): Promise<ErasureRecord[]>;
  /** Removes export links expired at `now`, used or not; returns how many went. */
  purgeExpired(now: Date): Promise<number>;
  /**
   * Completes erasures a crashed process left half done, where an erasure is not one transaction (DynamoDB: the
   * bulk deletions follow the commit); returns how many it finished. Absent where erasure is all or nothing.
   */
  finishPendingErasures?(): Promise<number>;
}

/** How records kept after an erasure are keyed: `hmac-sha256:` + base64url of HMAC-SHA256(key, subject). */
export const PSEUDONYM_PREFIX = 'hmac-sha256:';
