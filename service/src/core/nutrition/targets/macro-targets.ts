import { PROTEIN_G_PER_KG_WHEN_LOSING } from './energy-policy.ts';
import type { LifeStage } from './life-stage.ts';
import {
  ADDED_SUGAR_MAX_PCT,
  AMDR_PCT,
  FIBER_G_PER_1000_KCAL,
  KCAL_PER_G,
  PROTEIN_RDA_G_PER_KG,
  SAT_FAT_MAX_PCT,
  SODIUM_MAX_MG,
} from './reference-values.ts';
import { ceilTenth, floorTenth, roundTenth } from './rounding.ts';

export interface GramRange {
  min: number;
  max: number;
}

/** Daily targets for one member. Grams to 0.1: minimums rounded up, maximums rounded down. */
export interface NutritionTargets {
  kcal: number;
  proteinG: number;
  proteinMaxG: number;
  fatG: GramRange;
  carbsG: GramRange;
  fiberG: number;
  sodiumMaxMg: number;
  satFatMaxG: number;
  addedSugarMaxG: number;
}

export interface ProteinBasis {
  /** g/kg used: the RDA for the life stage, or 1.2 when losing. */
  gPerKg: number;
  /** gPerKg × body weight. */
  byWeightG: number;
  /** Lower end of the protein AMDR in grams. */
  amdrMinG: number;
  /** True when the g/kg target exceeded the AMDR maximum and was held at it (very heavy members in a deficit). */
  cappedAtAmdrMax: boolean;
}

/** Grams of a macronutrient supplying `pct` % of `kcal`; integer percents keep the arithmetic exact. */
function gramsForPercent(kcal: number, pct: number, kcalPerG: number): number {
  return (kcal * pct) / 100 / kcalPerG;
}

export function macroTargets(params: {
  kcal: number;
  weightKg: number;
  lifeStage: LifeStage;
  losing: boolean;
}): {
  targets: NutritionTargets;
  protein: ProteinBasis;
} {
  const { kcal, weightKg, lifeStage, losing } = params;
  const amdr = AMDR_PCT[lifeStage];
  const gPerKg = losing ? PROTEIN_G_PER_KG_WHEN_LOSING : PROTEIN_RDA_G_PER_KG[lifeStage];
  const byWeightG = gPerKg * weightKg;
  const amdrMinG = gramsForPercent(kcal, amdr.protein.min, KCAL_PER_G.protein);
  const proteinMaxG = floorTenth(gramsForPercent(kcal, amdr.protein.max, KCAL_PER_G.protein));
  const wantedG = ceilTenth(Math.max(byWeightG, amdrMinG));
  const cappedAtAmdrMax = wantedG > proteinMaxG;
  const targets: NutritionTargets = {
    kcal,
    proteinG: cappedAtAmdrMax ? proteinMaxG : wantedG,
    proteinMaxG,
    fatG: {
      min: ceilTenth(gramsForPercent(kcal, amdr.fat.min, KCAL_PER_G.fat)),
      max: floorTenth(gramsForPercent(kcal, amdr.fat.max, KCAL_PER_G.fat)),
    },
    carbsG: {
      min: ceilTenth(gramsForPercent(kcal, amdr.carbs.min, KCAL_PER_G.carbs)),
      max: floorTenth(gramsForPercent(kcal, amdr.carbs.max, KCAL_PER_G.carbs)),
    },
    fiberG: ceilTenth((kcal * FIBER_G_PER_1000_KCAL) / 1000),
    sodiumMaxMg: SODIUM_MAX_MG[lifeStage],
    satFatMaxG: floorTenth(gramsForPercent(kcal, SAT_FAT_MAX_PCT, KCAL_PER_G.fat)),
    addedSugarMaxG: floorTenth(gramsForPercent(kcal, ADDED_SUGAR_MAX_PCT, KCAL_PER_G.carbs)),
  };
  return {
    targets,
    protein: { gPerKg, byWeightG: roundTenth(byWeightG), amdrMinG: roundTenth(amdrMinG), cappedAtAmdrMax },
  };
}
