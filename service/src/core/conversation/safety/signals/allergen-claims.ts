import { matchRules, type SignalRule } from './signal-rule.ts';

/**
 * Questions that ask us to promise a meal has no allergen: "is it allergen-free?", "guarantee no peanuts", "any
 * traces?", "safe for my son's anaphylaxis?". We never say a meal is allergen-free (project reference, "Allergens":
 * plans exclude the listed allergens as ingredients; labels must be checked for "may contain"). Stating an allergy
 * ("I'm allergic to peanuts", "make it nut-free") is a profile change and is left to the profile parser, so the
 * allergy is saved.
 */
/** Allergen names (US major 9, EU 14, derived forms), English then Spanish, as regex fragments. */
const ALLERGEN_WORDS = [
  'peanuts?',
  'nuts?',
  'tree nuts?',
  'almonds?',
  'cashews?',
  'walnuts?',
  'pecans?',
  'pistachios?',
  'hazelnuts?',
  'milk',
  'dairy',
  'lactose',
  'eggs?',
  'fish',
  'shellfish',
  'shrimps?',
  'prawns?',
  'crabs?',
  'lobsters?',
  'wheat',
  'gluten',
  'soy',
  'soya',
  'sesame',
  'tahini',
  'mustard',
  'celery',
  'lupin',
  'molluscs?',
  'sulph?ites?',
  'mani(?:es)?',
  'cacahuat?es?',
  'cacahuetes?',
  'frutos secos',
  'nueces',
  'nuez',
  'almendras?',
  'leche',
  'lacteos?',
  'huevos?',
  'pescados?',
  'mariscos?',
  'camarones?',
  'gambas?',
  'trigo',
  'soja',
  'sesamo',
  'ajonjoli',
  'mostaza',
  'apio',
  'altramuces',
  'moluscos',
  'sulfitos',
];
const ALLERGEN = `(?:${ALLERGEN_WORDS.join('|')})`;
/** Words that say an allergy is at stake (not merely a food named). */
const ALLERGY = /\b(?:allerg\w*|alergi\w*|alergic\w*|anaphyla\w*|anafila\w*|epipen|celiac\w*|coeliac\w*)/;
const ALLERGY_OR_ALLERGEN = new RegExp(`${ALLERGY.source}|\\b${ALLERGEN}\\b`);

const RULES: readonly SignalRule[] = [
  {
    name: 'allergen-free-wording',
    pattern:
      /\ballergen[- ]?free\b|\bfree (?:of|from) (?:all |any )?allergens\b|\b(?:any|what|which) allergens\b|\ballergens? in\b|\bhypoallergen\w*|\bhipoalergen\w*|\blibres? de alergen\w*|\bsin alergen\w*|\b(?:que|cuales|algun) alergen\w*/,
  },
  {
    name: 'guarantee',
    pattern: new RegExp(
      String.raw`\b(?:guarantee\w*|garantiz\w*|garantia|promise\w*|prometes?|prometer|certif\w*|swear)\b.*\b(?:${ALLERGEN}|free|safe|seguro|segura|traces?|trazas?|contain\w*|contiene|tiene|lleva)\b|\b100 ?%\s*(?:${ALLERGEN}[- ]?free|safe|free|seguro|segura|libre)`,
    ),
  },
  {
    name: 'guarantee',
    pattern: new RegExp(
      String.raw`\b(?:(?:be|make|are you|is it|for) (?:sure|certain)|asegur\w*|seguro de que)\b.*\b(?:${ALLERGEN}|free|traces?|trazas?)\b|\b(?:${ALLERGEN}|free|libre)\b.*\bfor (?:sure|certain)\b`,
    ),
  },
  {
    name: 'contains-question',
    pattern: new RegExp(
      String.raw`\b(?:contains?|contiene|lleva|(?:will|is|are) there (?:be )?|hay (?:algo de )?)\s*(?:any\s+|algo de\s+)?${ALLERGEN}\b[^.!]*\?|\bany ${ALLERGEN} at all\b|\b(?:does|do|will|would) (?:the|this|that|my|your|it|these|those)\b[^?.!]{0,30}\b(?:have|has|include|use|contain)\s+(?:any\s+)?${ALLERGEN}\b[^.!]*\?`,
    ),
  },
];

const TRACES =
  /\btraces?\b|\btrazas?\b|\bcross[- ]?contact\w*|\bcross[- ]?contamina\w*|\bcontaminacion cruzada\b|\bmay contain\b|\bpuede contener\b|\bshared (?:equipment|facility)\b/;
const SAFE = /\b(?:safe|seguro|segura|apto|apta)\b/;

export function allergenClaimSignals(text: string): string[] {
  const signals = matchRules(text, RULES);
  // Traces of an allergen, or cross-contact: a question about allergens, not about "tracing" an order.
  if (TRACES.test(text) && ALLERGY_OR_ALLERGEN.test(text)) signals.push('traces-or-cross-contact');
  // "Is it safe for my allergy / for celiacs?"; "is it safe to eat eggs every day?" is a food question.
  if (SAFE.test(text) && ALLERGY.test(text)) signals.push('safe-for-allergy');
  return signals;
}
