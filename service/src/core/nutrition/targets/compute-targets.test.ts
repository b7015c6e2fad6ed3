import { describe, expect, it } from 'vitest';
import { computeTargets } from './compute-targets.ts';
import type { MemberInput } from './member-input.schema.ts';
import type { TargetsResult } from './targets-result.ts';

type Success = Extract<TargetsResult, { ok: true }>;
type Refusal = Extract<TargetsResult, { ok: false }>;

function success(result: TargetsResult): Success {
  if (!result.ok) throw new Error(`expected targets, got ${result.code}: ${result.reason}`);
  return result;
}

function refusal(result: TargetsResult): Refusal {
  if (result.ok) throw new Error('expected a refusal, got targets');
  return result;
}

const ana: MemberInput = {
  name: 'Ana',
  sex: 'female',
  age: 34,
  heightCm: 165,
  weightKg: 70,
  activity: 'moderate',
  goal: 'lose',
};

describe('computeTargets — adults (Mifflin-St Jeor × activity factor)', () => {
  it('woman 34 y, 165 cm, 70 kg, moderate, lose: the full worked example', () => {
    // BMR = 10·70 + 6.25·165 − 5·34 − 161 = 1400.25
    // maintenance = 1400.25 × 1.55 = 2170.3875; lose −500 → 1670.3875 → kcal 1670 (floor 1,200 not reached)
    // protein = max(1.2·70 = 84, 10 %·1670/4 = 41.75) = 84.0; max = 35 %·1670/4 = 146.125 → 146.1
    // fat 20–35 %: 334/9 = 37.11 → 37.2 (min rounds up), 584.5/9 = 64.94 → 64.9 (max rounds down)
    // carbs 45–65 %: 751.5/4 = 187.875 → 187.9, 1085.5/4 = 271.375 → 271.3
    // fibre 14·1.67 = 23.38 → 23.4; sat fat 167/9 = 18.56 → 18.5; added sugar 167/4 = 41.75 → 41.7
    const result = success(computeTargets(ana));
    expect(result.targets).toEqual({
      kcal: 1670,
      proteinG: 84,
      proteinMaxG: 146.1,
      fatG: { min: 37.2, max: 64.9 },
      carbsG: { min: 187.9, max: 271.3 },
      fiberG: 23.4,
      sodiumMaxMg: 2300,
      satFatMaxG: 18.5,
      addedSugarMaxG: 41.7,
    });
    expect(result.basis).toMatchObject({
      lifeStage: '19+',
      energy: { method: 'mifflin_st_jeor', bmrKcal: 1400.25, activityFactor: 1.55 },
      maintenanceKcal: 2170.4,
      requestedGoal: 'lose',
      appliedGoal: 'lose',
      adjustmentKcal: -500,
      floorKcal: 1200,
      floorApplied: false,
      bmi: 25.7,
      goalBmi: null,
      protein: { gPerKg: 1.2, byWeightG: 84, amdrMinG: 41.8, cappedAtAmdrMax: false },
    });
    expect(result.notes).toEqual([]);
  });

  it('man 40 y, 180 cm, 80 kg, moderate, gain: +300', () => {
    // BMR 1730 × 1.55 = 2681.5; +300 = 2981.5 → 2980
    // protein = max(0.8·80 = 64, 10 %·2980/4 = 74.5) = 74.5
    const result = success(
      computeTargets({
        ...ana,
        name: 'Ben',
        sex: 'male',
        age: 40,
        heightCm: 180,
        weightKg: 80,
        goal: 'gain',
      }),
    );
    expect(result.targets.kcal).toBe(2980);
    expect(result.targets.proteinG).toBe(74.5);
    expect(result.basis).toMatchObject({ appliedGoal: 'gain', adjustmentKcal: 300 });
  });

  it('maintain and eat_healthier plan at maintenance', () => {
    // 2170.3875 → 2170; protein = max(0.8·70 = 56, 10 %·2170/4 = 54.25) = 56
    for (const goal of ['maintain', 'eat_healthier'] as const) {
      const result = success(computeTargets({ ...ana, goal }));
      expect(result.targets.kcal).toBe(2170);
      expect(result.targets.proteinG).toBe(56);
      expect(result.basis).toMatchObject({ requestedGoal: goal, appliedGoal: 'maintain', adjustmentKcal: 0 });
    }
  });

  it('holds very heavy members in a deficit at the protein AMDR maximum', () => {
    // woman 60 y, 160 cm, 150 kg, sedentary: BMR 1500 + 1000 − 300 − 161 = 2039; × 1.2 = 2446.8; −500 → 1950
    // 1.2 g/kg = 180 g > 35 %·1950/4 = 170.625 → held at 170.6
    const result = success(
      computeTargets({ ...ana, age: 60, heightCm: 160, weightKg: 150, activity: 'sedentary' }),
    );
    expect(result.targets.kcal).toBe(1950);
    expect(result.targets.proteinG).toBe(170.6);
    expect(result.targets.proteinMaxG).toBe(170.6);
    expect(result.basis.protein).toMatchObject({ byWeightG: 180, cappedAtAmdrMax: true });
  });
});

