import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVITY_LEVELS, GOALS, SEXES } from '../../domain/profile.ts';
import { bmi } from './bmi.ts';
import { computeTargets } from './compute-targets.ts';
import { ADULT_FLOOR_KCAL } from './energy-policy.ts';
import { estimatedEnergyRequirement } from './estimated-energy-requirement.ts';
import type { MemberInput } from './member-input.schema.ts';
import { AMDR_PCT } from './reference-values.ts';
import type { TargetsResult } from './targets-result.ts';

/** Tenths of a unit, so generated bodies look like what people type. */
const tenths = (min: number, max: number) => fc.integer({ min: min * 10, max: max * 10 }).map((n) => n / 10);

const adultArb: fc.Arbitrary<MemberInput> = fc.record(
  {
    name: fc.constant('Adult'),
    sex: fc.constantFrom(...SEXES),
    age: fc.integer({ min: 19, max: 100 }),
    heightCm: tenths(140, 210),
    weightKg: tenths(35, 250),
    activity: fc.constantFrom(...ACTIVITY_LEVELS),
    goal: fc.constantFrom(...GOALS),
    goalWeightKg: tenths(35, 250),
    pregnant: fc.boolean(),
    medicalCondition: fc.oneof(fc.boolean(), fc.constantFrom('', 'kidney disease')),
  },
  { requiredKeys: ['name', 'sex', 'age', 'heightCm', 'weightKg', 'activity', 'goal'] },
);

/** Children 3–18 with body sizes that are plausible for their age (not growth-chart exact). */
const childArb: fc.Arbitrary<MemberInput> = fc.integer({ min: 3, max: 18 }).chain((age) =>
  fc.record({
    name: fc.constant('Child'),
    sex: fc.constantFrom(...SEXES),
    age: fc.constant(age),
    heightCm: tenths(80 + 5 * age, 110 + 6 * age),
    weightKg: tenths(10 + 1.5 * age, 20 + 5 * age),
    activity: fc.constantFrom(...ACTIVITY_LEVELS),
    goal: fc.constantFrom(...GOALS),
  }),
);

function targetsOf(result: TargetsResult) {
  if (!result.ok) throw new Error(`unexpected refusal ${result.code}: ${result.reason}`);
  return result;
}

/** Comparisons with a hair of slack for float noise (65.1 × 1000 = 65099.99…). */
const FLOAT_SLACK = 1e-6;
const atLeast = (actual: number, bound: number) => expect(actual).toBeGreaterThanOrEqual(bound - FLOAT_SLACK);
const atMost = (actual: number, bound: number) => expect(actual).toBeLessThanOrEqual(bound + FLOAT_SLACK);

const hasOneDecimal = (value: number) => Math.abs(value * 10 - Math.round(value * 10)) < 1e-9;

