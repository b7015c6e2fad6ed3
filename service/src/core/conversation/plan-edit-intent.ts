import { isKnownFood } from '../planning/at-home.ts';
import type { Slot } from '../planning/plan-request.ts';
import { type DayRef, dayRefFromWord } from './plan-day.ts';
import { nearestWord, normalizeEditText } from './plan-edit-words.ts';

/** Changes to the current plan asked for in chat (issue 4 items 3 and 6). */
export type PlanEdit =
  /** "swap tuesday lunch": another recipe for one meal, everything else kept. */
  | { kind: 'swap_meal'; slot: Slot; day: DayRef }
  /** "no fish this week": `food` as the user said it; `dislikes` the planner's words for it (empty if unknown). */
  | { kind: 'exclude_food'; food: string; dislikes: string[] }
  /** "have rice": grocery items the user already has at home. */
  | { kind: 'have_items'; items: string[] };

/** What a message means for the plan: an edit, a bare "swap" (which meal?), or nothing to do with editing. */
export type PlanEditParse = PlanEdit | { kind: 'swap_which' } | undefined;

const EDIT_KINDS: ReadonlySet<string> = new Set<PlanEdit['kind']>([
  'swap_meal',
  'exclude_food',
  'have_items',
]);

/** Whether an effect is a plan edit (for the use case to route it to `editPlan`). */
export function isPlanEdit(effect: { kind: string }): effect is PlanEdit {
  return EDIT_KINDS.has(effect.kind);
}

/** Longer messages are something else (or hostile); a plan edit is a few words. */
const MAX_LENGTH = 200;

const SLOT_WORDS: Record<string, Slot> = {
  breakfast: 'breakfast',
  brekkie: 'breakfast',
  lunch: 'lunch',
  dinner: 'dinner',
  supper: 'dinner',
  snack: 'snack',
  desayuno: 'breakfast',
  almuerzo: 'lunch',
  comida: 'lunch',
  cena: 'dinner',
  merienda: 'snack',
};
const SLOT_NAMES = Object.keys(SLOT_WORDS);

/** Words that ask for another meal; "swap" and "cambia" alone ask which one. */
const SWAP_VERBS = [
  'swap',
  'swop',
  'switch',
  'change',
  'replace',
  'another',
  'different',
  'new',
  'other',
  'cambia',
  'cambiar',
  'cambiame',
  'cambialo',
  'cambiala',
  'reemplaza',
  'reemplazar',
  'otro',
  'otra',
  'diferente',
];
/** Verbs that on their own ("swap", "cambia") clearly mean a swap, so a bare one gets "which meal?". */
const BARE_VERBS = new Set(['swap', 'swop', 'switch', 'cambia', 'cambiar']);
/** Politeness and articles that may surround a swap without changing it. */
const SWAP_FILLERS = new Set([
  'please',
  'pls',
  'plz',
  'can',
  'could',
  'you',
  'i',
  'id',
  'want',
  'would',
  'like',
  'get',
  'give',
  'me',
  'a',
  'an',
  'the',
  'my',
  'on',
  'for',
  'of',
  'meal',
  'el',
  'la',
  'mi',
  'de',
  'del',
  'para',
  'por',
  'favor',
  'quiero',
  'dame',
  'esta',
  'este',
]);

/** "no fish this week", "sin pescado esta semana": what to keep out, and the week marker. */
const EXCLUDE =
  /^(?:please )?(?:no more|no|without|skip|avoid|nothing with|sin|nada de|nada con)( [a-z ]{2,40}?)(?: for)?(?: this week| the week| the rest of the week| esta semana| por esta semana| en esta semana| el resto de la semana)(?: please| pls| por favor)?$/;

/**
 * "No food / no eating / no meals this week" is not a food to swap out but may be a fasting signal: it is left to
 * the safety layer and the menu, never answered as a plan edit. Meal names ("no breakfast") are not foods either.
 */
const NOT_A_FOOD =
  /\b(?:food|foods|eat|eating|meals?|anything|everything|all|calories|comida|comidas|comer|nada|todo|ayuno|fasting|breakfast|lunch|dinner|supper|snacks?|desayuno|almuerzo|cena|merienda)\b/;

/**
 * Kinds of food people name for a week off, mapped to the planner's dislike words (which match food names,
 * synonyms and the flesh groups). Pork adds the cured meats whose names do not say "pork".
 */
const FOOD_KINDS: Record<string, string[]> = {
  fish: ['fish'],
  pescado: ['fish'],
  pescados: ['fish'],
  pez: ['fish'],
  seafood: ['seafood'],
  shellfish: ['seafood'],
  mariscos: ['seafood'],
  marisco: ['seafood'],
  meat: ['meat'],
  'red meat': ['meat'],
  carne: ['meat'],
  carnes: ['meat'],
  'carne roja': ['meat'],
  pork: ['pork', 'ham', 'bacon', 'chorizo', 'kielbasa'],
  cerdo: ['pork', 'ham', 'bacon', 'chorizo', 'kielbasa'],
  puerco: ['pork', 'ham', 'bacon', 'chorizo', 'kielbasa'],
  chicken: ['chicken'],
  pollo: ['chicken'],
  beef: ['beef'],
  res: ['beef'],
  'carne de res': ['beef'],
  ternera: ['beef'],
  turkey: ['turkey'],
  pavo: ['turkey'],
  poultry: ['chicken', 'turkey'],
  aves: ['chicken', 'turkey'],
  lamb: ['lamb'],
  cordero: ['lamb'],
  egg: ['egg'],
  eggs: ['egg'],
  huevo: ['egg'],
  huevos: ['egg'],
};