describe('computeTargets — calorie floors', () => {
  it('small sedentary 70-year-old woman losing is held at 1,200 kcal', () => {
    // BMR = 600 + 1000 − 350 − 161 = 1089; × 1.2 = 1306.8; −500 = 806.8 < 1,200 → 1,200
    // protein = max(1.2·60 = 72, 10 %·1200/4 = 30) = 72
    const result = success(
      computeTargets({ ...ana, name: 'Rose', age: 70, heightCm: 160, weightKg: 60, activity: 'sedentary' }),
    );
    expect(result.targets.kcal).toBe(1200);
    expect(result.targets.proteinG).toBe(72);
    expect(result.basis).toMatchObject({ appliedGoal: 'lose', adjustmentKcal: -106.8, floorApplied: true });
    expect(result.notes).toEqual([
      "We don't plan below 1,200 kcal a day without medical supervision, so your deficit is smaller than 500 kcal.",
    ]);
  });

  it('small sedentary 75-year-old man losing is held at 1,500 kcal', () => {
    // BMR = 600 + 1031.25 − 375 + 5 = 1261.25; × 1.2 = 1513.5; −500 = 1013.5 < 1,500 → 1,500
    const result = success(
      computeTargets({
        ...ana,
        name: 'Ed',
        sex: 'male',
        age: 75,
        heightCm: 165,
        weightKg: 60,
        activity: 'sedentary',
      }),
    );
    expect(result.targets.kcal).toBe(1500);
    expect(result.basis).toMatchObject({ floorKcal: 1500, floorApplied: true, adjustmentKcal: -13.5 });
  });

  it('when maintenance is already under the floor, "lose" becomes maintain at the floor', () => {
    // woman 80 y, 150 cm, 45 kg: BMR = 450 + 937.5 − 400 − 161 = 826.5; × 1.2 = 991.8 < 1,200
    // no deficit is possible, so protein uses the RDA: max(0.8·45 = 36, 30) = 36
    const result = success(
      computeTargets({ ...ana, name: 'Ida', age: 80, heightCm: 150, weightKg: 45, activity: 'sedentary' }),
    );
    expect(result.targets.kcal).toBe(1200);
    expect(result.targets.proteinG).toBe(36);
    expect(result.basis).toMatchObject({
      appliedGoal: 'maintain',
      maintenanceKcal: 991.8,
      floorApplied: true,
    });
    expect(result.notes[0]).toContain('we plan at 1,200 kcal');
  });
});

