import type { SafetyClassification } from './classify-safety.ts';
import { SAFETY_CATEGORIES, type SafetyCategory } from './safety-category.ts';

/** How the conversation must change its behaviour after a message in each category. */
export interface SafetyEffects {
  /** No calorie deficit in plans or suggestions. */
  noDeficit: boolean;
  /** No calorie or weight numbers in replies (targets, totals, progress). */
  noNumbers: boolean;
  /** No deficit or tracking nudges (reminders to log, "you're under target" messages). */
  stopNudges: boolean;
  /** Do not onboard, and keep nothing but what the law requires. */
  refuseOnboarding: boolean;
}

const OFF: SafetyEffects = { noDeficit: false, noNumbers: false, stopNudges: false, refuseOnboarding: false };

/**
 * Project reference, "Safety". Eating-disorder signals stop deficits and tracking nudges and take numbers out of
 * replies; under 13 is not onboarded; teens, pregnancy and medical conditions get no deficit. An extreme-deficit
 * request changes nothing beyond the reply: the targets engine already holds every plan at or above the floor.
 */
export const SAFETY_EFFECTS: Record<SafetyCategory, SafetyEffects> = {
  self_harm_crisis: { noDeficit: true, noNumbers: true, stopNudges: true, refuseOnboarding: false },
  eating_disorder: { noDeficit: true, noNumbers: true, stopNudges: true, refuseOnboarding: false },
  minor_under_13: { noDeficit: true, noNumbers: true, stopNudges: true, refuseOnboarding: true },
  minor_teen_deficit: { noDeficit: true, noNumbers: false, stopNudges: true, refuseOnboarding: false },
  pregnancy: { noDeficit: true, noNumbers: false, stopNudges: false, refuseOnboarding: false },
  medical: { noDeficit: true, noNumbers: false, stopNudges: false, refuseOnboarding: false },
  extreme_deficit: OFF,
  allergen_free_request: OFF,
  none: OFF,
};

/** Signals that carry more than their category: someone in eating-disorder treatment gets no numbers or nudges. */
const EXTRA_EFFECTS: Record<string, Partial<SafetyEffects>> = {
  'medical:eating-disorder-treatment': { noNumbers: true, stopNudges: true },
};

/**
 * Effects of every category a message touched, not only the one answered: "I'm 12 and I make myself sick" is
 * answered with eating-disorder support and is still not onboarded.
 */
export function safetyEffectsOf(result: SafetyClassification): SafetyEffects {
  const merged: SafetyEffects = { ...SAFETY_EFFECTS[result.category] };
  for (const signal of result.signals) {
    const category = SAFETY_CATEGORIES.find((name) => signal.startsWith(`${name}:`)) ?? 'none';
    const effects = { ...SAFETY_EFFECTS[category], ...EXTRA_EFFECTS[signal] };
    merged.noDeficit ||= effects.noDeficit;
    merged.noNumbers ||= effects.noNumbers;
    merged.stopNudges ||= effects.stopNudges;
    merged.refuseOnboarding ||= effects.refuseOnboarding;
  }
  return merged;
}
