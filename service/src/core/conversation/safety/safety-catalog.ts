import type { Brand } from '../messages/catalog.ts';
import type { RiskCategory } from './safety-category.ts';

/**
 * The safe reply for each risky category in one language. Rules every reply keeps (project reference, "Safety"):
 * one to three messages, each within three SMS segments (UCS-2 for accented Spanish); general-wellness wording
 * ("may help"), never "treats" or "cures"; no calorie numbers for eating-disorder, crisis or under-13 replies; no
 * how-to for any restriction; never "allergen-free".
 */
export type SafetyCatalog = Record<RiskCategory, (brand: Brand) => string[]>;