describe('computeTargets — children and teens (IOM 2005 EER)', () => {
  it('girl 7 y, 122 cm, 23 kg, moderate: maintenance at her EER', () => {
    // EER = 1528.2968 (see estimated-energy-requirement.test.ts) → 1530
    // AMDR 4–18: protein 10–30 %, fat 25–35 %, carbs 45–65 %; RDA 0.95 g/kg
    // protein = max(0.95·23 = 21.85, 10 %·1530/4 = 38.25) = 38.3; max = 30 %·1530/4 = 114.75 → 114.7
    // fat 382.5/9 = 42.5, 535.5/9 = 59.5; carbs 688.5/4 = 172.125 → 172.2, 994.5/4 = 248.625 → 248.6
    // fibre 14·1.53 = 21.42 → 21.5; sodium 1,500 (4–8 y); sat fat 153/9 = 17; sugar 153/4 = 38.25 → 38.2
    const result = success(
      computeTargets({
        name: 'Mia',
        sex: 'female',
        age: 7,
        heightCm: 122,
        weightKg: 23,
        activity: 'moderate',
        goal: 'maintain',
      }),
    );
    expect(result.targets).toEqual({
      kcal: 1530,
      proteinG: 38.3,
      proteinMaxG: 114.7,
      fatG: { min: 42.5, max: 59.5 },
      carbsG: { min: 172.2, max: 248.6 },
      fiberG: 21.5,
      sodiumMaxMg: 1500,
      satFatMaxG: 17,
      addedSugarMaxG: 38.2,
    });
    expect(result.basis).toMatchObject({
      lifeStage: '4-8',
      energy: {
        method: 'iom_eer_2005',
        paCategory: 'low_active',
        paCoefficient: 1.16,
        energyDepositionKcal: 20,
      },
      floorKcal: null,
    });
  });

  it('boy 15 y, 170 cm, 60 kg, active, lose: no deficit, a note instead', () => {
    // EER = 3137.746 → 3140; protein = max(0.85·60 = 51, 10 %·3140/4 = 78.5) = 78.5; max 30 % → 235.5
    // fat 785/9 = 87.22 → 87.3, 1099/9 = 122.11 → 122.1; carbs 1413/4 = 353.25 → 353.3, 2041/4 = 510.25 → 510.2
    // fibre 14·3.14 = 43.96 → 44.0; sodium 2,300 (14–18 y)
    const leo: MemberInput = {
      name: 'Leo',
      sex: 'male',
      age: 15,
      heightCm: 170,
      weightKg: 60,
      activity: 'active',
      goal: 'lose',
    };
    const result = success(computeTargets(leo));
    expect(result.targets).toEqual({
      kcal: 3140,
      proteinG: 78.5,
      proteinMaxG: 235.5,
      fatG: { min: 87.3, max: 122.1 },
      carbsG: { min: 353.3, max: 510.2 },
      fiberG: 44,
      sodiumMaxMg: 2300,
      satFatMaxG: 34.8,
      addedSugarMaxG: 78.5,
    });
    expect(result.basis).toMatchObject({ lifeStage: '14-18', appliedGoal: 'maintain', adjustmentKcal: 0 });
    expect(result.basis.protein.gPerKg).toBe(0.85);
    expect(result.notes).toHaveLength(1);
    expect(result.notes[0]).toContain('not weight loss');

    const gaining = success(computeTargets({ ...leo, goal: 'gain' }));
    expect(gaining.targets.kcal).toBe(3140);
    expect(gaining.notes[0]).toContain('without an extra surplus');
  });

  it('boy 3 y uses the 3–8 y EER but the 1–3 y AMDR, protein RDA and sodium limit', () => {
    // EER = 88.5 − 185.7 + 1.13·(26.7·14 + 903·0.95) + 20 = −97.2 + 1.13·1231.65 + 20 = 1314.5645 → 1310
    // protein = max(1.05·14 = 14.7, 5 %·1310/4 = 16.375) = 16.4; max 20 %·1310/4 = 65.5
    // fat 30–40 %: 393/9 = 43.67 → 43.7, 524/9 = 58.22 → 58.2; sodium 1,200
    const result = success(
      computeTargets({
        name: 'Tom',
        sex: 'male',
        age: 3,
        heightCm: 95,
        weightKg: 14,
        activity: 'moderate',
        goal: 'maintain',
      }),
    );
    expect(result.targets).toMatchObject({
      kcal: 1310,
      proteinG: 16.4,
      proteinMaxG: 65.5,
      fatG: { min: 43.7, max: 58.2 },
      sodiumMaxMg: 1200,
    });
    expect(result.basis.lifeStage).toBe('1-3');
  });
});

