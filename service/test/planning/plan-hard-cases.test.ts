import { describe, expect, it } from 'vitest';
import type { Diet } from '../../src/core/domain/profile.ts';
import { ALLERGENS } from '../../src/core/domain/profile.ts';
import type { PlanRequestInput } from '../../src/core/planning/plan-request.ts';
import { isPlanned, planAndCheck, summary } from './planner-support.ts';

/**
 * Hard profiles for the real planner (HiGHS), each with its expected outcome written down: a plan that the
 * independent checker finds clean (every member-day in the energy window), or an infeasible answer whose reason
 * names the cause. The budget is ample ($150 a person a week) unless the row says otherwise, so what is tested is
 * the hard rules, not the price of food (budget-promise.test.ts tests that). About 0.2–3 s a row.
 */
type Member = PlanRequestInput['members'][number];

const AMPLE_BUDGET_PER_PERSON = 150;

/** Every allergy a profile can name (the US major 9 plus gluten). */
const ALL_TEN = ALLERGENS;

const ANA: Member = {
  name: 'Ana',
  sex: 'female',
  age: 34,
  heightCm: 165,
  weightKg: 70,
  activity: 'moderate',
  goal: 'lose',
};
const ADULT: Member = {
  name: 'Sam',
  sex: 'male',
  age: 30,
  heightCm: 176,
  weightKg: 75,
  activity: 'light',
  goal: 'maintain',
};

function profile(members: Member[], extra: Partial<PlanRequestInput> = {}): PlanRequestInput {
  return {
    members,
    diet: 'omnivore',
    allergies: [],
    dislikes: [],
    budget: { amount: AMPLE_BUDGET_PER_PERSON * members.length, currency: 'USD', period: 'week' },
    days: 7,
    maxPrepMinutesWeekday: 45,
    ...extra,
  };
}

/** Mifflin-St Jeor × activity factor, written out here so the pregnancy row does not lean on the code it tests. */
const maintenanceKcal = (
  m: { sex: string; age: number; heightCm: number; weightKg: number },
  factor: number,
) => (10 * m.weightKg + 6.25 * m.heightCm - 5 * m.age + (m.sex === 'male' ? 5 : -161)) * factor;

interface Row {
  name: string;
  profile: PlanRequestInput;
  expected: 'plan' | { infeasible: RegExp };
  /** Extra expectations on the member targets the plan reports. */
  targets?: (kcal: number[]) => void;
}

