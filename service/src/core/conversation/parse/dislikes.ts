/**
 * Dislikes stated in free text, added ("I don't like mushrooms", "I hate cilantro", "no olives ever",
 * "dislike: tuna, beets", "no me gusta el brócoli") or taken back ("I like mushrooms now", "remove mushrooms from
 * dislikes", "ya me gustan los champiñones"). Only the words are read here; whether they name a food is decided
 * against the food database by the caller.
 *
 * Not dislikes: one-week exclusions ("no fish this week" re-plans the week instead), allergies ("allergic to…",
 * which are hard constraints with their own words), questions, and things that are not foods ("I hate you",
 * "I don't like this plan", "I don't like to cook").
 */
export interface DislikeChange {
  add: string[];
  remove: string[];
  /** "I like olives" removes olives only if they are on the list; "I like mushrooms now" is a request either way. */
  removeOnlyIfListed: boolean;
}

const FILLER =
  /^(?:(?:actually|also|and|oh|btw|by the way|honestly|ugh|ew|yuck|just so you know|fyi|en realidad|tambien|y|ah|ademas|la verdad)[,!.]*\s+)+/;
/** A one-off for a day or a week, or an allergy: other features own these. */
const NOT_A_DISLIKE =
  /\b(?:this|next|that) (?:week|weekend|time)\b|\b(?:today|tonight|tomorrow)\b|\bfor (?:breakfast|lunch|dinner)\b|\besta semana\b|\bla (?:proxima|otra) semana\b|\b(?:hoy|manana|esta noche)\b|\ballerg\w*|\balergi\w*|\bintoleran\w*|\bceliac\w*|\bcel[ií]ac\w*/;
