import { ALLERGENS, type Allergen } from '../../domain/profile.ts';
import { normalize } from './normalize.ts';
import { clauses } from './text.ts';

/**
 * Everyday words → allergens, longest phrases first; a matched phrase is blanked out so "peanut butter" is not
 * also read as "butter" (milk). Rules chosen for safety (an allergen is a hard constraint of the planner):
 * - "nuts" alone → tree_nut AND peanut: in everyday speech people call peanuts nuts, and wrongly excluding a food
 *   costs some variety while wrongly serving it can cost anaphylaxis. "tree nuts" → tree_nut only. Spanish
 *   "frutos secos" is read the same way; "nueces" (walnuts/nuts, never used for peanuts) → tree_nut only.
 * - "gluten", "celiac"/"coeliac", "celíaco" → gluten and wheat (celiac disease excludes wheat, barley and rye).
 *   "wheat"/"trigo" alone → wheat (a wheat allergy does not exclude barley or rye).
 * - Derived forms (reference: NUTRITION-AND-COMPLIANCE.md): whey, casein, butter, cheese → milk; tahini → sesame.
 * - Spanish "soy" is also the verb "I am": it is dropped before an adjective ("soy alérgico", "soy celíaca").
 */
const TERMS: readonly (readonly [RegExp, readonly Allergen[]])[] = [
  [
    /\bpeanut butter\b|\bpeanuts?\b|\bgroundnuts?\b|\bmani(?:es)?\b|\bcacahua?tes?\b|\bcacahuetes?\b/,
    ['peanut'],
  ],
  [
    /\btree ?nuts?\b|\balmonds?\b|\bcashews?\b|\bwalnuts?\b|\bpecans?\b|\bpistachios?\b|\bhazelnuts?\b/,
    ['tree_nut'],
  ],
  [
    /\bmacadamias?\b|\bbrazil nuts?\b|\bpine nuts?\b|\bnuez\b|\bnueces\b|\balmendras?\b|\bpistachos?\b/,
    ['tree_nut'],
  ],
  [/\bnuts?\b|\bnut[- ]free\b|\bfrutos secos\b/, ['tree_nut', 'peanut']],
  [/\bsoy ?sauce\b|\bsoya?\b|\bsoja\b|\bsoybeans?\b|\btofu\b|\bedamame\b|\blecithin\b/, ['soy']],
  [
    /\blactose\b|\blactosa\b|\bdairy\b|\bmilk\b|\bleche\b|\blacteos?\b|\bwhey\b|\bcasein\b|\bcheese\b/,
    ['milk'],
  ],
  [/\bbutter\b|\bqueso\b/, ['milk']],
  [/\beggs?\b|\bhuevos?\b/, ['egg']],
  [
    /\bshellfish\b|\bshrimps?\b|\bprawns?\b|\bcrabs?\b|\blobsters?\b|\bcrayfish\b|\bcrustaceans?\b/,
    ['shellfish'],
  ],
  [/\bmariscos?\b|\bcamarone?s?\b|\bgambas?\b|\bcangrejos?\b|\blangostas?\b/, ['shellfish']],
  [/\bfish\b|\bsalmon\b|\btuna\b|\bcod\b|\bpescados?\b|\batun\b/, ['fish']],
  [/\bgluten\b|\bc(?:o)?eliac\b|\bceliac[oa]s?\b|\bcoeliac\b/, ['wheat', 'gluten']],
  [/\bwheat\b|\btrigo\b|\bcouscous\b|\bsemolina\b/, ['wheat']],
  [/\bsesame\b|\btahini\b|\bsesamo\b|\bajonjoli\b/, ['sesame']],
];

const SPANISH_SOY_VERB =
  /\b(?:yo )?soy (?=(?:muy |bastante |tambien )?(?:alergic|intoleran|celiac|sensible))/g;
const DISLIKE =
  /\b(?:hate|dislike|don'?t like|do not like|not a fan|can'?t stand|odio|no me gusta|no me gustan|detesto)\b/;
const NEGATED_ALLERGY = /\b(?:not|no longer|never been|no soy|ya no soy|no es|isn'?t|aren'?t) (?:\w+ )?alerg/;
const NEGATED_ALLERGY_EN = /\b(?:not|no longer|never been|isn'?t|aren'?t) (?:\w+ )?allerg/;
const NONE =
  /\b(?:none|nothing|nada|ningun[ao]?|nope|nah|n\/?a|no (?:food )?allerg\w*|no (?:tengo )?alergi\w*|sin alergi\w*|no tengo|not that i know|none that i know)\b/;
const BARE_NO = /^(?:no|nop)(?:[\s,]+(?:thanks|thank you|gracias|sir|ma'?am))?[\s.!]*$/;

type ClauseResult = { kind: 'allergens'; found: Allergen[] } | { kind: 'none' } | { kind: 'unknown' };

function readClause(clause: string): ClauseResult {
  let rest = clause.replace(SPANISH_SOY_VERB, ' ');
  const found: Allergen[] = [];
  for (const [pattern, allergens] of TERMS) {
    const global = new RegExp(pattern.source, 'g');
    if (global.test(rest)) {
      found.push(...allergens);
      rest = rest.replace(global, ' ');
    }
  }
  const negated = NEGATED_ALLERGY.test(clause) || NEGATED_ALLERGY_EN.test(clause);
  if (found.length > 0) {
    // "I hate fish" is a dislike, "not allergic to peanuts" a denial: neither is an allergy.
    if (DISLIKE.test(clause) || negated) return { kind: 'unknown' };
    return { kind: 'allergens', found };
  }
  if (negated || NONE.test(clause) || BARE_NO.test(clause)) return { kind: 'none' };
  return { kind: 'unknown' };
}

/**
 * Allergens named in a free-text answer, in the order of ALLERGENS and without duplicates; [] when the user says
 * they have none ("none", "nope", "ninguna", "allergic to nothing"); undefined when not understood. The whole
 * message is a union of its clauses: a later clause never removes an allergen named earlier (removing an
 * allergy needs an explicit confirmation, not a free-text guess).
 */
export function parseAllergies(text: string): Allergen[] | undefined {
  const normal = normalize(text);
  const found = new Set<Allergen>();
  let understood = false;
  for (const clause of clauses(normal)) {
    const result = readClause(clause);
    if (result.kind === 'unknown') continue;
    understood = true;
    if (result.kind === 'allergens') for (const allergen of result.found) found.add(allergen);
  }
  if (!understood) return undefined;
  return ALLERGENS.filter((allergen) => found.has(allergen));
}
