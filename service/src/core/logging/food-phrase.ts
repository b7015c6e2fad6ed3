/**
 * Splits a food-log message into food phrases: "had 2 eggs and a slice of toast with butter" → "2 eggs",
 * "a slice of toast", "butter" (the last marked as eaten *with* something, which gives it a smaller default
 * portion). Filler ("I had", "for breakfast", "comí", "hoy") is dropped, and phrases that are negated ("no sugar",
 * "I didn't have bread", "sin azúcar") are never logged. Expects text from `normalize` + `prepareNumbers`.
 */

export interface FoodPhrase {
  /** The phrase, lower-case and accent-free, as the person wrote it (protected names keep `_` for spaces). */
  readonly text: string;
  /** Came after "with" / "con": a topping or addition (butter on toast, milk in coffee). */
  readonly accompaniment: boolean;
}

const QUESTION_START =
  /^(?:what|whats|how|should|shall|can|could|would|is|are|do|does|why|when|which|where|que|cual|cuanto|cuantos|cuantas|como|puedo|debo|deberia)\b/;

/** Words that say the message is about food but not about eating it now (a question, a dislike, a purchase). */
const NOT_EATEN =
  /\b(?:hate|hates|dislike|don'?t like|do not like|allergic|allergy|allergies|intolerant|want|wanna|craving|crave|gonna|going to|plan to|planning|bought|buy|buying|need|recipe|shopping|grocery|groceries|should|no me gusta|odio|alergic[oa]|quiero|voy a|compre|comprar|necesito|receta|deberia)\b/;

/** False for questions and for statements that are not a record of eating. */
export function looksLikeFoodLog(normalized: string): boolean {
  if (normalized.includes('?')) return false;
  return !QUESTION_START.test(normalized) && !NOT_EATEN.test(normalized);
}

const MEALS = 'breakfast|brunch|lunch|dinner|supper|dessert|snacks?|desayuno|almuerzo|comida|cena|merienda';

/** Filler that also ends a phrase ("eggs for breakfast, toast"): replaced by a comma. */
const BREAK_FILLERS: readonly RegExp[] = [
  /\b(?:i|we|i've|ive|we've)\s+(?:just\s+|also\s+|then\s+|only\s+)?(?:had|ate|have had|have eaten|drank|drunk|eat|got|grabbed|snacked on|finished)\b/g,
  /\b(?:just\s+)?(?:had|ate|drank|eaten|having|snacked on|grabbed)\b/g,
  new RegExp(`\\b(?:for|at|with|de|para|en)\\s+(?:my\\s+|a\\s+|el\\s+|la\\s+)?(?:${MEALS})\\b`, 'g'),
  // A meal word on its own ("lunch: chicken", "dinner was salmon"), but not "dinner rolls".
  new RegExp(`\\b(?:${MEALS})(?!\\s+rolls?\\b)(?:\\s+(?:was|were|is|fue))?\\b`, 'g'),
  /\b(?:me\s+)?(?:comi|desayune|almorce|cene|merende|tome|bebi|comimos|desayunamos|cenamos|almorzamos)\b/g,
  /\b(?:this morning|this afternoon|this evening|tonight|today|yesterday|earlier|just now|last night|at work|at home|hoy|anoche|ayer|esta manana|esta tarde|esta noche)\b/g,
  /\b(?:log|logged|please|pls|lol|haha|thanks|thank you|ok|okay|yum|yummy)\b/g,
];

/** Filler inside a phrase: removed without ending it. "a little" / "a bit of" must go before "a" reads as one. */
const WORD_FILLERS =
  /\b(?:a little|a bit of|a bit|un poco de|algo de|some|my|about|around|approximately|approx|roughly|maybe|probably|like|unos|unas|algunos|algunas|el|los|las|mi|mis|i|im|i'm)\b/g;

const SEPARATOR =
  /(,|;|:|\n|\+|\.(?!\d)|!|\band then\b|\bthen\b|\band\b|\bplus\b|\balso\b|\by\b|\btopped with\b|\bwith\b|\bw\/|\bcon\b|\bwithout\b|\bsin\b|\bno\b|\bbut\b|\bpero\b|\bon\b)/;

const NEGATED =
  /\b(?:didn'?t|did not|don'?t|do not|not|never|haven'?t|have not|skipped|skip|nothing|nada|ningun[oa]?|ni|zero)\b/;

/** Replaces the spaces of names such as "half and half" with `_` so their list words do not split them. */
function protect(text: string, phrases: readonly string[]): string {
  let out = text;
  for (const phrase of phrases) {
    if (out.includes(phrase)) {
      out = out.replace(new RegExp(`\\b${phrase}\\b`, 'g'), phrase.replaceAll(' ', '_'));
    }
  }
  return out;
}

export function splitFoodPhrases(prepared: string, protectedPhrases: readonly string[]): FoodPhrase[] {
  let text = protect(prepared.replace(/&/g, ' and '), protectedPhrases);
  for (const filler of BREAK_FILLERS) text = text.replace(filler, ' , ');
  text = text.replace(WORD_FILLERS, ' ');

  const phrases: FoodPhrase[] = [];
  let accompaniment = false;
  let negated = false;
  const parts = text.split(SEPARATOR); // separators sit at the odd indices (the pattern has one group)
  parts.forEach((part, k) => {
    const piece = part.trim();
    if (k % 2 === 1) {
      if (/^(?:with|w\/|con|topped with)$/.test(piece)) accompaniment = true;
      else if (!/^(?:and|y|and then|then|also)$/.test(piece)) accompaniment = false;
      negated = /^(?:without|sin|no)$/.test(piece);
      return;
    }
    if (piece.length === 0) return;
    if (!negated && !NEGATED.test(piece)) phrases.push({ text: piece, accompaniment });
    negated = false;
  });
  return phrases;
}