/** "have rice", "already have eggs and milk", "ya tengo arroz": plainly about groceries, whatever follows. */
const HAVE_CLEAR =
  /^(?:have|got|(?:i |we )?already (?:have|got)|(?:ive|weve|i have|we have) already got|ya tengo|ya tenemos|tengo ya)( .+)$/;
/** "I have rice", "tengo arroz": also how people state allergies or family, so only when every item is a food. */
const HAVE_IF_FOOD = /^(?:i have|ive got|we have|weve got|i got|we got|tengo|tenemos)( .+)$/;
/** Words after "have" that make it something else: "have had", "got it", "have a nice day", "have a question". */
const NOT_GROCERIES =
  /^(?:(?:had|eaten|been|just|to|it|that|this|them|you|thanks?|ok|fun|a (?:nice|good|great)|an? (?:question|idea)|questions?|no|not|nothing|type)\b|(?:an? )?(?:allerg|diabet|kid|child|baby|pregnan))/;
const ITEM_SPLIT = /\s*(?:,|\band\b|\by\b|\be\b|\bplus\b)\s*/;
const ITEM_PREFIX =
  /^(?:(?:some|the|a|an|my|a bit of|plenty of|lots of|un|una|unos|unas|el|la|los|las|algo de|mucho|mucha|muchos|muchas|del|de)\s+)+/;
const ITEM_SUFFIX =
  /(?:\s+(?:already|at home|in the house|in the pantry|too|as well|ya|en casa|tambien|please|pls|por favor))+$/;
const MAX_ITEMS = 12;

/** Reads a plan edit from a ready user's message. Never throws; anything unclear is left to other intents. */
export function parsePlanEdit(text: string): PlanEditParse {
  if (text.length > MAX_LENGTH) return undefined;
  const t = normalizeEditText(text);
  if (t === '' || t.length > MAX_LENGTH) return undefined;
  return parseExclude(t) ?? parseHave(t) ?? parseSwap(t);
}

function parseSwap(t: string): PlanEditParse {
  const words = t.replace(/,/g, ' ').split(' ').filter(Boolean);
  let verb: string | undefined;
  let slot: Slot | undefined;
  let day: DayRef | undefined;
  let tonight = false;
  for (const word of words) {
    const asVerb = verb === undefined && slot === undefined ? nearestWord(word, SWAP_VERBS) : undefined;
    if (asVerb) {
      verb = asVerb;
      continue;
    }
    if (SWAP_FILLERS.has(word)) continue;
    const asSlot = nearestWord(word, SLOT_NAMES);
    if (asSlot && slot === undefined) {
      slot = SLOT_WORDS[asSlot];
      continue;
    }
    const asDay = dayRefFromWord(word);
    if (asDay && day === undefined) {
      day = asDay;
      tonight = word === 'tonight' || word === 'tonite' || word === 'noche';
      continue;
    }
    return undefined;
  }
  if (verb === undefined) return undefined;
  // "change tonight" is tonight's dinner; "swap" or "cambia" alone asks which meal.
  if (slot === undefined && tonight) slot = 'dinner';
  if (slot === undefined)
    return BARE_VERBS.has(verb) && day === undefined ? { kind: 'swap_which' } : undefined;
  return { kind: 'swap_meal', slot, day: day ?? { kind: 'offset', offset: 0 } };
}

function parseExclude(t: string): PlanEdit | undefined {
  const match = EXCLUDE.exec(t.replace(/,/g, ''));
  const food = match?.[1]?.trim();
  if (!food || NOT_A_FOOD.test(food)) return undefined;
  const kind = FOOD_KINDS[food];
  if (kind) return { kind: 'exclude_food', food, dislikes: kind };
  return { kind: 'exclude_food', food, dislikes: isKnownFood(food) ? [food] : [] };
}

function parseHave(t: string): PlanEdit | undefined {
  const clear = HAVE_CLEAR.exec(t);
  const ifFood = clear ? undefined : HAVE_IF_FOOD.exec(t);
  const rest = (clear?.[1] ?? ifFood?.[1])?.trim();
  if (!rest || NOT_GROCERIES.test(rest)) return undefined;
  const items = rest
    .split(ITEM_SPLIT)
    .map((item) => item.replace(ITEM_SUFFIX, '').replace(ITEM_PREFIX, '').trim())
    .filter((item) => /[a-z]/.test(item));
  if (items.length === 0 || items.length > MAX_ITEMS || items.some((item) => item.length > 40))
    return undefined;
  if (ifFood && !items.every((item) => isKnownFood(item))) return undefined;
  return { kind: 'have_items', items: [...new Set(items)] };
}
