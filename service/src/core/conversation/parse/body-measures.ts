import { round, toNumber } from './text.ts';

/** Exact conversion factors (international yard and pound agreement, 1959). */
export const CM_PER_INCH = 2.54;
export const KG_PER_POUND = 0.45359237;
export const POUNDS_PER_STONE = 14;

/** A value read from the text, and the text with the phrase blanked out so no other rule reads it again. */
export interface Extracted {
  value: number | undefined;
  rest: string;
}

type Reader = readonly [RegExp, (m: RegExpExecArray) => number];

const HEIGHT: readonly Reader[] = [
  [
    /\b(\d)\s*(?:'|ft\b|feet\b|foot\b|pies?\b)\s*(?:((?:1[01]|\d)(?:\.\d)?)(?!\d)\s*(?:"|''|in\b|inch\b|inches\b|pulgadas?\b)?)?/,
    (m) => (Number(m[1]) * 12 + toNumber(m[2] ?? '0')) * CM_PER_INCH,
  ],
  [/\b(\d{2,3}(?:\.\d)?)\s*(?:"|''|inch\b|inches\b|pulgadas\b)/, (m) => toNumber(m[1] ?? '') * CM_PER_INCH],
  [/\b(\d{2,3}(?:[.,]\d)?)\s*(?:cm|cms|centimet(?:er|re)s?|centimetros?)\b/, (m) => toNumber(m[1] ?? '')],
  [/\b([12][.,]\d{1,2})\s*(?:m|mt|mts|meters?|metres?|metros?)\b/, (m) => toNumber(m[1] ?? '') * 100],
  [/\bmido\s+([12][.,]\d{1,2})\b/, (m) => toNumber(m[1] ?? '') * 100],
  [/\bmido\s+(\d{3})\b/, (m) => toNumber(m[1] ?? '')],
];

const WEIGHT: readonly Reader[] = [
  [
    /\b(\d{1,2})\s*(?:st|stone)\b(?:\s*(\d{1,2})\s*(?:lbs?|pounds?)?\b)?/,
    (m) => (Number(m[1]) * POUNDS_PER_STONE + Number(m[2] ?? 0)) * KG_PER_POUND,
  ],
  [/\b(\d{1,3}(?:[.,]\d+)?)\s*(?:kg|kgs|kilos?|kilograms?|kilogramos?)\b/, (m) => toNumber(m[1] ?? '')],
  [/\b(\d{1,3}(?:\.\d+)?)\s*(?:lbs?|pounds?|libras?)\b/, (m) => toNumber(m[1] ?? '') * KG_PER_POUND],
];

/** "lose 20 pounds", "I lost 5 kg", "goal weight 60 kg": a change or a target, not the current weight. */
const TARGET_BEFORE =
  /\b(?:lose|lost|drop|dropped|gain|gained|shed|put on|down|up|bajar|baje|perder|perdi|ganar|gane|subir|subi|goal|target|want to weigh|quiero pesar|meta)\b(?:\W+\w+){0,2}\W*$/;

function extract(text: string, readers: readonly Reader[], skip?: RegExp): Extracted {
  let rest = text;
  let value: number | undefined;
  for (const [pattern, read] of readers) {
    const global = new RegExp(pattern.source, 'g');
    for (const match of rest.matchAll(global)) {
      const skipped = skip?.test(rest.slice(0, match.index)) ?? false;
      if (value === undefined && !skipped) value = read(match);
    }
    rest = rest.replace(global, ' ');
  }
  return { value: value === undefined ? undefined : round(value, 1), rest };
}

/** Height in cm (rounded to 0.1) from "165 cm", "1.65 m", "5'6\"", "5 ft 6 in", "5 foot 6", "66 inches". */
export function extractHeightCm(text: string): Extracted {
  return extract(text, HEIGHT);
}

/** Weight in kg (rounded to 0.1) from "70 kg", "154 lbs", "11 st 4 lb"; targets ("lose 20 pounds") are skipped. */
export function extractWeightKg(text: string): Extracted {
  return extract(text, WEIGHT, TARGET_BEFORE);
}
