import type { Diet } from '../../domain/profile.ts';
import { normalize } from './normalize.ts';
import { findMentions, isNegatedAt, pickMention, withCorrection } from './text.ts';

const LABELS: readonly (readonly [RegExp, Diet])[] = [
  [/\bvegan[oa]?s?\b|\bplant[- ]?based\b|\bno animal products\b|\bbasad[oa] en plantas\b/, 'vegan'],
  [/\bvegetarian[oa]?s?\b|\bveggie\b|\blacto[- ]?ovo\b|\bovo[- ]?lacto\b/, 'vegetarian'],
  [/\bpesc[ae]tarian[oa]?s?\b/, 'pescatarian'],
  [/\bomnivor[eoa]s?\b|\bflexitarian[oa]?s?\b|\bmeat[- ]eater\b/, 'omnivore'],
];

/** "I don't eat meat", "no meat", "no como carne", "sin carne" (red meat alone is not a diet we can model). */
const NO_MEAT =
  /\b(?:don'?t|do not|never|no longer|can'?t) eat (?:any )?meat\b|(?<!red )\bno meat\b|\bno como carne\b|\bsin carne\b|\bexcept meat\b|\b(?:stopped|quit|gave up) (?:eating )?meat\b|\bdeje la carne\b/;
/** Fish allowed: "but eat fish", "fish is fine", "pero sí pescado", "eat seafood". */
const FISH_OK =
  /\b(?:eat|eats|do eat|except|but|only|plus|ok with|and) (?:some )?(?:fish|seafood)\b|\b(?:fish|seafood) (?:is|are) (?:fine|ok)\b|\b(?:como|si|solo|excepto) (?:como )?(?:pescado|mariscos)\b/;
const EATS_MEAT = /\b(?:i )?eat meat\b|\bcomo carne\b/;
const OMNIVORE =
  /\b(?:everything|anything|no restrictions?|no dietary restrictions?|eat it all|all of it|normal|regular|nothing special)\b|\bde todo\b|\bsin restricciones\b|\bcualquier cosa\b/;
const NONE = /^(?:none|no|nope|nada|ninguna?o?|n\/a)[\s.!]*$/;

function fromText(text: string): Diet | undefined {
  const labels = findMentions(text, LABELS);
  const noMeat = NO_MEAT.test(text);
  const fishOk = FISH_OK.test(text);
  if (fishOk && (noMeat || labels.some((l) => l.value === 'vegetarian'))) return 'pescatarian';
  const picked = pickMention(text, labels);
  if (picked) return picked;
  if (labels.length > 0) return undefined; // several diets named, no correction: ambiguous
  if (noMeat) return 'vegetarian';
  const eatsMeat = EATS_MEAT.exec(text);
  if (eatsMeat && !isNegatedAt(text, eatsMeat.index)) return 'omnivore';
  const omnivore = OMNIVORE.exec(text);
  if (omnivore && !isNegatedAt(text, omnivore.index)) return 'omnivore';
  if (NONE.test(text)) return 'omnivore';
  return undefined;
}

/**
 * The user's diet, or undefined when not understood. Rules: a vegetarian (or "no meat") who eats fish is
 * pescatarian; "no meat" alone is vegetarian; "plant based" is vegan; "flexitarian" eats meat, so omnivore;
 * "none"/"no restrictions"/"como de todo" are omnivore; a negated label ("I'm not vegan") says nothing by itself;
 * two labels without a correction marker are ambiguous; with one ("vegetarian, actually vegan") the last wins.
 */
export function parseDiet(text: string): Diet | undefined {
  return withCorrection(normalize(text), fromText);
}
