export { bmi } from './bmi.ts';
export { computeTargets } from './compute-targets.ts';
export type { AppliedGoal } from './energy-target.ts';
export {
  type EnergyRequirement,
  estimatedEnergyRequirement,
  PA_CATEGORY_FOR_ACTIVITY,
  PA_COEFFICIENTS,
  type PaCategory,
} from './estimated-energy-requirement.ts';
export type { LifeStage } from './life-stage.ts';
export type { GramRange, NutritionTargets, ProteinBasis } from './macro-targets.ts';
export {
  type MemberInput,
  memberInputSchema,
  type TargetsContext,
  targetsContextSchema,
} from './member-input.schema.ts';
export { ACTIVITY_FACTORS, type BodyMeasures, mifflinStJeor } from './mifflin-st-jeor.ts';
export type { EnergyMethodBasis, TargetsBasis, TargetsRefusalCode, TargetsResult } from './targets-result.ts';
