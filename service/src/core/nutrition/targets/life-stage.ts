/**
 * DRI life-stage groups (IOM 2005). Integer ages: "1–3 y" runs to the 4th birthday, so age 3 is a toddler for
 * AMDR, protein RDA and sodium, while its energy comes from the 3–8 y EER equation.
 */
export const LIFE_STAGES = ['1-3', '4-8', '9-13', '14-18', '19+'] as const;
export type LifeStage = (typeof LIFE_STAGES)[number];

/** Youngest member we set targets for: the IOM EER equations with activity coefficients start at 3 y. */
export const MIN_SUPPORTED_AGE = 3;
/** COPPA: nobody under 13 holds an account; younger children are household dependants. */
export const MIN_ACCOUNT_HOLDER_AGE = 13;
/** IOM adult life stage; Mifflin-St Jeor is validated on adults, younger members use the EER equations. */
export const ADULT_MIN_AGE = 19;

export function lifeStageOf(age: number): LifeStage {
  if (age <= 3) return '1-3';
  if (age <= 8) return '4-8';
  if (age <= 13) return '9-13';
  if (age < ADULT_MIN_AGE) return '14-18';
  return '19+';
}
