import { z } from 'zod';
import { ACTIVITY_LEVELS, GOALS, SEXES } from '../../domain/profile.ts';

/**
 * One household member as the targets calculator needs them. Ages below 3 pass the schema on purpose so that
 * `computeTargets` can refuse them with a specific code; name uniqueness is the caller's job.
 */
export const memberInputSchema = z.object({
  name: z.string().trim().min(1).max(80),
  sex: z.enum(SEXES),
  age: z.number().int().min(0).max(120),
  heightCm: z.number().min(50).max(250),
  weightKg: z.number().min(5).max(350),
  activity: z.enum(ACTIVITY_LEVELS),
  goal: z.enum(GOALS),
  goalWeightKg: z.number().min(5).max(350).optional(),
  /** Height and weight are reference values for the age and sex (`reference-body.ts`), not the member's own. */
  estimated: z.boolean().optional(),
  /**
   * The member joined the household from their own phone with this invitation (issue 5): their targets and totals
   * are not shown to the account holder, and plans with them in end when they leave.
   */
  invitationId: z.string().min(1).max(64).optional(),
  /** Honoured whatever `sex` says: the safe reading of a pregnancy flag is to believe it. */
  pregnant: z.boolean().optional(),
  /** `true` or a short description (kidney disease, diabetes on medication…); never echoed back to the user. */
  medicalCondition: z.union([z.boolean(), z.string().trim().max(200)]).optional(),
});
export type MemberInput = z.infer<typeof memberInputSchema>;

export const targetsContextSchema = z.object({
  /** Whether this member holds the account (onboards themselves) rather than being added as a dependant. */
  isAccountHolder: z.boolean(),
});
export type TargetsContext = z.infer<typeof targetsContextSchema>;

/** A string condition counts only when it says something; an empty answer is "no". */
export function hasMedicalCondition(member: Pick<MemberInput, 'medicalCondition'>): boolean {
  const condition = member.medicalCondition;
  return typeof condition === 'string' ? condition.length > 0 : condition === true;
}
