import type { LifeStage } from './life-stage.ts';

/**
 * Dietary reference values by life stage, each with its source.
 * IOM 2005 = Institute of Medicine, "Dietary Reference Intakes for Energy, Carbohydrate, Fiber, Fat, Fatty Acids,
 * Cholesterol, Protein, and Amino Acids", National Academies Press, 2002/2005, doi:10.17226/10490.
 */

export interface PercentRange {
  min: number;
  max: number;
}

/** Atwater factors, kcal per gram (project reference, "Atwater factors"). */
export const KCAL_PER_G = { protein: 4, carbs: 4, fat: 9 } as const;

/** Acceptable Macronutrient Distribution Ranges, % of energy (IOM 2005, ch. 11 "Macronutrients and Healthful Diets"). */
export const AMDR_PCT: Record<LifeStage, { protein: PercentRange; fat: PercentRange; carbs: PercentRange }> =
  {
    '1-3': { protein: { min: 5, max: 20 }, fat: { min: 30, max: 40 }, carbs: { min: 45, max: 65 } },
    '4-8': { protein: { min: 10, max: 30 }, fat: { min: 25, max: 35 }, carbs: { min: 45, max: 65 } },
    '9-13': { protein: { min: 10, max: 30 }, fat: { min: 25, max: 35 }, carbs: { min: 45, max: 65 } },
    '14-18': { protein: { min: 10, max: 30 }, fat: { min: 25, max: 35 }, carbs: { min: 45, max: 65 } },
    '19+': { protein: { min: 10, max: 35 }, fat: { min: 20, max: 35 }, carbs: { min: 45, max: 65 } },
  };

/** Protein RDA, g per kg body weight per day (IOM 2005, ch. 10 "Protein and Amino Acids"). */
export const PROTEIN_RDA_G_PER_KG: Record<LifeStage, number> = {
  '1-3': 1.05,
  '4-8': 0.95,
  '9-13': 0.95,
  '14-18': 0.85,
  '19+': 0.8,
};

/**
 * Sodium upper limit, mg/day: the Chronic Disease Risk Reduction intake (NASEM 2019, "Dietary Reference Intakes for
 * Sodium and Potassium", doi:10.17226/25353); 2,300 mg for 14+ matches the Dietary Guidelines for Americans.
 */
export const SODIUM_MAX_MG: Record<LifeStage, number> = {
  '1-3': 1_200,
  '4-8': 1_500,
  '9-13': 1_800,
  '14-18': 2_300,
  '19+': 2_300,
};

/** Fibre Adequate Intake: 14 g per 1,000 kcal (IOM 2005, ch. 7 "Dietary, Functional, and Total Fiber"). */
export const FIBER_G_PER_1000_KCAL = 14;

/** Saturated fat < 10 % of energy (Dietary Guidelines for Americans 2020–2025). */
export const SAT_FAT_MAX_PCT = 10;

/** Added sugars < 10 % of energy (Dietary Guidelines for Americans 2020–2025; WHO 2015 free sugars < 10 %). */
export const ADDED_SUGAR_MAX_PCT = 10;
