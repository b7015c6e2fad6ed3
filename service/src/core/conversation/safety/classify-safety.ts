import { type RiskCategory, SAFETY_CATEGORIES, type SafetyCategory } from './safety-category.ts';
import { prepareSafetyText } from './safety-text.ts';
import { allergenClaimSignals } from './signals/allergen-claims.ts';
import { eatingDisorderSignals } from './signals/eating-disorder.ts';
import { extremeDeficitSignals } from './signals/extreme-deficit.ts';
import { medicalSignals } from './signals/medical.ts';
import { teenDeficitSignals, underThirteenSignals } from './signals/minors.ts';
import { pregnancySignals } from './signals/pregnancy.ts';
import { selfHarmSignals } from './signals/self-harm.ts';

export interface SafetyClassification {
  /** The category whose reply must be sent: the first, in priority order, that any signal points to. */
  category: SafetyCategory;
  /**
   * Every signal found, as `category:signal` (e.g. `eating_disorder:purging`), in priority order. Names only,
   * never words from the message, so they can be logged; several categories may appear ("I'm 12 and pregnant").
   */
  signals: string[];
}

const DETECTORS: Record<RiskCategory, (text: string) => string[]> = {
  self_harm_crisis: selfHarmSignals,
  eating_disorder: eatingDisorderSignals,
  minor_under_13: underThirteenSignals,
  minor_teen_deficit: teenDeficitSignals,
  pregnancy: pregnancySignals,
  medical: medicalSignals,
  extreme_deficit: extremeDeficitSignals,
  allergen_free_request: allergenClaimSignals,
};

/**
 * Reads one inbound message for safety signals: deterministic patterns over normalised text (no model), so the
 * same message always gets the same answer and every rule can be tested. Pure and total: any input, never throws.
 */
export function classifySafety(text: string): SafetyClassification {
  const prepared = prepareSafetyText(text);
  const signals: string[] = [];
  let category: SafetyCategory = 'none';
  if (prepared === '') return { category, signals };
  for (const candidate of SAFETY_CATEGORIES) {
    if (candidate === 'none') continue;
    const found = DETECTORS[candidate](prepared);
    if (found.length === 0) continue;
    if (category === 'none') category = candidate;
    for (const name of found) signals.push(`${candidate}:${name}`);
  }
  return { category, signals };
}