describe('computeTargets — properties', () => {
  it('adults: never below the floor, macros consistent and inside the AMDR, protein between target and max', () => {
    fc.assert(
      fc.property(adultArb, (member) => {
        const result = computeTargets(member);
        if (!result.ok) {
          // the only refusal an adult can get from valid data
          expect(result.code).toBe('goal_bmi_too_low');
          return;
        }
        const { targets: t, basis } = result;
        const amdr = AMDR_PCT['19+'];
        expect(t.kcal).toBeGreaterThanOrEqual(ADULT_FLOOR_KCAL[member.sex]);
        expect(t.kcal % 10).toBe(0);
        expect(t.fatG.min).toBeLessThan(t.fatG.max);
        expect(t.carbsG.min).toBeLessThan(t.carbsG.max);
        atLeast(t.fatG.min * 9, (t.kcal * amdr.fat.min) / 100);
        atMost(t.fatG.max * 9, (t.kcal * amdr.fat.max) / 100);
        atLeast(t.carbsG.min * 4, (t.kcal * amdr.carbs.min) / 100);
        atMost(t.carbsG.max * 4, (t.kcal * amdr.carbs.max) / 100);
        expect(t.proteinG).toBeLessThanOrEqual(t.proteinMaxG);
        atMost(t.proteinMaxG * 4, (t.kcal * amdr.protein.max) / 100);
        atLeast(t.proteinG * 4, (t.kcal * amdr.protein.min) / 100);
        const wantedG = basis.protein.gPerKg * member.weightKg;
        if (wantedG * 4 <= (t.kcal * amdr.protein.max) / 100 - 1) {
          atLeast(t.proteinG, wantedG);
        }
        // the macro minimums always fit inside the energy target (allowing 0.1 g rounding on each)
        atMost(t.proteinG * 4 + t.fatG.min * 9 + t.carbsG.min * 4, t.kcal + 2);
        for (const grams of [t.proteinG, t.proteinMaxG, t.fatG.min, t.carbsG.max, t.fiberG, t.satFatMaxG]) {
          expect(hasOneDecimal(grams)).toBe(true);
        }
        atLeast(t.fiberG * 1000, 14 * t.kcal);
        expect(t.sodiumMaxMg).toBe(2300);
      }),
      { numRuns: 500 },
    );
  });

  it('adults: the deficit is at most 500 kcal, the surplus at most 300 unless the floor lifts it', () => {
    fc.assert(
      fc.property(adultArb, (member) => {
        const result = computeTargets(member);
        if (!result.ok) return;
        const { kcal } = result.targets;
        const { maintenanceKcal, floorApplied, appliedGoal } = result.basis;
        expect(kcal).toBeGreaterThanOrEqual(maintenanceKcal - 500 - 5.1);
        if (!floorApplied) expect(kcal).toBeLessThanOrEqual(maintenanceKcal + 300 + 5.1);
        if (appliedGoal !== 'lose') expect(kcal).toBeGreaterThanOrEqual(maintenanceKcal - 5.1);
      }),
      { numRuns: 500 },
    );
  });

  it('pregnant, medical condition or underweight: never a deficit, always a note', () => {
    fc.assert(
      fc.property(adultArb, (member) => {
        const result = computeTargets({ ...member, goal: 'lose', goalWeightKg: undefined });
        const { targets, basis, notes } = targetsOf(result);
        const atRisk =
          member.pregnant === true ||
          member.medicalCondition === true ||
          member.medicalCondition === 'kidney disease';
        if (atRisk || bmi(member.weightKg, member.heightCm) < 18.5) {
          expect(basis.appliedGoal).toBe('maintain');
          expect(targets.kcal).toBeGreaterThanOrEqual(basis.maintenanceKcal - 5.1);
          expect(notes.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('goal weights under BMI 18.5 that are not above current weight are always refused', () => {
    fc.assert(
      fc.property(adultArb, (member) => {
        const goalWeightKg = member.goalWeightKg;
        fc.pre(goalWeightKg !== undefined && bmi(goalWeightKg, member.heightCm) < 18.5);
        fc.pre(goalWeightKg !== undefined && goalWeightKg <= member.weightKg);
        const result = computeTargets(member);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.code).toBe('goal_bmi_too_low');
      }),
      { numRuns: 200 },
    );
  });

  it('under 19: exactly the EER maintenance (no deficit, no surplus), inside the age group AMDR', () => {
    fc.assert(
      fc.property(childArb, (member) => {
        const { targets: t, basis } = targetsOf(computeTargets(member));
        const eer = estimatedEnergyRequirement(member).kcal;
        expect(t.kcal).toBeGreaterThanOrEqual(eer - 5);
        expect(t.kcal).toBeLessThanOrEqual(eer + 5);
        expect(basis.appliedGoal).toBe('maintain');
        const amdr = AMDR_PCT[basis.lifeStage];
        atLeast(t.fatG.min * 9, (t.kcal * amdr.fat.min) / 100);
        atMost(t.fatG.max * 9, (t.kcal * amdr.fat.max) / 100);
        expect(t.proteinG).toBeLessThanOrEqual(t.proteinMaxG);
        atMost(t.proteinMaxG * 4, (t.kcal * amdr.protein.max) / 100);
        atLeast(t.proteinG, basis.protein.gPerKg * member.weightKg);
      }),
      { numRuns: 500 },
    );
  });
});
