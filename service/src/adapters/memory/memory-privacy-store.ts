import type { ErasureRecord, ExportLink } from '../../core/domain/export-link.ts';
import type { ExportLinkLookup, PrivacyStore } from '../../core/ports/privacy-store.port.ts';
import { StoreError } from '../../core/ports/store-error.ts';

interface Entry {
  /** Dropped once the link is used: a used link answers "used" and leads to nobody. */
  userId?: string;
  expiresAtMs: number;
  used: boolean;
}

export class MemoryPrivacyStore implements PrivacyStore {
  readonly #links = new Map<string, Entry>();
  readonly #erasures: ErasureRecord[] = [];

  async saveExportLink(link: ExportLink): Promise<void> {
    // The message never names the token: it is a secret.
    if (this.#links.has(link.token)) throw new StoreError('conflict', 'export link token already taken');
    this.#links.set(link.token, {
      userId: link.userId,
      expiresAtMs: Date.parse(link.expiresAt),
      used: false,
    });
  }

  async findExportLink(token: string, now: Date): Promise<ExportLinkLookup> {
    const entry = this.#live(token, now);
    if (entry === undefined) return { status: 'not_found' };
    if (entry.used || entry.userId === undefined) return { status: 'used' };
    return { status: 'ready', userId: entry.userId };
  }

  async useExportLink(token: string, now: Date): Promise<boolean> {
    // No await between the check and the write, so racing downloads are serialised by the event loop.
    const entry = this.#live(token, now);
    if (entry === undefined || entry.used) return false;
    entry.used = true;
    delete entry.userId;
    return true;
  }

  async erasures(): Promise<ErasureRecord[]> {
    return this.#erasures.map((record) => structuredClone(record));
  }

  async purgeExpired(now: Date): Promise<number> {
    let purged = 0;
    for (const [token, entry] of this.#links) {
      if (entry.expiresAtMs < now.getTime()) {
        this.#links.delete(token);
        purged++;
      }
    }
    return purged;
  }

  /** Erasure: the user's unused links stop working at once. */
  deleteForUserNow(userId: string): void {
    for (const [token, entry] of this.#links) if (entry.userId === userId) this.#links.delete(token);
  }

  appendErasureNow(record: ErasureRecord): void {
    this.#erasures.push(structuredClone(record));
  }

  #live(token: string, now: Date): Entry | undefined {
    const entry = this.#links.get(token);
    return entry !== undefined && entry.expiresAtMs >= now.getTime() ? entry : undefined;
  }
}