const QUESTION =
  /\?\s*$|^¿|^(?:do|does|did|what|whats|what's|why|how|which|can|could|should|would|is|are|que|por que|cual)\b/;

const ADD_PATTERNS: readonly RegExp[] = [
  /^i\s+(?:really\s+|just\s+|truly\s+)?(?:don'?t|do not|dont|do n't)\s+(?:really\s+|much\s+)?(?:like|enjoy|care for|love)\s+(.+)$/,
  /^i\s+(?:really\s+|just\s+|truly\s+)?(?:hate|dislike|detest|loathe|despise|can'?t stand|cannot stand|can not stand)\s+(.+)$/,
  /^(?:i'?m|i am|im)\s+not\s+(?:a\s+)?(?:fan of|into|keen on)\s+(.+)$/,
  /^(?:dislikes?|hates?|no likey)\s*[:=-]\s*(.+)$/,
  /^(?:add\s+)?dislikes?\s+(.+)$/,
  /^(?:add\s+)?(.+?)\s+to\s+(?:my\s+|the\s+)?dislikes?(?:\s+list)?$/,
  /^no\s+(.+?)\s*,?\s+(?:ever|ever again|never|at all|please ever)$/,
  /^(?:please\s+)?never\s+(?:give|serve|put|send|include|add|plan)\s+(?:me\s+|us\s+)?(.+)$/,
  /^(?:a mi\s+|yo\s+)?no me gustan?\s+(?:nada\s+|mucho\s+)?(.+)$/,
  /^(?:yo\s+)?(?:odio|detesto|aborrezco)\s+(.+)$/,
  /^(?:yo\s+)?no (?:soporto|aguanto)\s+(.+)$/,
  /^nunca me (?:des|pongas|sirvas|incluyas)\s+(.+)$/,
];

const REMOVE_PATTERNS: readonly RegExp[] = [
  /^i\s+(?:like|love|enjoy|eat|can eat|don'?t mind|do not mind)\s+(.+?)\s+(?:now|again|after all|these days|nowadays)$/,
  /^(?:i'?m|i am|im)\s+(?:ok|okay|fine|good)\s+with\s+(.+?)(?:\s+(?:now|again|after all))?$/,
  /^(?:remove|delete|drop|take|take off|cross off|strike)\s+(.+?)\s+(?:from|off)\s+(?:my\s+|the\s+)?dislikes?(?:\s+list)?$/,
  /^(?:remove|delete)\s+(?:from\s+)?(?:my\s+)?dislikes?\s*[:=-]?\s*(.+)$/,
  /^(?:un-?dislike)\s+(.+)$/,
  /^ya\s+(?:me gustan?|como|no odio)\s+(.+)$/,
  /^(?:ahora\s+)?(?:si\s+)?me gustan?\s+(.+?)\s+(?:ahora|otra vez)$/,
  /^(?:quita|quitale|borra|elimina)\s+(.+?)\s+de\s+(?:mis\s+|la lista de\s+)?(?:disgustos|lo que no me gusta|cosas que no me gustan)$/,
];

/** "I like olives": a take-back only when olives are on the list (otherwise it is chat). */
const SOFT_REMOVE = /^(?:i\s+(?:actually\s+)?(?:like|love)|(?:ahora\s+)?(?:si\s+)?me gustan?)\s+(.+)$/;

const LEADING = /^(?:the|a|an|any|some|all|most|eating|el|la|los|las|lo|un|una|unos|unas|del|de|comer)\s+/;
const TRAILING =
  /\s+(?:please|pls|anymore|any more|at all|ever|now|either|very much|much|so much|too|tho|though|por favor|para nada|nada|ya|tampoco|mucho)$/;
/** Items that are not foods: pronouns, infinitives, things pointed at ("this plan"). */
const NOT_FOOD =
  /^(?:it|that|this|these|those|them|you|him|her|me|us|eso|esto|esa|ese|nada|todo|everything|anything|nothing|food)$|^(?:to|this|that|these|those|my|your|his|her|our|their|a este|este|esta|ese|esa|mi|tu|su)\s/;

function plain(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.!]+$/, '')
    .trim();
}

/** Comparable form for the cue patterns only (captured words keep their accents). */
function withoutAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .normalize('NFC');
}

export function parseDislikeChange(text: string): DislikeChange | undefined {
  if (typeof text !== 'string' || text.length > 500) return undefined;
  const lower = plain(text);
  const cues = withoutAccents(lower).replace(FILLER, '');
  if (cues.length === 0 || QUESTION.test(cues) || NOT_A_DISLIKE.test(cues)) return undefined;
  // The captured part is taken from the accented text at the same offset (accents are removed one for one).
  const accented = lower.normalize('NFC').slice(lower.length - cues.length);
  const offsetsMatch = withoutAccents(accented) === cues;
  const capture = (pattern: RegExp): string[] | undefined => {
    const match = cues.match(pattern);
    const words = match?.[1];
    if (words === undefined) return undefined;
    const start = cues.lastIndexOf(words);
    const original = offsetsMatch ? accented.slice(start, start + words.length) : words;
    const items = splitItems(original);
    return items.length > 0 ? items : undefined;
  };
  for (const pattern of REMOVE_PATTERNS) {
    const items = capture(pattern);
    if (items) return { add: [], remove: items, removeOnlyIfListed: false };
  }
  for (const pattern of ADD_PATTERNS) {
    const items = capture(pattern);
    if (items) return { add: items, remove: [], removeOnlyIfListed: false };
  }
  const soft = capture(SOFT_REMOVE);
  if (soft) return { add: [], remove: soft, removeOnlyIfListed: true };
  return undefined;
}

/** "tuna, beets", "cilantro and olives", "el brócoli" → clean names, 2–40 characters each. */
function splitItems(words: string): string[] {
  const items: string[] = [];
  for (const raw of words.split(/,|;|\/|&|\+|\s(?:and|or|nor|y|o|e|ni|plus)\s/)) {
    let item = raw
      .replace(/[^\p{L}\s'-]/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    for (let i = 0; i < 3; i++) item = item.replace(LEADING, '').replace(TRAILING, '').trim();
    if (item.length < 2 || item.length > 40 || NOT_FOOD.test(withoutAccents(item))) continue;
    if (!items.includes(item)) items.push(item);
  }
  return items;
}
