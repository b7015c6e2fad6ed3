/**
 * What a message can say that changes how the coach must answer (project reference, "Safety").
 * Listed in priority order: when a message carries several, the first one wins, because its reply is the one that
 * must not be missed (a crisis line before anything about food; eating-disorder care before a calorie floor).
 */
export const SAFETY_CATEGORIES = [
  'self_harm_crisis',
  'eating_disorder',
  'minor_under_13',
  'minor_teen_deficit',
  'pregnancy',
  'medical',
  'extreme_deficit',
  'allergen_free_request',
  'none',
] as const;

export type SafetyCategory = (typeof SAFETY_CATEGORIES)[number];

/** Every category that needs a safe reply, i.e. all but `none`. */
export type RiskCategory = Exclude<SafetyCategory, 'none'>;
