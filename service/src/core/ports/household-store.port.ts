import type { HouseholdInvitation } from '../domain/household-invitation.ts';

/**
 * Household invitations and memberships (issue 5). A pending invitation counts only until `expiresAt` (strictly
 * after it, it is as if it never was); `join` and `end` are compare-and-set, so a YES racing a "remove" or the
 * expiry has exactly one outcome. Stores never write a phone number into an error or a log line.
 */
export interface HouseholdStore {
  /** Fails with `conflict` when the id is taken. */
  create(invitation: HouseholdInvitation): Promise<void>;
  findById(id: string): Promise<HouseholdInvitation | undefined>;
  /** The owner's pending (unexpired at `now`) and joined invitations, oldest first. */
  activeForOwner(ownerId: string, now: Date): Promise<HouseholdInvitation[]>;
  /** The invitee's pending (unexpired at `now`) and joined invitations by their number, oldest first. */
  activeForInvitee(phone: string, now: Date): Promise<HouseholdInvitation[]>;
  /** pending and unexpired at `now` → joined; `false` when it was not (expired, ended, joined already, unknown). */
  join(id: string, now: Date): Promise<boolean>;
  /** pending or joined → ended; `false` when it had ended already or is unknown. */
  end(id: string, now: Date): Promise<boolean>;
  /** Erasure: every invitation the user sent or received (by id or by number) goes. */
  deleteForUser(userId: string, phone?: string): Promise<void>;
}
