import { KG_PER_POUND, POUNDS_PER_STONE } from './body-measures.ts';

/**
 * A goal weight stated in free text: "my goal weight is 150 lb", "goal weight 65 kg", "I want to get to 140 pounds",
 * "peso objetivo 65 kg", "quiero pesar 62 kilos", or its removal ("clear my goal weight"). Only the phrase is read:
 * `rest` is the message without it, so "150 lb" is never also taken as the current weight.
 */
export type GoalWeightParse =
  | { kind: 'set'; kg: number; rest: string }
  | { kind: 'clear'; rest: string }
  /** A number without lb or kg: asking beats guessing by a factor of 2.2. */
  | { kind: 'no_unit'; rest: string }
  /** Under 25 kg: below any healthy weight, answered as a refusal rather than as a typo. */
  | { kind: 'too_low'; rest: string }
  /** Negative, zero, absurd or over 350 kg. */
  | { kind: 'out_of_range'; rest: string };

const NUMBER = String.raw`(-?\d+(?:[.,]\d+)?(?:e\d+)?)`;
const UNIT = '(kgs?|kilos?|kilogram(?:me)?s?|lbs?|pounds?|libras?|st|stones?)?';
const AMOUNT = String.raw`(?:about |around |roughly |unos |como )?${NUMBER}\s*${UNIT}\b`;

const SET_PATTERNS: readonly RegExp[] = [
  new RegExp(
    String.raw`\b(?:goal|target|ideal|dream)\s+weight\s*(?:is |of |to |now |would be |should be |=|:)*\s*${AMOUNT}`,
  ),
  new RegExp(
    String.raw`\b(?:want|wanna|would like|'d like|hope|hoping|plan|planning|trying|try|aim|aiming|goal is|need)\s+(?:to\s+)?(?:get|go|come|slim|drop|be|go back|get back)(?:\s+(?:down|back|up))?\s+to\s+${AMOUNT}`,
  ),
  new RegExp(
    String.raw`\b(?:want|wanna|would like|'d like|hope|hoping|trying|try|aim|aiming|goal is|need)\s+to\s+(?:weigh|reach|hit)\s+${AMOUNT}`,
  ),
  new RegExp(
    String.raw`\bpeso\s+(?:objetivo|meta|ideal|deseado)\s*(?:es |de |sera |:|=)*\s*(?:de\s+)?${AMOUNT}`,
  ),
  new RegExp(
    String.raw`\b(?:quiero|quisiera|me gustaria|mi meta es|mi objetivo es|meta:?)\s+(?:pesar|llegar a|bajar a|bajar hasta|subir a|quedar en|estar en)\s+${AMOUNT}`,
  ),
];

const CLEAR =
  /\b(?:clear|remove|delete|forget|drop|reset|cancel)\s+(?:my\s+|the\s+)?(?:goal|target)\s+weight\b|^(?:no|without)\s+(?:goal|target)\s+weight\b|\b(?:borra\w*|quita\w*|elimina\w*|olvida\w*)\s+(?:mi\s+|el\s+)?peso\s+(?:objetivo|meta|ideal)\b|^sin\s+peso\s+(?:objetivo|meta)\b/;

/** Questions ("what's my goal weight?") change nothing. */
const QUESTION = /\?\s*$|^¿|^(?:what|whats|what's|how|which|is|do|does|que|cual|cuanto)\b/;

const KG_PER = { kg: 1, lb: KG_PER_POUND, st: KG_PER_POUND * POUNDS_PER_STONE } as const;
const MIN_KG = 25;
const MAX_KG = 350;

function plain(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/\b(?:wieght|weigth|wight|weigt|weihgt)\b/g, 'weight')
    .replace(/\s+/g, ' ')
    .trim();
}

function unitOf(word: string | undefined): keyof typeof KG_PER | undefined {
  if (word === undefined || word === '') return undefined;
  if (/^(?:lbs?|pounds?|libras?)$/.test(word)) return 'lb';
  if (/^(?:st|stones?)$/.test(word)) return 'st';
  return 'kg';
}

export function parseGoalWeight(text: string): GoalWeightParse | undefined {
  if (typeof text !== 'string' || text.length > 500) return undefined;
  const normal = plain(text);
  if (normal.length === 0 || QUESTION.test(normal)) return undefined;
  const clear = normal.match(CLEAR);
  if (clear) return { kind: 'clear', rest: without(normal, clear) };
  for (const pattern of SET_PATTERNS) {
    const match = normal.match(pattern);
    if (!match) continue;
    const rest = without(normal, match);
    const value = Number((match[1] ?? '').replace(',', '.'));
    const unit = unitOf(match[2]);
    if (!Number.isFinite(value)) return { kind: 'out_of_range', rest };
    if (unit === undefined) return { kind: 'no_unit', rest };
    const kg = Math.round(value * KG_PER[unit] * 10) / 10;
    if (kg > 0 && kg < MIN_KG) return { kind: 'too_low', rest };
    if (kg < MIN_KG || kg > MAX_KG) return { kind: 'out_of_range', rest };
    return { kind: 'set', kg, rest };
  }
  return undefined;
}

function without(normal: string, match: RegExpMatchArray): string {
  const start = match.index ?? 0;
  return `${normal.slice(0, start)} ${normal.slice(start + match[0].length)}`
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;.]+|[\s,;.]+$/g, '')
    .trim();
}
