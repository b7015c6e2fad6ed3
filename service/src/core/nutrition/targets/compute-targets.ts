import { bmi } from './bmi.ts';
import { UNDERWEIGHT_BMI } from './energy-policy.ts';
import { energyTarget } from './energy-target.ts';
import { estimatedEnergyRequirement } from './estimated-energy-requirement.ts';
import { ADULT_MIN_AGE, lifeStageOf, MIN_ACCOUNT_HOLDER_AGE, MIN_SUPPORTED_AGE } from './life-stage.ts';
import { macroTargets } from './macro-targets.ts';
import {
  hasMedicalCondition,
  type MemberInput,
  memberInputSchema,
  type TargetsContext,
  targetsContextSchema,
} from './member-input.schema.ts';
import { ACTIVITY_FACTORS, mifflinStJeor } from './mifflin-st-jeor.ts';
import { AMDR_PCT } from './reference-values.ts';
import { roundKcal, roundTenth } from './rounding.ts';
import { REASON } from './target-messages.ts';
import type { EnergyMethodBasis, TargetsResult } from './targets-result.ts';

const DEPENDANT: TargetsContext = { isAccountHolder: false };

function maintenanceEnergy(member: MemberInput): { kcal: number; basis: EnergyMethodBasis } {
  if (member.age >= ADULT_MIN_AGE) {
    const bmrKcal = mifflinStJeor(member);
    const activityFactor = ACTIVITY_FACTORS[member.activity];
    return { kcal: bmrKcal * activityFactor, basis: { method: 'mifflin_st_jeor', bmrKcal, activityFactor } };
  }
  const { kcal, ...eer } = estimatedEnergyRequirement(member);
  return { kcal, basis: { method: 'iom_eer_2005', ...eer } };
}

/**
 * A goal weight below BMI 18.5 is refused from 13 up (the adult cut-off is stricter than BMI-for-age for teens,
 * which errs safe). A goal above current weight is a move toward health, so an underweight member may still gain.
 * For 3–12-year-olds adult cut-offs mean nothing and the goal weight is never used for their energy anyway.
 */
function goalBmiTooLow(member: MemberInput, goalWeightKg: number, goalBmi: number): boolean {
  if (member.age < MIN_ACCOUNT_HOLDER_AGE) return false;
  return goalBmi < UNDERWEIGHT_BMI && goalWeightKg <= member.weightKg;
}

/** Daily energy and nutrient targets for one household member, or a refusal with a plain reason. */
export function computeTargets(input: MemberInput, context: TargetsContext = DEPENDANT): TargetsResult {
  const parsed = memberInputSchema.safeParse(input);
  const parsedContext = targetsContextSchema.safeParse(context);
  if (!parsed.success || !parsedContext.success) {
    const issues = [...(parsed.error?.issues ?? []), ...(parsedContext.error?.issues ?? [])];
    const problems = issues.map((issue) => `${issue.path.join('.') || 'input'} ${issue.message}`).join('; ');
    return { ok: false, code: 'invalid_input', reason: REASON.invalidInput(problems) };
  }
  const member = parsed.data;
  if (parsedContext.data.isAccountHolder && member.age < MIN_ACCOUNT_HOLDER_AGE) {
    return { ok: false, code: 'under_13', reason: REASON.under13 };
  }
  if (member.age < MIN_SUPPORTED_AGE) {
    return { ok: false, code: 'under_3', reason: REASON.under3 };
  }
  const { goalWeightKg } = member;
  const goalBmi = goalWeightKg === undefined ? null : bmi(goalWeightKg, member.heightCm);
  if (goalWeightKg !== undefined && goalBmi !== null && goalBmiTooLow(member, goalWeightKg, goalBmi)) {
    return { ok: false, code: 'goal_bmi_too_low', reason: REASON.goalBmiTooLow(goalWeightKg, goalBmi) };
  }

  const lifeStage = lifeStageOf(member.age);
  const currentBmi = bmi(member.weightKg, member.heightCm);
  const maintenance = maintenanceEnergy(member);
  const energy = energyTarget({
    maintenanceKcal: maintenance.kcal,
    goal: member.goal,
    sex: member.sex,
    isAdult: member.age >= ADULT_MIN_AGE,
    bmi: currentBmi,
    pregnant: member.pregnant === true,
    medicalCondition: hasMedicalCondition(member),
  });
  const { targets, protein } = macroTargets({
    kcal: roundKcal(energy.kcal),
    weightKg: member.weightKg,
    lifeStage,
    losing: energy.appliedGoal === 'lose',
  });
  const amdr = AMDR_PCT[lifeStage];
  return {
    ok: true,
    targets,
    basis: {
      lifeStage,
      energy: maintenance.basis,
      maintenanceKcal: roundTenth(maintenance.kcal),
      requestedGoal: member.goal,
      appliedGoal: energy.appliedGoal,
      adjustmentKcal: roundTenth(energy.adjustmentKcal),
      floorKcal: energy.floorKcal,
      floorApplied: energy.floorApplied,
      bmi: roundTenth(currentBmi),
      goalBmi: goalBmi === null ? null : roundTenth(goalBmi),
      protein,
      amdrPct: { protein: { ...amdr.protein }, fat: { ...amdr.fat }, carbs: { ...amdr.carbs } },
    },
    notes: energy.notes,
  };
}
