import { NUMBER, readNumber } from '../safety-text.ts';

/**
 * The fastest weight loss a message asks for, in kg per week ("lose 10 kg in 2 weeks" → 5). About 0.5 kg a week
 * comes from the standard 500 kcal/day deficit (project reference, "Weight change"); asking for more than
 * `MAX_SAFE_KG_PER_WEEK` cannot be met above the calorie floor.
 */
export const MAX_SAFE_KG_PER_WEEK = 1;

const KG_PER: Record<string, number> = { kg: 1, lb: 0.453_592, stone: 6.350_29 };
const LOSS = new RegExp(
  String.raw`\b(?:lose|loose|lost|losing|drop|shed|cut|bajar|perder|quitarme|rebajar)\s+(?:like\s+|about\s+|around\s+|at least\s+|unos\s+|como\s+)?(${NUMBER})\s*(?:more\s+|mas\s+)?(kg|kgs|kilos?|kilogram\w*|lbs?|pounds?|libras?|stones?|st)\b([^.!?;]{0,40})`,
  'g',
);
const SPAN = new RegExp(
  String.raw`\b(?:in|within|by|en|para|before|antes de|over|durante)\s+(?:the\s+|la\s+|el\s+|las\s+|los\s+)?(?:next\s+|proxim[oa]s?\s+)?(${NUMBER}|a|an|one|un|una)?\s*(days?|weeks?|wks?|months?|dias?|semanas?|mes(?:es)?)\b`,
);
const PER = /\b(?:a|per|each|every|por|a la|al)\s+(week|semana|month|mes|day|dia)\b/;
const SOON =
  /\b(?:by|para|before|antes de(?:l)?)\s+(?:tomorrow|tonight|manana|this week|next week|esta semana|la proxima semana|la semana que viene|(?:this |next |the |el )?(?:weekend|fin de semana|monday|tuesday|wednesday|thursday|friday|saturday|sunday|lunes|martes|miercoles|jueves|viernes|sabado|domingo))\b/;

const THIS_WEEK = /\b(?:this week|esta semana|this weekend|este fin de semana|tomorrow|manana)\b/;

function unitKg(unit: string): number {
  if (/^(?:lb|pound|libra)/.test(unit)) return KG_PER.lb ?? 0.45;
  if (/^st/.test(unit)) return KG_PER.stone ?? 6.35;
  return KG_PER.kg ?? 1;
}

function unitDays(unit: string): number {
  if (/^(?:w|s)/.test(unit)) return 7;
  if (/^m/.test(unit)) return 30;
  return 1;
}

/** Days within which the loss is wanted, from the words after the amount; undefined when none are named. */
function spanDays(tail: string): number | undefined {
  const span = SPAN.exec(tail);
  if (span) {
    const count = /^\d/.test(span[1] ?? '') ? readNumber(span[1] ?? '1') : 1;
    return count * unitDays(span[2] ?? '');
  }
  const per = PER.exec(tail);
  if (per) return unitDays(per[1] ?? '');
  const soon = SOON.exec(tail) ?? THIS_WEEK.exec(tail);
  if (soon) return /tomorrow|tonight|manana/.test(soon[0]) ? 1 : 7;
  return undefined;
}

/** kg/week of every timed loss the message asks for. */
export function requestedLossRates(text: string): number[] {
  const rates: number[] = [];
  for (const match of text.matchAll(LOSS)) {
    const kg = readNumber(match[1] ?? '0') * unitKg(match[2] ?? 'kg');
    const days = spanDays(match[3] ?? '');
    if (days !== undefined && days > 0) rates.push((kg * 7) / days);
  }
  return rates;
}
