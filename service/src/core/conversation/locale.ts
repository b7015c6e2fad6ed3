import type { Locale } from '../domain/user.ts';

/** Common Spanish words in a first message ("hola", "quiero bajar de peso"); enough to answer in Spanish. */
const SPANISH_HINTS =
  /\b(hola|buenas|buenos|quiero|necesito|ayuda|gracias|comida|comer|bajar|peso|por favor|tengo|soy|espanol|español|qué|que tal|cómo|como estas)\b/i;

export function detectLocale(text: string, fallback: Locale): Locale {
  return SPANISH_HINTS.test(text) ? 'es' : fallback;
}

const PLEASE = /^(?:please|pls|por favor|porfa)\s+|\s+(?:please|pls|por favor|porfa)$/g;
const ASK =
  /^(?:(?:can you |could you |please )?(?:switch|change|go|reply|answer|respond|write|speak|talk|text)(?: (?:to me|me))?(?: (?:to|in|into))?|in|en|(?:cambia|cambiar|pasa|pasate|habla|hablame|escribe|escribeme|responde|respondeme|contesta|contestame)(?: (?:a|al|en))?|(?:lang|language|idioma|lengua)(?: (?:is|es|to|a))?)(?:\s*[:=]\s*|\s+)/;
const SPANISH = /^(?:spanish|espanol|castellano)$/;
const ENGLISH = /^(?:english|ingles)$/;
/** Two-letter codes are read only after "lang"/"language"/"idioma": "en" alone is an everyday Spanish word. */
const CODE = /^(?:lang|language|idioma)\s*[:=]?\s*([a-z]{2,3})$/;
const OTHER_LANGUAGES =
  /^(?:french|francais|frances|portuguese|portugues|german|deutsch|aleman|italian|italiano|chinese|chino|arabic|arabe|russian|ruso|japanese|japones|korean|coreano|hindi|vietnamese|tagalog)$/;

/**
 * "español", "LANG EN", "in spanish please", "en español por favor", "switch to english": an explicit request for
 * a reply language. `unsupported` for a language the coach does not write ("lang fr", "français"). Whole messages
 * only, so "I had spanish rice" or "an english muffin" changes nothing.
 */
export function languageChoice(text: string): Locale | 'unsupported' | undefined {
  const plain = text
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[.!?¡¿]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(PLEASE, '')
    .trim();
  if (plain.length === 0 || plain.length > 60) return undefined;
  const code = plain.match(CODE)?.[1];
  if (code !== undefined) {
    if (['es', 'esp', 'spa'].includes(code)) return 'es';
    if (['en', 'eng'].includes(code)) return 'en';
    return 'unsupported';
  }
  const word = plain.replace(ASK, '').replace(PLEASE, '').trim();
  if (SPANISH.test(word)) return 'es';
  if (ENGLISH.test(word)) return 'en';
  if (OTHER_LANGUAGES.test(word)) return 'unsupported';
  return undefined;
}

/** An explicit request to change the reply language to one the coach writes. */
export function languageRequest(text: string): Locale | undefined {
  const choice = languageChoice(text);
  return choice === 'unsupported' ? undefined : choice;
}
