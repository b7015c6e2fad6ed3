/**
 * SMS compliance keywords (CTIA / carrier rules, TCPA; see shared/reference/NUTRITION-AND-COMPLIANCE.md).
 * They are matched on the whole message, case-insensitive, ignoring surrounding spaces and trailing punctuation.
 */
const OPT_OUT = [
  'STOP',
  'STOPALL',
  'UNSUBSCRIBE',
  'CANCEL',
  'END',
  'QUIT',
  'OPTOUT',
  'REVOKE',
  'PARAR',
  'CANCELAR',
  'DETENER',
  // AWS End User Messaging opts a number out on these by default; we honour them on every provider, so what AWS
  // blocks and what we believe never differ (revoking "by any reasonable means" is the rule anyway).
  'ARRET',
  'OPT-OUT',
  'OPT OUT',
  'REMOVE',
  'TD',
];
const OPT_IN = ['START', 'UNSTOP', 'COMENZAR'];
/** YES and SÍ opt back in only while opted out; otherwise they answer the pending question. */
const AFFIRMATIVE = ['YES', 'SI'];
const HELP = ['HELP', 'INFO', 'AYUDA'];
const SPANISH = new Set(['PARAR', 'CANCELAR', 'DETENER', 'COMENZAR', 'SI', 'AYUDA']);

export type KeywordKind = 'opt_out' | 'opt_in' | 'affirmative' | 'help';

export interface Keyword {
  kind: KeywordKind;
  word: string;
  /** The keyword is Spanish, so the reply should be too. */
  spanish: boolean;
}

export function normaliseKeyword(text: string): string {
  return text
    .trim()
    .replace(/[.!¡¿?]+$/u, '')
    .replace(/^[¡¿]+/u, '')
    .trim()
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toUpperCase();
}

export function classifyKeyword(text: string): Keyword | undefined {
  const word = normaliseKeyword(text);
  const spanish = SPANISH.has(word);
  if (OPT_OUT.includes(word)) return { kind: 'opt_out', word, spanish };
  if (OPT_IN.includes(word)) return { kind: 'opt_in', word, spanish };
  if (AFFIRMATIVE.includes(word)) return { kind: 'affirmative', word, spanish };
  if (HELP.includes(word)) return { kind: 'help', word, spanish };
  return undefined;
}
