import { z } from 'zod';
import { RELATIONS } from './profile.ts';

/** How long an invitation waits for the invitee's YES (issue 5): silence for 72 h shares nothing. */
export const INVITATION_TTL_HOURS = 72;

/**
 * A household invitation and, once the invitee replied YES from their own phone, their membership. The owner's
 * words ("wife", a first name) are kept only to name the member back to the owner; the invitee's number is kept
 * to match their reply and is only ever shown to the owner masked.
 */
export const householdInvitationSchema = z.object({
  id: z.string().min(1).max(64),
  ownerId: z.string().min(1).max(64),
  inviteeUserId: z.string().min(1).max(64),
  inviteePhone: z.string().regex(/^\+[1-9]\d{6,14}$/),
  relation: z.enum(RELATIONS),
  /** The relation as the owner said it ("wife", "hijo"), lower case. */
  relationWord: z.string().min(1).max(20),
  /** A first name the owner gave, letters only; absent when they gave none. */
  name: z.string().min(1).max(30).optional(),
  /** `ended` covers declined, left, removed, cancelled and stopped: nothing of the member is used any more. */
  status: z.enum(['pending', 'joined', 'ended']),
  createdAt: z.iso.datetime(),
  /** A pending invitation is void strictly after this instant. */
  expiresAt: z.iso.datetime(),
  joinedAt: z.iso.datetime().optional(),
  endedAt: z.iso.datetime().optional(),
});
export type HouseholdInvitation = z.infer<typeof householdInvitationSchema>;

/** Pending and not expired at `now`, or joined: what still links the two numbers. */
export function isActive(invitation: HouseholdInvitation, now: Date): boolean {
  if (invitation.status === 'joined') return true;
  return invitation.status === 'pending' && Date.parse(invitation.expiresAt) >= now.getTime();
}