describe('computeTargets — safety rules', () => {
  it('pregnant: maintenance (never a deficit or surplus) and a referral note', () => {
    // BMR = 700 + 1031.25 − 150 − 161 = 1420.25; × 1.375 = 1952.84 → 1950
    // protein = max(0.8·70 = 56, 10 %·1950/4 = 48.75) = 56
    for (const goal of ['lose', 'gain'] as const) {
      const result = success(computeTargets({ ...ana, age: 30, activity: 'light', goal, pregnant: true }));
      expect(result.targets.kcal).toBe(1950);
      expect(result.targets.proteinG).toBe(56);
      expect(result.basis.appliedGoal).toBe('maintain');
      expect(result.notes.join(' ')).toContain('doctor or midwife');
    }
  });

  it('medical condition: no deficit, a referral note, and the condition is not echoed back', () => {
    // man 50 y, 180 cm, 95 kg: BMR = 950 + 1125 − 250 + 5 = 1830; × 1.55 = 2836.5 → 2840
    const sam: MemberInput = { ...ana, name: 'Sam', sex: 'male', age: 50, heightCm: 180, weightKg: 95 };
    const result = success(computeTargets({ ...sam, medicalCondition: 'type 2 diabetes on metformin' }));
    expect(result.targets.kcal).toBe(2840);
    expect(result.basis.appliedGoal).toBe('maintain');
    expect(result.notes).toHaveLength(1);
    expect(result.notes[0]).toContain('registered dietitian');
    expect(result.notes[0]).not.toContain('metformin');

    expect(success(computeTargets({ ...sam, medicalCondition: true, goal: 'gain' })).targets.kcal).toBe(2840);
    // an empty answer is "no condition": 2836.5 − 500 = 2336.5 → 2340
    expect(success(computeTargets({ ...sam, medicalCondition: '  ' })).targets.kcal).toBe(2340);
    expect(success(computeTargets({ ...sam, medicalCondition: false })).basis.appliedGoal).toBe('lose');
  });

  it('refuses a goal weight below BMI 18.5 with a plain reason', () => {
    // 48 / 1.65² = 17.63
    const result = refusal(computeTargets({ ...ana, goalWeightKg: 48 }));
    expect(result.code).toBe('goal_bmi_too_low');
    expect(result.reason).toContain('48 kg');
    expect(result.reason).toContain('17.6');
    expect(result.reason).toContain('18.5');
  });

  it('accepts a goal weight just inside the healthy range', () => {
    // 18.5 · 2.7225 = 50.37 kg, so 50.4 kg is BMI 18.51
    const result = success(computeTargets({ ...ana, goalWeightKg: 50.4 }));
    expect(result.basis.goalBmi).toBe(18.5);
  });

  it('lets an underweight member gain toward a goal that is still under 18.5 (a move toward health)', () => {
    // 34 y, 165 cm, 45 kg (BMI 16.5), light, goal 49 kg (BMI 18.0):
    // BMR = 450 + 1031.25 − 170 − 161 = 1150.25; × 1.375 = 1581.59; +300 = 1881.59 → 1880
    const result = success(
      computeTargets({ ...ana, weightKg: 45, activity: 'light', goal: 'gain', goalWeightKg: 49 }),
    );
    expect(result.targets.kcal).toBe(1880);
  });

  it('applies the goal-weight check from 13 y, not to younger children', () => {
    const teen: MemberInput = {
      name: 'Zoe',
      sex: 'female',
      age: 15,
      heightCm: 160,
      weightKg: 52,
      activity: 'moderate',
      goal: 'lose',
      goalWeightKg: 45, // 45 / 1.6² = 17.6
    };
    expect(refusal(computeTargets(teen)).code).toBe('goal_bmi_too_low');
    const child = { ...teen, age: 9, heightCm: 133, weightKg: 30, goalWeightKg: 28 };
    expect(computeTargets(child).ok).toBe(true);
  });

  it('currently underweight and asking to lose: maintenance and a note, no deficit', () => {
    // 165 cm, 48 kg → BMI 17.6; BMR = 480 + 1031.25 − 170 − 161 = 1180.25; × 1.55 = 1829.39 → 1830
    const result = success(computeTargets({ ...ana, weightKg: 48 }));
    expect(result.targets.kcal).toBe(1830);
    expect(result.basis).toMatchObject({ appliedGoal: 'maintain', bmi: 17.6 });
    expect(result.notes).toHaveLength(1);
    expect(result.notes[0]).toContain('rather than lose');
    expect(result.basis.protein.gPerKg).toBe(0.8);
  });
});

