import { describe, expect, it } from 'vitest';
import type { Allergen, Diet } from '../../src/core/domain/profile.ts';
import type { PlanRequestInput } from '../../src/core/planning/plan-request.ts';
import { isPlanned, planAndCheck, summary } from './planner-support.ts';

/**
 * The firm promise, written down before it was run: "any diet and allergy mix at $40 per person per week
 * or more must be feasible". Every row below is expected to give a plan (status optimal or feasible, never
 * infeasible) at exactly $40 per person per week, for 7 days. Real planner, real HiGHS: about 1–3 s a row.
 * Do not edit a row to make it pass; a failing row is a broken promise for the planner (or its data) to fix.
 */
const PER_PERSON_PER_WEEK = 40;

const DIETS: readonly Diet[] = ['omnivore', 'pescatarian', 'vegetarian', 'vegan'];

const ALLERGY_MIXES: readonly (readonly [label: string, allergies: readonly Allergen[]])[] = [
  ['no allergies', []],
  [
    'all ten allergies',
    ['milk', 'egg', 'fish', 'shellfish', 'tree_nut', 'peanut', 'wheat', 'soy', 'sesame', 'gluten'],
  ],
  ['tree_nut + peanut + soy', ['tree_nut', 'peanut', 'soy']],
  ['milk + egg', ['milk', 'egg']],
  ['gluten + milk', ['gluten', 'milk']],
];

const SINGLE_ADULT = [
  {
    name: 'Maya',
    sex: 'female',
    age: 35,
    heightCm: 165,
    weightKg: 65,
    activity: 'moderate',
    goal: 'maintain',
  },
] as const;
const COUPLE = [
  ...SINGLE_ADULT,
  { name: 'Omar', sex: 'male', age: 38, heightCm: 178, weightKg: 80, activity: 'moderate', goal: 'maintain' },
] as const;
const HOUSEHOLDS = [
  ['single moderate adult', SINGLE_ADULT],
  ['couple', COUPLE],
] as const;

/** Expected result of every row: a plan. */
const EXPECTED = 'not infeasible';
const ROWS = HOUSEHOLDS.flatMap(([household, members]) =>
  DIETS.flatMap((diet) =>
    ALLERGY_MIXES.map(([mix, allergies]) => ({
      household,
      members,
      diet,
      mix,
      allergies,
      expected: EXPECTED,
    })),
  ),
);

describe(`budget promise: every diet × allergy mix is feasible at $${PER_PERSON_PER_WEEK}/person/week (real planner, ${ROWS.length} plans)`, () => {
  it.each(ROWS)(
    '$household, $diet, $mix → $expected',
    async ({ members, diet, allergies }) => {
      const profile: PlanRequestInput = {
        members: members.map((member) => ({ ...member })),
        diet,
        allergies: [...allergies],
        dislikes: [],
        budget: { amount: PER_PERSON_PER_WEEK * members.length, currency: 'USD', period: 'week' },
        days: 7,
        maxPrepMinutesWeekday: 60,
      };
      const result = await planAndCheck(profile);
      expect(result.plan.status, summary(result)).not.toBe('infeasible');
      // A plan that keeps the promise must also keep every hard rule.
      if (isPlanned(result.plan)) expect(result.check.violations, summary(result)).toEqual([]);
    },
    60_000,
  );
});
