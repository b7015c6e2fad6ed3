import type { ActivityLevel, Sex } from '../../domain/profile.ts';

export interface BodyMeasures {
  sex: Sex;
  age: number;
  heightCm: number;
  weightKg: number;
}

/**
 * Resting energy expenditure, kcal/day: 10·kg + 6.25·cm − 5·age + 5 (male) or − 161 (female).
 * Source: Mifflin MD, St Jeor ST et al., Am J Clin Nutr 1990;51:241–247 (project reference). Adults only.
 */
export function mifflinStJeor({ sex, age, heightCm, weightKg }: BodyMeasures): number {
  const sexConstant = sex === 'male' ? 5 : -161;
  return 10 * weightKg + 6.25 * heightCm - 5 * age + sexConstant;
}

/** Multipliers from resting to total daily energy (project reference, "Activity factors"). */
export const ACTIVITY_FACTORS: Record<ActivityLevel, number> = {
  sedentary: 1.2,
  light: 1.375,
  moderate: 1.55,
  active: 1.725,
  very_active: 1.9,
};
