/** The nutrients the planner constrains, in a fixed order so recipes and foods become plain vectors. */
export const PLAN_NUTRIENTS = ['kcal', 'proteinG', 'fatG', 'carbsG', 'fiberG', 'sodiumMg'] as const;
export type PlanNutrient = (typeof PLAN_NUTRIENTS)[number];
export type NutrientVector = Record<PlanNutrient, number>;

export function zeroNutrients(): NutrientVector {
  return { kcal: 0, proteinG: 0, fatG: 0, carbsG: 0, fiberG: 0, sodiumMg: 0 };
}

export function addScaled(into: NutrientVector, from: NutrientVector, factor: number): void {
  for (const key of PLAN_NUTRIENTS) into[key] += from[key] * factor;
}

/** Reporting precision: kcal and mg to 1, grams to 0.1. */
export function roundNutrients(vector: NutrientVector): NutrientVector {
  return {
    kcal: Math.round(vector.kcal),
    proteinG: Math.round(vector.proteinG * 10) / 10,
    fatG: Math.round(vector.fatG * 10) / 10,
    carbsG: Math.round(vector.carbsG * 10) / 10,
    fiberG: Math.round(vector.fiberG * 10) / 10,
    sodiumMg: Math.round(vector.sodiumMg),
  };
}
