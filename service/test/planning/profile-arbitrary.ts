import fc from 'fast-check';
import { ACTIVITY_LEVELS, ALLERGENS, DIETS, SEXES } from '../../src/core/domain/profile.ts';
import type { PlanRequestInput } from '../../src/core/planning/plan-request.ts';

/**
 * Random valid plan profiles for property tests: 1–4 members (the account holder 13–80, others 3–80) with heights
 * and weights plausible for their age, any sex and activity, goals lose/maintain/gain, sometimes pregnant, a
 * medical condition or a goal weight (some under BMI 18.5, which must be refused), any diet, any allergies, 0–2
 * dislikes, $10–$120 per person per week, 1–7 days, 15–90 weekday prep minutes.
 */
type Member = PlanRequestInput['members'][number];

/** Real food words people dislike; some match nothing, some knock out whole food groups. */
const DISLIKE_WORDS = [
  'mushroom',
  'broccoli',
  'tofu',
  'salmon',
  'cilantro',
  'olives',
  'eggplant',
  'beets',
  'spinach',
  'chickpeas',
  'tuna',
  'banana',
  'cauliflower',
  'kale',
  'shrimp',
  'coconut',
  'pork',
  'avocado',
  'onion',
  'lentils',
] as const;

const tenths = (min: number, max: number) => fc.integer({ min: min * 10, max: max * 10 }).map((n) => n / 10);

/** An optional field: present about one time in five. */
const sometimes = <T>(value: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: 4 }, { arbitrary: value, weight: 1 });

/** A typical height for the age (rough growth curve), from which each member varies a little. */
function typicalHeightCm(age: number, sex: (typeof SEXES)[number]): number {
  if (age <= 12) return 88 + 6 * (age - 2);
  const adult = sex === 'male' ? 176 : 163;
  return age >= 18 ? adult : 148 + ((adult - 148) * (age - 12)) / 6;
}

/** BMI ranges that are plausible for the age (children are leaner by BMI than adults). */
function bmiRange(age: number): [number, number] {
  if (age < 10) return [14, 19];
  if (age < 18) return [16, 25];
  return [18.5, 35];
}

function memberArb(name: string, minAge: number): fc.Arbitrary<Member> {
  return fc
    .record({ age: fc.integer({ min: minAge, max: 80 }), sex: fc.constantFrom(...SEXES) })
    .chain(({ age, sex }) => {
      const [bmiMin, bmiMax] = bmiRange(age);
      return fc.record({
        age: fc.constant(age),
        sex: fc.constant(sex),
        heightCm: tenths(-7, 7).map((delta) => Math.round((typicalHeightCm(age, sex) + delta) * 10) / 10),
        bmi: tenths(bmiMin, bmiMax),
        activity: fc.constantFrom(...ACTIVITY_LEVELS),
        goal: fc.constantFrom('lose', 'maintain', 'gain' as const),
        // A goal weight anywhere from BMI 17 (refused) to 27.
        goalBmi: sometimes(tenths(17, 27)),
        pregnant: sometimes(fc.constant(true)),
        medicalCondition: sometimes(fc.constantFrom(true, 'kidney disease', 'type 2 diabetes on metformin')),
      });
    })
    .map(({ age, sex, heightCm, bmi, activity, goal, goalBmi, pregnant, medicalCondition }) => {
      const square = (heightCm / 100) ** 2;
      const member: Member = {
        name,
        sex,
        age,
        heightCm,
        weightKg: Math.round(bmi * square * 10) / 10,
        activity,
        goal,
      };
      if (goalBmi !== undefined && age >= 18) member.goalWeightKg = Math.round(goalBmi * square * 10) / 10;
      if (pregnant !== undefined && sex === 'female' && age >= 18 && age <= 45) member.pregnant = true;
      if (medicalCondition !== undefined) member.medicalCondition = medicalCondition;
      return member;
    });
}

/** Member 0 holds the account (13+, as onboarding requires); the others are any age from 3. */
const membersArb: fc.Arbitrary<Member[]> = fc
  .integer({ min: 0, max: 3 })
  .chain((others) =>
    fc.tuple(
      memberArb('M1', 13),
      ...Array.from({ length: others }, (_, index) => memberArb(`M${index + 2}`, 3)),
    ),
  )
  .map((members) => [...members]);

export const profileArb: fc.Arbitrary<PlanRequestInput> = fc
  .record({
    members: membersArb,
    diet: fc.constantFrom(...DIETS),
    allergies: fc.subarray([...ALLERGENS]),
    dislikes: fc.uniqueArray(fc.constantFrom(...DISLIKE_WORDS), { maxLength: 2 }),
    perPersonBudget: fc.integer({ min: 10, max: 120 }),
    days: fc.integer({ min: 1, max: 7 }),
    maxPrepMinutesWeekday: fc.integer({ min: 15, max: 90 }),
  })
  .map(({ perPersonBudget, ...rest }) => ({
    ...rest,
    budget: {
      amount: perPersonBudget * rest.members.length,
      currency: 'USD' as const,
      period: 'week' as const,
    },
  }));
