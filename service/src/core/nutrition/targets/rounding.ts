/**
 * Rounding rules for published targets. Lower bounds round up and upper bounds round down (to 0.1 g) so a plan
 * that meets the rounded numbers also meets the exact ones. The epsilon absorbs float noise (1.2 × 70 = 84.000…1).
 */
const EPSILON = 1e-9;

export function roundKcal(kcal: number): number {
  return Math.round(kcal / 10) * 10;
}

export function roundTenth(value: number): number {
  return Math.round(value * 10) / 10;
}

export function ceilTenth(value: number): number {
  return Math.ceil(value * 10 - EPSILON) / 10;
}

export function floorTenth(value: number): number {
  return Math.floor(value * 10 + EPSILON) / 10;
}
