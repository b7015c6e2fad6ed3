/**
 * Text normalisation shared by the onboarding parsers: lower-case, accents stripped (so "más" and "mas" match),
 * typographic quotes made plain, whitespace collapsed, and number words turned into digits
 * ("thirty-four" → 34, "treinta y cuatro" → 34, "a hundred" → 100, "a couple of kids" → "2 kids").
 * Punctuation is kept: the parsers need `$`, `'`, `"`, `/`, `,` and `.`.
 */

const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  cero: 0,
  uno: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  ocho: 8,
  nueve: 9,
};
// `once` (Spanish 11) is left out on purpose: in English it means "one time" ("exercise once a week").
const TEENS: Record<string, number> = {
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  dozen: 12,
  diez: 10,
  doce: 12,
  trece: 13,
  catorce: 14,
  quince: 15,
  dieciseis: 16,
  diecisiete: 17,
  dieciocho: 18,
  diecinueve: 19,
};
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  veinte: 20,
  treinta: 30,
  cuarenta: 40,
  cincuenta: 50,
  sesenta: 60,
  setenta: 70,
  ochenta: 80,
  noventa: 90,
};
const HUNDREDS: Record<string, number> = { hundred: 100, cien: 100, ciento: 100 };
const THOUSANDS: Record<string, number> = { thousand: 1000, mil: 1000 };

type Kind = 'unit' | 'teen' | 'tens' | 'hundred' | 'thousand';

function classify(word: string): { kind: Kind; value: number } | undefined {
  if (word in UNITS) return { kind: 'unit', value: UNITS[word] ?? 0 };
  if (word in TEENS) return { kind: 'teen', value: TEENS[word] ?? 0 };
  if (word in TENS) return { kind: 'tens', value: TENS[word] ?? 0 };
  if (word in HUNDREDS) return { kind: 'hundred', value: 100 };
  if (word in THOUSANDS) return { kind: 'thousand', value: 1000 };
  const veinti = /^veinti(\w+)$/.exec(word); // veinticinco → 25
  const unit = veinti?.[1] === 'un' ? 1 : UNITS[veinti?.[1] ?? ''];
  if (unit !== undefined && unit > 0) return { kind: 'tens', value: 20 + unit };
  return undefined;
}

const ALL_WORDS = [
  ...Object.keys(UNITS),
  ...Object.keys(TEENS),
  ...Object.keys(TENS),
  'hundred',
  'cien',
  'ciento',
]
  .concat(['thousand', 'mil', 'veinti[a-z]+'])
  .join('|');
const NUMBER_RUN = new RegExp(`\\b(?:${ALL_WORDS})(?:(?:\\s+|-|\\s+(?:and|y)\\s+)(?:${ALL_WORDS}))*\\b`, 'g');

/** Turns one run of number words into digits; words that do not compose ("two three") stay separate numbers. */
function convertRun(run: string): string {
  const tokens = run.split(/\s+|-/).filter((t) => t.length > 0);
  const out: string[] = [];
  let total = 0;
  let current = 0;
  let last: Kind | 'none' = 'none';
  let pendingJoin = false;
  const flush = (): void => {
    if (last !== 'none') out.push(String(total + current));
    total = 0;
    current = 0;
    last = 'none';
  };
  for (const token of tokens) {
    if (token === 'and' || token === 'y') {
      if (last === 'none') out.push(token);
      else pendingJoin = true;
      continue;
    }
    const word = classify(token);
    if (!word) continue;
    const joinable =
      (last === 'tens' && word.kind === 'unit' && current % 10 === 0) ||
      (last === 'hundred' && word.kind !== 'hundred') ||
      (last === 'thousand' && word.kind !== 'thousand') ||
      (word.kind === 'hundred' && (last === 'unit' || last === 'teen') && current < 20) ||
      (word.kind === 'thousand' && last !== 'none');
    if (!joinable) {
      if (pendingJoin && last !== 'none') {
        flush();
        out.push('and');
      } else flush();
    }
    pendingJoin = false;
    if (word.kind === 'hundred') current = (current || 1) * 100;
    else if (word.kind === 'thousand') {
      total += (current || 1) * 1000;
      current = 0;
    } else current += word.value;
    last = word.kind;
  }
  flush();
  return out.join(' ');
}

/** Replaces number words with digits ("two kids" → "2 kids"). Expects lower-case, accent-free text. */
export function wordsToNumbers(text: string): string {
  return text
    .replace(/\ba (hundred|thousand)\b/g, 'one $1')
    .replace(/\ba couple of\b/g, '2')
    .replace(/\ba dozen\b/g, '12')
    .replace(NUMBER_RUN, (run) => convertRun(run));
}

/** Lower-case, strip accents, plain quotes, collapse whitespace, number words → digits. Never throws. */
export function normalize(text: unknown): string {
  if (typeof text !== 'string') return '';
  const plain = text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u00b4`]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[¡¿]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return wordsToNumbers(plain);
}
