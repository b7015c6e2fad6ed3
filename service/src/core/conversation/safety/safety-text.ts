import { normalize } from '../parse/normalize.ts';

/**
 * Text as the safety signals read it: the shared onboarding normalisation (lower case, no accents, number words as
 * digits) plus three folds that matter only here, because people who want to slip past a filter write numbers and
 * words oddly:
 * - Spanish hundreds ("ochocientas", "mil quinientas") become digits; the shared normaliser knows only "cien(to)".
 * - digits spaced out before a calorie unit ("5 0 0 calories") are joined;
 * - "kalorias"/"kcalorias" typed with a k read as "calorias".
 */
const SPANISH_HUNDREDS = /\b(?:(dos|tres|cuatro|seis|sete|ocho|nove)cient[oa]s|(quin)ient[oa]s)\b/g;
const HUNDRED_UNIT: Record<string, string> = {
  dos: 'dos',
  tres: 'tres',
  cuatro: 'cuatro',
  quin: 'cinco',
  seis: 'seis',
  sete: 'siete',
  ocho: 'ocho',
  nove: 'nueve',
};
const SPACED_DIGITS = /(?<![\d.,])\d(?: \d){2,3}(?= ?(?:k ?cal|cal))/g;

function foldCase(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

export function prepareSafetyText(text: unknown): string {
  if (typeof text !== 'string') return '';
  const spanishHundreds = foldCase(text).replace(
    SPANISH_HUNDREDS,
    (_whole, stem: string | undefined, quin: string | undefined) =>
      `${HUNDRED_UNIT[stem ?? quin ?? ''] ?? ''} ciento`,
  );
  return normalize(spanishHundreds)
    .replace(/\bk(?=c?alor)/g, 'c')
    .replace(/\bccalor/g, 'calor')
    .replace(SPACED_DIGITS, (run) => run.replace(/ /g, ''));
}

/** "1,800", "1.800" (Spanish thousands), "1800" and "0,5" as numbers. */
export function readNumber(raw: string): number {
  if (/^\d{1,3}(?:[.,]\d{3})+$/.test(raw)) return Number(raw.replace(/[.,]/g, ''));
  return Number.parseFloat(raw.replace(',', '.'));
}

/** A number as the signal patterns write it: thousands-grouped or plain, with an optional decimal part. */
export const NUMBER = String.raw`\d{1,3}(?:[.,]\d{3})+(?![\d])|\d+(?:[.,]\d+)?`;
