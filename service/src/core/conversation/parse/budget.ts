import type { Budget } from '../../domain/profile.ts';
import { normalize } from './normalize.ts';
import { round, toNumber, withCorrection } from './text.ts';

/** Above this a weekly grocery budget is taken as a typo or a joke, not an answer. */
export const MAX_WEEKLY_BUDGET_USD = 10_000;

const NUMBER = String.raw`\d+(?:[.,]\d+)*`;
const AMOUNT = new RegExp(
  String.raw`(\$\s*)?(${NUMBER})\s*(k\b)?(\s*(?:dollars?|bucks|usd|dolares|dolar|dlls?)\b)?`,
  'g',
);
/** Numbers that count something else: "for 4 people", "every 2 weeks". */
const NOT_MONEY =
  /^\s*(?:people|persons|personas|kids|adults|of us|weeks?|days?|months?|semanas|dias|meses)\b/;
const RANGE = new RegExp(
  String.raw`\$?\s*(${NUMBER})\s*(?:-|to|and|y|a|hasta)\s*\$?\s*(${NUMBER})(?!\s*(?:people|weeks?))`,
);
const OTHER_CURRENCY = /€|£|\b(?:euros?|eur|pesos?|mxn|gbp|pounds?|libras?|cad|yen)\b/;
const NEGATIVE = /(?:^|[^\d\s$])\s*-\s*\$?\s*\d|\$\s*-\s*\d|\bminus\b|\bmenos\b/;
/** "1e9": scientific notation is a joke or a probe, never a grocery budget; its digits must not be read apart. */
const EXPONENT = /\d\s*e[+-]?\d/;

/** Weekly multiplier by the period the user named; a week when none is named. */
const PERIODS: readonly (readonly [RegExp, number])[] = [
  [/\bevery (?:2|other) weeks?\b|\bbi-?weekly\b|\bfortnight\w*|\bcada 2 semanas\b|\bquincena\w*/, 1 / 2],
  [/(?:\b(?:a|per|each|every|al|por|cada)\s+|\/\s*)(?:month|mo|mes)\b|\bmonthly\b|\bmensual\w*/, 12 / 52],
  [/(?:\b(?:a|per|each|every|al|por|cada)\s+|\/\s*)(?:day|dia|d)\b|\bdaily\b|\bdiari[oa]\b/, 7],
  [
    /(?:\b(?:a|per|each|every|al|por|cada)\s+|\/\s*)(?:year|yr|ano)\b|\byearly\b|\bannual\w*|\banual\b/,
    1 / 52,
  ],
];

interface Candidate {
  value: number;
  marked: boolean;
}

/** Words after which a bare number names something else: "version 2", "option 3", "size 10". */
const NOT_MONEY_BEFORE =
  /\b(?:version|v|number|no|option|opcion|step|paso|page|pagina|item|level|nivel|size|talla)\s*$/;

/** A bare number counts only as a word of its own: not "alert(1)", "v2" or "3rd". */
function standsAlone(text: string, start: number, end: number): boolean {
  const before = text[start - 1] ?? ' ';
  const after = text[end] ?? ' ';
  return /[\s,:~]/.test(before) && /[\s.,!?;/~]/.test(after);
}

function candidates(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const match of text.matchAll(AMOUNT)) {
    const after = text.slice(match.index + match[0].length);
    const marked = match[1] !== undefined || match[4] !== undefined;
    const numberEnd = match.index + (match[1]?.length ?? 0) + (match[2]?.length ?? 0);
    const before = text.slice(0, match.index);
    const elsewhere = NOT_MONEY.test(after) || NOT_MONEY_BEFORE.test(before);
    if (!marked && (elsewhere || !standsAlone(text, match.index, numberEnd))) continue;
    const value = toNumber(match[2] ?? '') * (match[3] ? 1000 : 1);
    if (Number.isFinite(value)) found.push({ value, marked });
  }
  return found;
}

function fromText(text: string): Budget | undefined {
  if (OTHER_CURRENCY.test(text) || NEGATIVE.test(text) || EXPONENT.test(text)) return undefined;
  const all = candidates(text);
  const chosen = all.find((c) => c.marked) ?? all[0];
  if (!chosen) return undefined;
  let amount = chosen.value;
  const range = RANGE.exec(text);
  if (range) {
    // "$60-80", "between 100 and 150": plan to the lower bound, the amount the user is sure to afford.
    amount = Math.min(toNumber(range[1] ?? ''), toNumber(range[2] ?? ''));
  }
  const period = PERIODS.find(([pattern]) => pattern.test(text));
  const weekly = round(amount * (period?.[1] ?? 1), 2);
  if (!(weekly > 0) || weekly > MAX_WEEKLY_BUDGET_USD) return undefined;
  return { amount: weekly, currency: 'USD', period: 'week' };
}

/**
 * A grocery budget as US dollars per week, or undefined. A month is 12/52 of a year (×12/52), a day ×7,
 * "every two weeks" ÷2, a year ÷52, rounded to cents. A bare number is dollars per week. A range gives its
 * lower bound. Other currencies (euros, pesos, pounds), zero, negatives and more than $10,000 a week are
 * rejected rather than guessed.
 */
export function parseBudget(text: string): Budget | undefined {
  return withCorrection(normalize(text), fromText);
}