const ROWS: Row[] = [
  {
    name: "the issue's example profile",
    profile: profile([ANA], {
      allergies: ['peanut'],
      dislikes: ['mushroom'],
      budget: { amount: 90, currency: 'USD', period: 'week' },
      maxPrepMinutesWeekday: 40,
    }),
    expected: 'plan',
  },
  {
    name: 'vegan with tree_nut + peanut + soy',
    profile: profile([ADULT], { diet: 'vegan', allergies: ['tree_nut', 'peanut', 'soy'] }),
    expected: 'plan',
  },
  ...(['omnivore', 'pescatarian', 'vegetarian', 'vegan'] as const).map(
    (diet: Diet): Row => ({
      name: `${diet} with all ten allergies`,
      profile: profile([ADULT], { diet, allergies: [...ALL_TEN] }),
      expected: 'plan',
    }),
  ),
  {
    name: 'family of four with a 7-year-old',
    profile: profile([
      { name: 'Dad', sex: 'male', age: 40, heightCm: 180, weightKg: 85, activity: 'light', goal: 'maintain' },
      {
        name: 'Mum',
        sex: 'female',
        age: 38,
        heightCm: 165,
        weightKg: 62,
        activity: 'moderate',
        goal: 'lose',
      },
      {
        name: 'Lia',
        sex: 'female',
        age: 7,
        heightCm: 122,
        weightKg: 23,
        activity: 'active',
        goal: 'maintain',
      },
      {
        name: 'Teo',
        sex: 'male',
        age: 12,
        heightCm: 150,
        weightKg: 40,
        activity: 'active',
        goal: 'maintain',
      },
    ]),
    expected: 'plan',
  },
  {
    name: 'athlete: male 25 y, 190 cm, 95 kg, very active, gaining (4,130 kcal)',
    profile: profile([
      {
        name: 'Kofi',
        sex: 'male',
        age: 25,
        heightCm: 190,
        weightKg: 95,
        activity: 'very_active',
        goal: 'gain',
      },
    ]),
    expected: 'plan',
    targets: ([kcal]) => expect(kcal).toBeGreaterThanOrEqual(3_500),
  },
  {
    name: 'sedentary 70-year-old woman losing weight',
    profile: profile([
      {
        name: 'Rosa',
        sex: 'female',
        age: 70,
        heightCm: 160,
        weightKg: 72,
        activity: 'sedentary',
        goal: 'lose',
      },
    ]),
    expected: 'plan',
    // 1,297 kcal maintenance − 500 would be under the 1,200 kcal floor for women.
    targets: ([kcal]) => expect(kcal).toBeGreaterThanOrEqual(1_200),
  },
  {
    name: 'pregnant member asking to lose: no deficit',
    profile: profile(
      [
        {
          name: 'Ines',
          sex: 'female',
          age: 30,
          heightCm: 165,
          weightKg: 68,
          activity: 'light',
          goal: 'lose',
          pregnant: true,
        },
      ],
      { diet: 'vegetarian' },
    ),
    expected: 'plan',
    targets: ([kcal]) =>
      expect(kcal).toBeGreaterThanOrEqual(
        maintenanceKcal({ sex: 'female', age: 30, heightCm: 165, weightKg: 68 }, 1.375) - 5,
      ),
  },
  {
    name: 'member with a medical condition asking to lose, beside a partner: no deficit for them',
    profile: profile([
      ADULT,
      {
        name: 'Jo',
        sex: 'male',
        age: 55,
        heightCm: 172,
        weightKg: 90,
        activity: 'light',
        goal: 'lose',
        medicalCondition: 'type 2 diabetes on insulin',
      },
    ]),
    expected: 'plan',
    targets: ([, kcal]) =>
      expect(kcal).toBeGreaterThanOrEqual(
        maintenanceKcal({ sex: 'male', age: 55, heightCm: 172, weightKg: 90 }, 1.375) - 5,
      ),
  },
  {
    name: 'an account holder under 13',
    profile: profile([
      {
        name: 'Kid',
        sex: 'male',
        age: 12,
        heightCm: 150,
        weightKg: 40,
        activity: 'active',
        goal: 'maintain',
      },
    ]),
    expected: { infeasible: /under 13/ },
  },
  {
    name: 'a goal weight under BMI 18.5',
    profile: profile([{ ...ANA, heightCm: 170, weightKg: 60, goalWeightKg: 50 }]),
    expected: { infeasible: /BMI.*18\.5/ },
  },
];

describe(`hard cases with the real planner (${ROWS.length} plans)`, () => {
  it.each(ROWS)(
    '$name',
    async ({ profile: input, expected, targets }) => {
      const result = await planAndCheck(input);
      const { plan, check } = result;
      if (expected === 'plan') {
        expect(isPlanned(plan), summary(result)).toBe(true);
        expect(check.violations, summary(result)).toEqual([]);
        expect(check.memberDaysInEnergyWindow).toBe(check.memberDays);
        expect(check.memberDays).toBe(input.members.length * (input.days ?? 7));
      } else {
        expect(plan.status, summary(result)).toBe('infeasible');
        expect(plan.reason).toMatch(expected.infeasible);
        expect(check.violations, summary(result)).toEqual([]);
      }
      targets?.(plan.members.map((member) => member.targets.kcal));
    },
    60_000,
  );
});
