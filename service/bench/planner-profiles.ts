/**
 * The fixed households of `npm run bench:planner` (issue 3, item 8): the plan requests exactly as the CLI's
 * `--profile` file or the coach would send them, parsed by the same schema so defaults apply.
 */
import {
  type PlanRequest,
  type PlanRequestInput,
  planRequestSchema,
} from '../src/core/planning/plan-request.ts';

export interface BenchProfile {
  id: string;
  label: string;
  /** The household of four with children: its own time goal (≤ 750 ms instead of ≤ 200 ms). */
  householdOfFour: boolean;
  request: PlanRequest;
}

const profile = (
  id: string,
  label: string,
  input: PlanRequestInput,
  householdOfFour = false,
): BenchProfile => ({ id, label, householdOfFour, request: planRequestSchema.parse(input) });

const usd = (amount: number) => ({ amount, currency: 'USD' as const, period: 'week' as const });

export const BENCH_PROFILES: readonly BenchProfile[] = [
  // The example profile, verbatim.
  profile('single', 'single adult (Ana)', {
    members: [
      {
        name: 'Ana',
        sex: 'female',
        age: 34,
        heightCm: 165,
        weightKg: 70,
        activity: 'moderate',
        goal: 'lose',
      },
    ],
    diet: 'omnivore',
    allergies: ['peanut'],
    dislikes: ['mushroom'],
    budget: usd(90),
    days: 7,
    maxPrepMinutesWeekday: 40,
  }),
  profile('couple', 'couple, vegetarian', {
    members: [
      { name: 'Sam', sex: 'male', age: 38, heightCm: 178, weightKg: 82, activity: 'light', goal: 'maintain' },
      {
        name: 'Lena',
        sex: 'female',
        age: 36,
        heightCm: 168,
        weightKg: 62,
        activity: 'moderate',
        goal: 'maintain',
      },
    ],
    diet: 'vegetarian',
    allergies: [],
    dislikes: [],
    budget: usd(110),
    days: 7,
    maxPrepMinutesWeekday: 45,
  }),
  profile(
    'family4',
    'family of four (7 and 12 y)',
    {
      members: [
        {
          name: 'Marco',
          sex: 'male',
          age: 42,
          heightCm: 180,
          weightKg: 85,
          activity: 'light',
          goal: 'maintain',
        },
        {
          name: 'Julia',
          sex: 'female',
          age: 40,
          heightCm: 165,
          weightKg: 64,
          activity: 'moderate',
          goal: 'maintain',
        },
        {
          name: 'Leo',
          sex: 'male',
          age: 7,
          heightCm: 124,
          weightKg: 24,
          activity: 'active',
          goal: 'maintain',
        },
        {
          name: 'Mia',
          sex: 'female',
          age: 12,
          heightCm: 152,
          weightKg: 42,
          activity: 'moderate',
          goal: 'maintain',
        },
      ],
      diet: 'omnivore',
      allergies: [],
      dislikes: [],
      budget: usd(200),
      days: 7,
      maxPrepMinutesWeekday: 45,
    },
    true,
  ),
  profile('vegan-low', 'vegan, tree nut + peanut + soy, $45', {
    members: [
      {
        name: 'Noor',
        sex: 'female',
        age: 29,
        heightCm: 163,
        weightKg: 58,
        activity: 'light',
        goal: 'maintain',
      },
    ],
    diet: 'vegan',
    allergies: ['tree_nut', 'peanut', 'soy'],
    dislikes: [],
    budget: usd(45),
    days: 7,
    maxPrepMinutesWeekday: 40,
  }),
  profile('athlete', 'athlete (~3,500 kcal)', {
    members: [
      {
        name: 'Jay',
        sex: 'male',
        age: 25,
        heightCm: 190,
        weightKg: 95,
        // The issue asks for an athlete at 3,500 kcal; very_active + gain at this body gives 4,130 kcal, active +
        // maintain gives 3,480.
        activity: 'active',
        goal: 'maintain',
      },
    ],
    diet: 'omnivore',
    allergies: [],
    dislikes: [],
    budget: usd(90),
    days: 7,
    maxPrepMinutesWeekday: 45,
  }),
  profile('senior', 'sedentary 70-year-old', {
    members: [
      {
        name: 'Rose',
        sex: 'female',
        age: 70,
        heightCm: 160,
        weightKg: 68,
        activity: 'sedentary',
        goal: 'maintain',
      },
    ],
    diet: 'omnivore',
    allergies: [],
    dislikes: [],
    budget: usd(60),
    days: 7,
    maxPrepMinutesWeekday: 60,
  }),
];
