import type { Profile } from '../domain/profile.ts';
import type { PlanRequest } from '../planning/plan-request.ts';
import { plannerDislikes } from './dislike-foods.ts';
import type { HouseholdMessages } from './household/household-messages.ts';
import { otherMembers } from './household/household-plan-request.ts';
import { plannableGoalWeight } from './profile-changes.ts';

const PLAN_REQUEST =
  /^\s*(?:(?:a |my |the |new |make (?:me )?a |give me a )?(?:weekly |week(?:'s)? )?(?:meal )?plan(?: (?:for )?(?:this|the|next) week)?|meal plan|plan de comidas|menu semanal|menú semanal|mi plan|un plan)\s*[.!?]*\s*$/i;

export function isPlanRequest(text: string): boolean {
  return PLAN_REQUEST.test(text);
}

export type PlanReadiness =
  | {
      ok: true;
      request: PlanRequest;
      /** Members planned with reference heights and weights, and children under 3 left out, by plan name. */
      estimated: string[];
      leftOut: string[];
    }
  | { ok: false; missing: 'body' | 'members' | 'profile' };

/** The weekday prep limit used until the user sets one (issue 4 adds it to the profile). */
const DEFAULT_MAX_PREP_MINUTES_WEEKDAY = 45;

/**
 * A plan request from the profile. The account holder plans toward their goal with their own body data; the other
 * members of a household are those the account holder described (`household.members`), planned at maintenance
 * (members who join with their own consent come with issue 5). A household of more than one needs them described
 * before the holder's own body data is asked for.
 */
export function planRequestFromProfile(
  profile: Profile,
  name: string,
  text: HouseholdMessages,
): PlanReadiness {
  const { goal, diet, allergies, household, budget, body } = profile;
  if (!goal || !diet || !allergies || !household || !budget) return { ok: false, missing: 'profile' };
  const described = household.members ?? [];
  if (household.adults + household.children > 1 && household.members === undefined) {
    return { ok: false, missing: 'members' };
  }
  if (!body?.age || !body.sex || !body.heightCm || !body.weightKg || !body.activity) {
    return { ok: false, missing: 'body' };
  }
  const others = otherMembers(described, text, [name]);
  const goalWeightKg = plannableGoalWeight(profile);
  return {
    ok: true,
    estimated: others.estimated,
    leftOut: others.leftOut,
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
          ...(goalWeightKg !== undefined ? { goalWeightKg } : {}),
        },
        ...others.members,
      ],
      diet,
      allergies,
      dislikes: plannerDislikes(profile.dislikes ?? []),
      budget,
      days: 7,
      maxPrepMinutesWeekday: DEFAULT_MAX_PREP_MINUTES_WEEKDAY,
    },
  };
}
