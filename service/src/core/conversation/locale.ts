import type { Locale } from '../domain/user.ts';

/** Common Spanish words in a first message ("hola", "quiero bajar de peso"); enough to answer in Spanish. */
const SPANISH_HINTS =
  /\b(hola|buenas|buenos|quiero|necesito|ayuda|gracias|comida|comer|bajar|peso|por favor|tengo|soy|espanol|español|qué|que tal|cómo|como estas)\b/i;

export function detectLocale(text: string, fallback: Locale): Locale {
  return SPANISH_HINTS.test(text) ? 'es' : fallback;
}

/** "español", "spanish", "english", "inglés": an explicit request to change the reply language. */
export function languageRequest(text: string): Locale | undefined {
  const word = text
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[.!]+$/, '');
  if (['espanol', 'spanish', 'en espanol', 'in spanish'].includes(word)) return 'es';
  if (['english', 'ingles', 'en ingles', 'in english'].includes(word)) return 'en';
  return undefined;
}
