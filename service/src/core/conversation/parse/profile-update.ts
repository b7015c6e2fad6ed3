import type { Profile } from '../../domain/profile.ts';
import { parseAllergies } from './allergies.ts';
import { isTooYoung, parseBody } from './body.ts';
import { parseBudget } from './budget.ts';
import { parseDiet } from './diet.ts';
import { parseGoal } from './goal.ts';
import { parseHousehold } from './household.ts';
import { normalize } from './normalize.ts';

/** Fields a message changes; `tooYoung` when the user says they are under 13 (then nothing else is returned). */
export type ProfileUpdate = Profile & { tooYoung?: true };

const CHANGE = /\b(?:change|update|set|switch|make|cambia\w*|actualiza\w*|pon)\b/;
const QUESTION_START =
  /^(?:what|what's|whats|how|why|when|where|which|who|can|could|should|would|is|are|do|does|did|will|may|am i)\b/;
const SPANISH_QUESTION_START =
  /^(?:qué|cómo|cuál|cuánto|cuántos|cuándo|dónde|por qué|puedo|puedes|debo|hay)(?=\s|$|[,?])/;
const THIRD_PERSON =
  /\b(?:my|mi|our|nuestr[oa]) (?:wife|husband|partner|son|daughter|kids?|child|children|mom|mum|dad|mother|father|friend|roommate|boss|esposa|esposo|marido|hijo|hija|hijos|pareja|mama|papa|amig[oa])\b|\b(?:he|she|they)(?:'s|'re| is| are)\b/;
const FIRST_PERSON =
  /\b(?:i'm|i am|im|i've|ive|i have|i became|i went|i eat|i don'?t eat|i'll be|i'm now|my diet|soy|me hice|me volvi|estoy|no como|como)\b|^(?:actually|now|en realidad)\b/;

/** Cues: a field is read only when the message talks about it, so ordinary chat changes nothing. */
const DIET_CUE =
  /\b(?:vegan\w*|vegetarian\w*|veggie|pesc[ae]tarian\w*|plant[- ]?based|omnivor\w*|flexitarian\w*|meat|carne|de todo|fish|pescado)\b/;
const ALLERGY_CUE =
  /\b(?:allerg\w*|alergi\w*|alergic\w*|intoleran\w*|celiac\w*|coeliac|anaphyla\w*|epi-?pen|can'?t eat|cannot eat|no puedo comer)\b/;
/** A budget word AND an amount: "$60", "60 dollars", or "budget (is|to|of…) 60" ("budget meeting at 3" is not). */
const BUDGET_CUE = /\b(?:budget|presupuesto|spend|gastar|afford|grocery money)\b/;
const BUDGET_AMOUNT =
  /\$\s*\d|\d\s*(?:dollars?|bucks|usd|dolares|dlls?)\b|\b(?:budget|presupuesto|spend|gastar|afford)(?:\s+(?:is|to|of|now|at|es|de|a|about|around|only|up to|max|be|like|just))*\s+\d/;
const HOUSEHOLD_CUE =
  /\bfamil(?:y|ia) (?:of|de)\b|\b(?:we are|we're|somos|there are) (?:now )?\d+\b|\bhousehold\b|\bcook(?:ing)? for\b|\bcocino para\b|\b(?:just|only) me\b|\bsolo yo\b|\b\d+ (?:people|personas|adults?|adultos|kids|children|ninos|hijos)\b/;
const GOAL_CUE =
  /\b(?:want|wanna|would like|'d like|trying|try|goal|instead|switch|change|now|rather|plan|planning|quiero|quisiera|meta|objetivo|ahora|prefiero|en vez|mejor)\b/;
const MEASURE_CUE =
  /\b(?:kgs?|kilos?|lbs?|pounds|libras|cm|feet|foot|ft|inches|metros?|years? old|y\/o|anos|turned|cumpli|weigh|peso|mido|tall|height|altura)\b|\d\s*'\s*\d|\b(?:i'm|i am|im) \d+ now\b/;
/** Activity changes need a statement about the user ("I'm now very active"), not a mood ("I feel so active"). */
const ACTIVITY_CUE =
  /\b(?:i'm|i am|im|i've become|i became|estoy|soy|ahora)\b(?:\s+\w+){0,3}\s+(?:sedentar\w*|active|activ[oa]|an athlete|atleta)\b|\bdesk job\b|\b(?:exercise|work ?out|train|gym|ejercicio)\w*\b.*\b(?:week|semana)\b/;

function isQuestion(raw: string, normal: string): boolean {
  if (CHANGE.test(normal)) return false; // "can you change my budget to $60?" is a request
  const lower = raw.trim().toLowerCase();
  return (
    /\?\s*$/.test(lower) ||
    lower.startsWith('¿') ||
    QUESTION_START.test(normal) ||
    SPANISH_QUESTION_START.test(lower)
  );
}

/**
 * Profile fields stated in any message, e.g. a correction ("actually I'm vegetarian", "change my budget to $60").
 * Confidence rule: questions change nothing; a field is read only when its cue word is present (diet words,
 * "allergic", "budget", "family of"/"we are N", "want"/"instead", a body unit or "years old"); a diet change
 * needs the user speaking about themselves. Allergies are additions (the caller merges them): removing one is
 * never inferred from text. Allergies of anyone in the household count (the plan feeds them too).
 */
export function parseProfileUpdate(text: string): ProfileUpdate {
  if (typeof text !== 'string') return {};
  const normal = normalize(text);
  if (normal.length === 0 || isQuestion(text, normal)) return {};
  const update: ProfileUpdate = {};
  const thirdPerson = THIRD_PERSON.test(normal);

  if ((MEASURE_CUE.test(normal) || ACTIVITY_CUE.test(normal)) && !thirdPerson) {
    const body = parseBody(text);
    if (isTooYoung(body)) return { tooYoung: true };
    if (body !== undefined) update.body = body;
  }
  if (DIET_CUE.test(normal) && FIRST_PERSON.test(normal) && !thirdPerson) {
    const diet = parseDiet(text);
    if (diet !== undefined) update.diet = diet;
  }
  if (ALLERGY_CUE.test(normal)) {
    const allergies = parseAllergies(text);
    if (allergies !== undefined && allergies.length > 0) update.allergies = allergies;
  }
  if (BUDGET_CUE.test(normal) && BUDGET_AMOUNT.test(normal)) {
    const budget = parseBudget(text);
    if (budget !== undefined) update.budget = budget;
  }
  if (HOUSEHOLD_CUE.test(normal)) {
    const household = parseHousehold(text);
    if (household !== undefined) update.household = household;
  }
  if (GOAL_CUE.test(normal)) {
    const goal = parseGoal(text);
    if (goal !== undefined) update.goal = goal;
  }
  return update;
}
