import { type HouseholdInvitation, isActive } from '../../core/domain/household-invitation.ts';
import type { HouseholdStore } from '../../core/ports/household-store.port.ts';
import { StoreError } from '../../core/ports/store-error.ts';

/** Invitations in a Map by id; lookups scan it, which is fine at test and demo sizes. Copies in and out. */
export class MemoryHouseholdStore implements HouseholdStore {
  readonly #invitations = new Map<string, HouseholdInvitation>();

  async create(invitation: HouseholdInvitation): Promise<void> {
    if (this.#invitations.has(invitation.id))
      throw new StoreError('conflict', `invitation ${invitation.id} already exists`);
    this.#invitations.set(invitation.id, structuredClone(invitation));
  }

  async findById(id: string): Promise<HouseholdInvitation | undefined> {
    const found = this.#invitations.get(id);
    return found && structuredClone(found);
  }

  async activeForOwner(ownerId: string, now: Date): Promise<HouseholdInvitation[]> {
    return this.#active((invitation) => invitation.ownerId === ownerId, now);
  }

  async activeForInvitee(phone: string, now: Date): Promise<HouseholdInvitation[]> {
    return this.#active((invitation) => invitation.inviteePhone === phone, now);
  }

  async join(id: string, now: Date): Promise<boolean> {
    const found = this.#invitations.get(id);
    if (found?.status !== 'pending' || !isActive(found, now)) return false;
    this.#invitations.set(id, { ...found, status: 'joined', joinedAt: now.toISOString() });
    return true;
  }

  async end(id: string, now: Date): Promise<boolean> {
    const found = this.#invitations.get(id);
    if (!found || found.status === 'ended') return false;
    this.#invitations.set(id, { ...found, status: 'ended', endedAt: now.toISOString() });
    return true;
  }

  async deleteForUser(userId: string, phone?: string): Promise<void> {
    for (const [id, invitation] of this.#invitations) {
      const theirs =
        invitation.ownerId === userId ||
        invitation.inviteeUserId === userId ||
        (phone !== undefined && invitation.inviteePhone === phone);
      if (theirs) this.#invitations.delete(id);
    }
  }

  #active(match: (invitation: HouseholdInvitation) => boolean, now: Date): HouseholdInvitation[] {
    return [...this.#invitations.values()]
      .filter((invitation) => match(invitation) && isActive(invitation, now))
      .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id.localeCompare(b.id))
      .map((invitation) => structuredClone(invitation));
  }
}
