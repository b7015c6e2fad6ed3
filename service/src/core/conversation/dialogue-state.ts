import { z } from 'zod';

/** The question the coach asked last, so a bare answer ("80 dollars") lands on the right field. */
export const QUESTIONS = [
  'goal',
  'allergies_diet',
  'allergies',
  'diet',
  'household_budget',
  'household',
  'budget',
  'body',
] as const;
export type Question = (typeof QUESTIONS)[number];

export const dialogueStateSchema = z.object({
  stage: z.enum(['new', 'awaiting_consent', 'onboarding', 'ready', 'ineligible']),
  pending: z.enum(QUESTIONS).optional(),
  /** The optional body question was answered or skipped. */
  bodyDone: z.boolean().default(false),
  /** A food-log "did you mean …?" waiting for its answer (food-choice.ts); dropped by any other message. */
  foodChoice: z
    .object({
      phrase: z.string().max(300),
      options: z.array(z.string().max(100)).min(2).max(8),
      accompaniment: z.boolean(),
    })
    .optional()
    .catch(undefined), // an unreadable question is forgotten, not the whole conversation
  /** A plan was asked for and the coach asked for the other household members' ages and sexes. */
  awaitingMembers: z.boolean().optional(),
  /** "delete my data" was answered with the warning; only DELETE ALL / BORRAR TODO next erases (privacy-intent.ts). */
  awaitingErasure: z.boolean().optional(),
  /** The user asked for their language ("español", "LANG EN"): no Spanish word or keyword flips it back. */
  languageChosen: z.boolean().optional(),
  /** The coach just asked whether to join a household (invitation-intent.ts): a bare NO declines it. */
  invitationAsked: z.boolean().optional(),
  /** The number was quiet for long (dormancy.ts): nothing personal until it answers ME or NEW. */
  ownershipCheck: z.boolean().optional(),
});
export type DialogueState = z.infer<typeof dialogueStateSchema>;
export type FoodChoice = NonNullable<DialogueState['foodChoice']>;

export const INITIAL_STATE: DialogueState = { stage: 'new', bodyDone: false };

/** Reads state back from a store; anything unreadable restarts the conversation rather than failing the user. */
export function parseDialogueState(raw: unknown): DialogueState {
  const parsed = dialogueStateSchema.safeParse(raw);
  return parsed.success ? parsed.data : INITIAL_STATE;
}
