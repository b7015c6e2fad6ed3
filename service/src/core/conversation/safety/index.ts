export { type BeforeConsent, beforeConsent } from './before-consent.ts';
export { classifySafety, type SafetyClassification } from './classify-safety.ts';
export type { SafetyCatalog } from './safety-catalog.ts';
export { type RiskCategory, SAFETY_CATEGORIES, type SafetyCategory } from './safety-category.ts';
export { SAFETY_EFFECTS, type SafetyEffects, safetyEffectsOf } from './safety-effects.ts';
export { safetyReply } from './safety-messages.ts';
export { RESOURCE_NUMBERS } from './support-resources.ts';
