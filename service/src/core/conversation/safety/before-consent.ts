import type { SafetyCategory } from './safety-category.ts';

/**
 * What a safety signal changes before consent, when the coach only asks for it and stores nothing. Most can wait
 * for a YES, but eating-disorder signals get their support lines at once (then the consent question), and someone
 * under 13 is turned away rather than asked to agree. A crisis is answered even earlier, on its own.
 */
export type BeforeConsent = 'ask_consent' | 'support_then_ask' | 'turn_away';

export function beforeConsent(category: SafetyCategory): BeforeConsent {
  if (category === 'eating_disorder') return 'support_then_ask';
  if (category === 'minor_under_13') return 'turn_away';
  return 'ask_consent';
}
