import type { Profile } from '../domain/profile.ts';
import type { PlanRequest } from '../planning/plan-request.ts';

const PLAN_REQUEST =
  /^\s*(?:(?:a |my |the |new |make (?:me )?a |give me a )?(?:weekly |week(?:'s)? )?(?:meal )?plan(?: (?:for )?(?:this|the|next) week)?|meal plan|plan de comidas|menu semanal|menú semanal|mi plan|un plan)\s*[.!?]*\s*$/i;

export function isPlanRequest(text: string): boolean {
  return PLAN_REQUEST.test(text);
}

export type PlanReadiness =
  | { ok: true; request: PlanRequest }
  | { ok: false; missing: 'body' | 'household' | 'profile' };

/** The weekday prep limit used until the user sets one (issue 4 adds it to the profile). */
const DEFAULT_MAX_PREP_MINUTES_WEEKDAY = 45;

/**
 * A plan request from the profile. Only a household of one can be planned from chat for now: every member needs
 * their own body data for their own targets, and members join with their own consent later (issue 5).
 */
export function planRequestFromProfile(profile: Profile, name: string): PlanReadiness {
  const { goal, diet, allergies, household, budget, body } = profile;
  if (!goal || !diet || !allergies || !household || !budget) return { ok: false, missing: 'profile' };
  if (household.adults + household.children > 1) return { ok: false, missing: 'household' };
  if (!body?.age || !body.sex || !body.heightCm || !body.weightKg || !body.activity) {
    return { ok: false, missing: 'body' };
  }
  return {
    ok: true,
    request: {
      members: [
        {
          name,
          sex: body.sex,
          age: body.age,
          heightCm: body.heightCm,
          weightKg: body.weightKg,
          activity: body.activity,
          goal: goal === 'eat_healthier' ? 'maintain' : goal,
        },
      ],
      diet,
      allergies,
      dislikes: [],
      budget,
      days: 7,
      maxPrepMinutesWeekday: DEFAULT_MAX_PREP_MINUTES_WEEKDAY,
    },
  };
}
