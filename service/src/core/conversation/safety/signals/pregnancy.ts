import { matchRules, type SignalRule } from './signal-rule.ts';

/**
 * Pregnancy and breastfeeding, the sender's or a household member's: no deficit, a clinician decides (project
 * reference, "Safety"; lactation raises energy needs too, so it is handled the same way). Negatable ("not pregnant").
 */
const RULES: readonly SignalRule[] = [
  {
    name: 'pregnant',
    pattern:
      /\bpregnan\w*|\bpregnet\w*|\bpreg(?:o|gers|gy)\b|\bexpecting (?:a baby|twins|triplets|my first|our first|a boy|a girl)\b|\b(?:i'?m|we'?re|she'?s) expecting$|\btrimester\b|\bgestational\b|\bembarazad\w*|\bembarazo\b|\bencinta\b|\bestoy en (?:el |mi )?(?:primer|segundo|tercer) trimestre\b|\bgestacional\b/,
    negatable: true,
  },
  {
    name: 'breastfeeding',
    pattern:
      /\bbreast ?-?feeding\b|\bnursing (?:my|a|the) (?:baby|newborn|son|daughter)\b|\blactat\w*|\blactancia\b|\bamamant\w*|\bdando (?:el )?pecho\b|\bdar (?:el )?pecho\b/,
    negatable: true,
  },
];

export function pregnancySignals(text: string): string[] {
  return matchRules(text, RULES);
}
