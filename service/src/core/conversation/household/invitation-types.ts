import type { Relation } from '../../domain/profile.ts';

/** What the use case knows about this number's household links, loaded before the conversation decides. */
export interface HouseholdContext {
  /** This number's E.164 (to refuse inviting oneself and to read a bare 10-digit number). */
  phone?: string;
  /** The invitation waiting for this number's YES. */
  invitation?: { id: string; ownerLast4: string };
  /** The household this user joined from their own phone. */
  membership?: { id: string; ownerLast4: string };
  /** Invitations this user sent that are pending or joined, named as this user named them. */
  links: { id: string; name?: string; relationWord?: string; joined: boolean }[];
}

/** Work on the household store and the messenger; the use case runs it after the commit and words the reply. */
export type HouseholdEffect =
  | { kind: 'household_invite'; phone: string; relation: Relation; relationWord?: string; name?: string }
  | { kind: 'household_list' }
  | { kind: 'household_remove'; invitationId: string; label: string; joined: boolean }
  | { kind: 'household_leave'; invitationId: string }
  /** `next`: what to say after the answer (the next onboarding question or the member's "all set"). */
  | { kind: 'household_answer'; invitationId: string; accept: boolean; next: string[] };

const HOUSEHOLD_EFFECTS = new Set([
  'household_invite',
  'household_list',
  'household_remove',
  'household_leave',
  'household_answer',
]);

export function isHouseholdEffect(effect: { kind: string }): effect is HouseholdEffect {
  return HOUSEHOLD_EFFECTS.has(effect.kind);
}
