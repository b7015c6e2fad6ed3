import type { Goal, Sex } from '../../domain/profile.ts';
import { ADULT_FLOOR_KCAL, GAIN_SURPLUS_KCAL, LOSE_DEFICIT_KCAL, UNDERWEIGHT_BMI } from './energy-policy.ts';
import { NOTE } from './target-messages.ts';

/** The goal actually planned for, after safety rules; `eat_healthier` plans as maintain. */
export type AppliedGoal = 'lose' | 'maintain' | 'gain';

export interface EnergyTargetInput {
  maintenanceKcal: number;
  goal: Goal;
  sex: Sex;
  isAdult: boolean;
  bmi: number;
  pregnant: boolean;
  medicalCondition: boolean;
}

export interface EnergyTarget {
  /** Unrounded kcal/day. */
  kcal: number;
  appliedGoal: AppliedGoal;
  /** kcal minus maintenance: the deficit (negative) or surplus actually applied, floor included. */
  adjustmentKcal: number;
  /** The unsupervised floor for adults; null for under-19s, who are never planned below their EER. */
  floorKcal: number | null;
  floorApplied: boolean;
  notes: string[];
}

/** Decides which goal is safe to plan for; every downgrade leaves a note saying why. */
function safeGoal(input: EnergyTargetInput, notes: string[]): AppliedGoal {
  const requested: AppliedGoal = input.goal === 'eat_healthier' ? 'maintain' : input.goal;
  let applied = requested;
  if (!input.isAdult && requested !== 'maintain') {
    applied = 'maintain';
    notes.push(requested === 'lose' ? NOTE.growingNoDeficit : NOTE.growingNoSurplus);
  }
  // Pregnancy and medical conditions: maintenance only, and always the referral, whatever the goal.
  if (input.pregnant) {
    applied = 'maintain';
    notes.push(NOTE.pregnancy);
  }
  if (input.medicalCondition) {
    applied = 'maintain';
    notes.push(NOTE.medicalCondition);
  }
  if (applied === 'lose' && input.bmi < UNDERWEIGHT_BMI) {
    applied = 'maintain';
    notes.push(NOTE.underweightNoDeficit);
  }
  return applied;
}

function goalAdjustmentKcal(goal: AppliedGoal): number {
  if (goal === 'lose') return -LOSE_DEFICIT_KCAL;
  if (goal === 'gain') return GAIN_SURPLUS_KCAL;
  return 0;
}

/** Maintenance energy plus the safe goal's adjustment, held at or above the adult floor. */
export function energyTarget(input: EnergyTargetInput): EnergyTarget {
  const notes: string[] = [];
  let appliedGoal = safeGoal(input, notes);
  const planned = input.maintenanceKcal + goalAdjustmentKcal(appliedGoal);
  const floorKcal = input.isAdult ? ADULT_FLOOR_KCAL[input.sex] : null;
  const floorApplied = floorKcal !== null && planned < floorKcal;
  let kcal = planned;
  if (floorApplied) {
    kcal = floorKcal;
    if (appliedGoal === 'lose' && input.maintenanceKcal > floorKcal) {
      notes.push(NOTE.deficitLimitedByFloor(floorKcal));
    } else {
      // The floor is at or above maintenance: whatever was asked, this is no longer a deficit.
      if (appliedGoal === 'lose') appliedGoal = 'maintain';
      notes.push(NOTE.raisedToFloor(floorKcal));
    }
  }
  return { kcal, appliedGoal, adjustmentKcal: kcal - input.maintenanceKcal, floorKcal, floorApplied, notes };
}
