import type { ActivityLevel, Sex } from '../../domain/profile.ts';
import type { BodyMeasures } from './mifflin-st-jeor.ts';

/*
 * IOM 2005 Estimated Energy Requirement for children and adolescents 3–18 y (Institute of Medicine, "Dietary
 * Reference Intakes for Energy, Carbohydrate, Fiber, Fat, Fatty Acids, Cholesterol, Protein, and Amino Acids",
 * 2002/2005, ch. 5 "Energy", doi:10.17226/10490), cross-checked against Nutrition & Metabolism (2017) Table 1
 * (https://nutritionandmetabolism.biomedcentral.com/articles/10.1186/s12986-017-0226-y/tables/1):
 *   boys  EER = 88.5 − 61.9·age + PA·(26.7·kg + 903·m)  + deposition
 *   girls EER = 135.3 − 30.8·age + PA·(10.0·kg + 934·m) + deposition
 * deposition (energy of growth) = 20 kcal for 3–8 y, 25 kcal for 9–18 y.
 */

export const PA_CATEGORIES = ['sedentary', 'low_active', 'active', 'very_active'] as const;
export type PaCategory = (typeof PA_CATEGORIES)[number];

interface EerEquation {
  intercept: number;
  perYear: number;
  perKg: number;
  perMetre: number;
}

const EER_EQUATION: Record<Sex, EerEquation> = {
  male: { intercept: 88.5, perYear: -61.9, perKg: 26.7, perMetre: 903 },
  female: { intercept: 135.3, perYear: -30.8, perKg: 10.0, perMetre: 934 },
};

/** Physical-activity coefficients PA for 3–18 y (IOM 2005, ch. 5; same source as the equations). */
export const PA_COEFFICIENTS: Record<Sex, Record<PaCategory, number>> = {
  male: { sedentary: 1.0, low_active: 1.13, active: 1.26, very_active: 1.42 },
  female: { sedentary: 1.0, low_active: 1.16, active: 1.31, very_active: 1.56 },
};

/**
 * Our five activity levels onto the four IOM categories, by where each level's activity factor falls among the
 * IOM physical-activity-level (PAL) bands: sedentary 1.0–<1.4, low active 1.4–<1.6, active 1.6–<1.9,
 * very active 1.9–2.5. So 1.2 and 1.375 → sedentary, 1.55 → low active, 1.725 → active, 1.9 → very active.
 * Leaning low is deliberate: the 2005 equations overestimate young children's needs in the higher categories
 * (Butte NF et al., Am J Clin Nutr 2014;100:161–167).
 */
export const PA_CATEGORY_FOR_ACTIVITY: Record<ActivityLevel, PaCategory> = {
  sedentary: 'sedentary',
  light: 'sedentary',
  moderate: 'low_active',
  active: 'active',
  very_active: 'very_active',
};

export const EER_MIN_AGE = 3;
export const EER_MAX_AGE = 18;

export interface EnergyRequirement {
  kcal: number;
  paCategory: PaCategory;
  paCoefficient: number;
  energyDepositionKcal: number;
}

function energyDepositionKcal(age: number): number {
  return age <= 8 ? 20 : 25;
}

/** Maintenance energy for a 3–18-year-old, kcal/day, including the energy of growth. */
export function estimatedEnergyRequirement(
  body: BodyMeasures & { activity: ActivityLevel },
): EnergyRequirement {
  const { sex, age, heightCm, weightKg, activity } = body;
  if (!Number.isInteger(age) || age < EER_MIN_AGE || age > EER_MAX_AGE) {
    throw new RangeError(`IOM EER equations cover ages ${EER_MIN_AGE}–${EER_MAX_AGE}, got ${age}`);
  }
  const equation = EER_EQUATION[sex];
  const paCategory = PA_CATEGORY_FOR_ACTIVITY[activity];
  const paCoefficient = PA_COEFFICIENTS[sex][paCategory];
  const deposition = energyDepositionKcal(age);
  const kcal =
    equation.intercept +
    equation.perYear * age +
    paCoefficient * (equation.perKg * weightKg + equation.perMetre * (heightCm / 100)) +
    deposition;
  return { kcal, paCategory, paCoefficient, energyDepositionKcal: deposition };
}
