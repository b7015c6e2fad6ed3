import { z } from 'zod';

/**
 * Allergens a food can be tagged with: the US major 9 (FALCPA 2004 + FASTER Act 2023) and the EU 14
 * (Regulation (EU) No 1169/2011, Annex II), merged.
 *
 * - `shellfish` means crustaceans (shrimp, crab, lobster), as in US law and the EU "crustaceans" entry;
 *   molluscs (mussels, clams, scallops, oysters, squid) are the separate EU entry `mollusc`.
 * - `gluten` means cereals containing gluten (wheat, barley, rye, and oats that are not certified gluten-free,
 *   because of cross-contact). Anything tagged `wheat` is also tagged `gluten`.
 * - `sulphites` is the EU entry for sulphur dioxide and sulphites (>10 mg/kg), e.g. wine vinegar, most dried fruit.
 * - Coconut is not a tree nut: FDA's 2025 guidance (Food Allergen Labeling Requirements, Edition 5) removed it.
 *
 * Derived forms count: butter, ghee, whey, casein, cheese → milk; tahini → sesame; couscous, semolina, bulgur,
 * seitan → wheat + gluten; soy sauce → soy + wheat + gluten; mayonnaise → egg; worcestershire → fish.
 * Tags describe the food and typical US retail formulations; they are never a promise that a product is free of an
 * allergen — users must check labels for "may contain".
 */
/** What a profile can name: the US major 9 (FALCPA + FASTER Act 2023) plus gluten (wheat, barley, rye, oats). */
export const PROFILE_ALLERGENS = [
  'milk',
  'egg',
  'fish',
  'shellfish',
  'tree_nut',
  'peanut',
  'wheat',
  'soy',
  'sesame',
  'gluten',
] as const;

export const ALLERGENS = [
  ...PROFILE_ALLERGENS,
  'celery',
  'mustard',
  'lupin',
  'mollusc',
  'sulphites',
] as const;
export type Allergen = (typeof ALLERGENS)[number];

export const allergenSchema = z.enum(ALLERGENS);

/** US major food allergens (FALCPA + FASTER Act 2023). */
export const US_MAJOR_9: readonly Allergen[] = PROFILE_ALLERGENS.filter((allergen) => allergen !== 'gluten');

/** EU Regulation 1169/2011 Annex II, in our vocabulary (gluten cereals cover wheat; crustaceans = shellfish). */
export const EU_14: readonly Allergen[] = [
  'gluten',
  'shellfish',
  'egg',
  'fish',
  'peanut',
  'soy',
  'milk',
  'tree_nut',
  'celery',
  'mustard',
  'sesame',
  'sulphites',
  'lupin',
  'mollusc',
];

/** Allergens that can only come from animals: a food carrying one of them is not vegan. */
export const ANIMAL_ALLERGENS: readonly Allergen[] = ['milk', 'egg', 'fish', 'shellfish', 'mollusc'];

/** Allergens from fish and seafood: a food carrying one of them is not vegetarian. */
export const SEAFOOD_ALLERGENS: readonly Allergen[] = ['fish', 'shellfish', 'mollusc'];

export function isAllergen(value: string): value is Allergen {
  return (ALLERGENS as readonly string[]).includes(value);
}
