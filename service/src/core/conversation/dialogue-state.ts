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
});
export type DialogueState = z.infer<typeof dialogueStateSchema>;

export const INITIAL_STATE: DialogueState = { stage: 'new', bodyDone: false };

/** Reads state back from a store; anything unreadable restarts the conversation rather than failing the user. */
export function parseDialogueState(raw: unknown): DialogueState {
  const parsed = dialogueStateSchema.safeParse(raw);
  return parsed.success ? parsed.data : INITIAL_STATE;
}
