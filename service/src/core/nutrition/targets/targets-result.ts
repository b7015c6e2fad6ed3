import type { Goal } from '../../domain/profile.ts';
import type { AppliedGoal } from './energy-target.ts';
import type { PaCategory } from './estimated-energy-requirement.ts';
import type { LifeStage } from './life-stage.ts';
import type { NutritionTargets, ProteinBasis } from './macro-targets.ts';
import type { PercentRange } from './reference-values.ts';

/** How maintenance energy was estimated: Mifflin-St Jeor × activity factor for adults, IOM EER for 3–18 y. */
export type EnergyMethodBasis =
  | { method: 'mifflin_st_jeor'; bmrKcal: number; activityFactor: number }
  | {
      method: 'iom_eer_2005';
      paCategory: PaCategory;
      paCoefficient: number;
      energyDepositionKcal: number;
    };

/** Everything needed to explain (or audit) a target; kcal and BMI values to 0.1. */
export interface TargetsBasis {
  lifeStage: LifeStage;
  energy: EnergyMethodBasis;
  maintenanceKcal: number;
  requestedGoal: Goal;
  appliedGoal: AppliedGoal;
  adjustmentKcal: number;
  floorKcal: number | null;
  floorApplied: boolean;
  bmi: number;
  goalBmi: number | null;
  protein: ProteinBasis;
  amdrPct: { protein: PercentRange; fat: PercentRange; carbs: PercentRange };
}

export type TargetsRefusalCode = 'invalid_input' | 'under_3' | 'under_13' | 'goal_bmi_too_low';

export type TargetsResult =
  | { ok: true; targets: NutritionTargets; basis: TargetsBasis; notes: string[] }
  | { ok: false; code: TargetsRefusalCode; reason: string };
