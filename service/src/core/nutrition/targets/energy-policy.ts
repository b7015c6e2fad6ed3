import type { Sex } from '../../domain/profile.ts';

/** About 500 kcal/day below maintenance ≈ 0.5 kg/week (project reference, "Weight change"). */
export const LOSE_DEFICIT_KCAL = 500;

/** Modest surplus for "gain" (project reference, "Weight change"). */
export const GAIN_SURPLUS_KCAL = 300;

/** Unsupervised calorie floors for adults (project reference): below these, plans need clinical supervision. */
export const ADULT_FLOOR_KCAL: Record<Sex, number> = { female: 1_200, male: 1_500 };

/** Protein when losing weight, g/kg, to help keep lean mass in a deficit (project reference). */
export const PROTEIN_G_PER_KG_WHEN_LOSING = 1.2;

/** WHO adult cut-off for underweight, kg/m² (project reference, "Safety"). */
export const UNDERWEIGHT_BMI = 18.5;