describe('computeTargets — who can be planned for', () => {
  const twelve: MemberInput = {
    name: 'Kai',
    sex: 'female',
    age: 12,
    heightCm: 150,
    weightKg: 40,
    activity: 'light',
    goal: 'maintain',
  };

  it('refuses an account holder under 13', () => {
    const result = refusal(computeTargets(twelve, { isAccountHolder: true }));
    expect(result.code).toBe('under_13');
    expect(result.reason).toContain('parent or guardian');
  });

  it('plans for the same 12-year-old as a household dependant (the default)', () => {
    // EER = 1591.7 → 1590 (see estimated-energy-requirement.test.ts); sodium 1,800 for 9–13 y
    const result = success(computeTargets(twelve));
    expect(result.targets.kcal).toBe(1590);
    expect(result.targets.sodiumMaxMg).toBe(1800);
    expect(success(computeTargets(twelve, { isAccountHolder: false })).targets.kcal).toBe(1590);
    expect(computeTargets({ ...twelve, age: 13 }, { isAccountHolder: true }).ok).toBe(true);
  });

  it('refuses children under 3, and under-13 account holders first', () => {
    const toddler = { ...twelve, age: 2, heightCm: 88, weightKg: 12 };
    expect(refusal(computeTargets(toddler)).code).toBe('under_3');
    expect(refusal(computeTargets(toddler, { isAccountHolder: true })).code).toBe('under_13');
  });

  it('returns invalid_input (not an exception) for out-of-range or malformed data', () => {
    const result = refusal(computeTargets({ ...ana, weightKg: -1 }));
    expect(result.code).toBe('invalid_input');
    expect(result.reason).toContain('weightKg');
    expect(refusal(computeTargets({ ...ana, heightCm: Number.NaN })).code).toBe('invalid_input');
    expect(refusal(computeTargets({ ...ana, age: 34.5 })).code).toBe('invalid_input');
    const badContext = { isAccountHolder: 'yes' } as unknown as { isAccountHolder: boolean };
    expect(refusal(computeTargets(ana, badContext)).code).toBe('invalid_input');
  });

  it('writes notes and reasons in GSM-7-safe ASCII, so SMS stays at 160 characters per segment', () => {
    const texts = [
      ...success(computeTargets({ ...ana, pregnant: true, medicalCondition: true })).notes,
      ...success(computeTargets({ ...ana, weightKg: 48 })).notes,
      ...success(computeTargets({ ...twelve, goal: 'lose' })).notes,
      refusal(computeTargets(twelve, { isAccountHolder: true })).reason,
      refusal(computeTargets({ ...twelve, age: 2 })).reason,
      refusal(computeTargets({ ...ana, goalWeightKg: 48 })).reason,
    ];
    for (const text of texts) expect(text).toMatch(/^[\x20-\x7e]+$/);
  });
});
