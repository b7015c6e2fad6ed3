/**
 * Amounts in a food log: digits, decimals ("1.5", Spanish "1,5"), fractions ("1/2", "½", "1 1/2"), ranges
 * ("2-3", "2 or 3" → the midpoint) and words ("a", "half", "a quarter", "a couple", "a few", "medio", "un par de").
 * Number words ("two", "dos", "a dozen") are already digits: the text went through the shared `normalize`.
 */

const VULGAR: Record<string, string> = {
  '½': '1/2',
  '¼': '1/4',
  '¾': '3/4',
  '⅓': '1/3',
  '⅔': '2/3',
  '⅛': '1/8',
};

/** String-level rewrites that make amounts one token each; run on normalized text before splitting phrases. */
export function prepareNumbers(text: string): string {
  return (
    text
      .replace(/(\d)?\s*([½¼¾⅓⅔⅛])/g, (_m, whole: string | undefined, frac: string) =>
        whole === undefined ? ` ${VULGAR[frac] ?? ''}` : `${whole} ${VULGAR[frac] ?? ''}`,
      )
      .replace(/\d{1,3}(?:,\d{3})+(?![\d,])/g, (m) => m.replaceAll(',', '')) // "1,000,000" is a million
      .replace(/(\d),(\d)/g, '$1.$2') // "1,5" is Spanish for 1.5
      // "1 and a half" / "2 y medio" are one amount, and their "and"/"y" must not split the phrase.
      .replace(/\b(\d+(?:\.\d+)?)\s+(?:and\s+a\s+half|y\s+medi[oa])\b/g, (_m, n: string) =>
        String(Number(n) + 0.5),
      )
      .replace(/(\d)([a-z])/g, '$1 $2') // "200g" → "200 g"
      .replace(/\bx(\d)/g, 'x $1') // "x2" → "x 2"
      .replace(/(\d)\s*(?:-|–|\bto\b|\bor\b|\bo\b)\s*(\d)/g, '$1-$2') // ranges become one token "2-3"
  );
}

const NUMBER = /^\d+(?:\.\d+)?$/;
const FRACTION = /^(\d+)\/(\d+)$/;
const RANGE = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/;

/** The value of one numeric token ("2", "1.5", "1/2", "2-3"), or undefined. */
export function numberValue(token: string | undefined): number | undefined {
  if (token === undefined) return undefined;
  if (NUMBER.test(token)) return Number(token);
  const fraction = FRACTION.exec(token);
  if (fraction) {
    const denominator = Number(fraction[2]);
    return denominator === 0 ? undefined : Number(fraction[1]) / denominator;
  }
  const range = RANGE.exec(token);
  if (range) return (Number(range[1]) + Number(range[2])) / 2;
  return undefined;
}

export interface QuantityRead {
  readonly value: number;
  /** Index of the first token after the amount. */
  readonly next: number;
}

const ARTICLES = new Set(['a', 'an', 'un', 'una', 'uno']);
const PARTS: Record<string, number> = {
  half: 0.5,
  quarter: 0.25,
  third: 1 / 3,
  halves: 0.5,
  quarters: 0.25,
  thirds: 1 / 3,
};

/** Skips "of", "of a", "de", "de un" ... after a fractional amount ("half of an avocado", "la mitad de un"). */
function skipOf(tokens: readonly string[], i: number): number {
  let j = i;
  if (tokens[j] === 'of' || tokens[j] === 'de') j += 1;
  if (ARTICLES.has(tokens[j] ?? '')) j += 1;
  return j;
}

/** Word amounts: "half (a|an|of)", "a half", "a quarter", "a third", "a couple", "a few", "medio", "un par de". */
function readWordAmount(tokens: readonly string[], i: number): QuantityRead | undefined {
  const word = tokens[i] ?? '';
  const next = tokens[i + 1] ?? '';
  if (word === 'half') return { value: 0.5, next: skipOf(tokens, i + 1) };
  if (word === 'medio' || word === 'media') return { value: 0.5, next: skipOf(tokens, i + 1) };
  if (word === 'la' && next === 'mitad') return { value: 0.5, next: skipOf(tokens, i + 2) };
  if ((word === 'un' || word === 'una') && next === 'cuarto')
    return { value: 0.25, next: skipOf(tokens, i + 2) };
  if ((word === 'un' || word === 'una') && next === 'par') return { value: 2, next: skipOf(tokens, i + 2) };
  if (ARTICLES.has(word)) {
    if (numberValue(next) !== undefined) return readQuantity(tokens, i + 1); // "a 6 oz steak"
    const part = PARTS[next];
    if (part !== undefined) return { value: part, next: skipOf(tokens, i + 2) };
    if (next === 'couple') return { value: 2, next: skipOf(tokens, i + 2) };
    if (next === 'few') return { value: 3, next: i + 2 };
    return { value: 1, next: i + 1 };
  }
  if (word === 'couple') return { value: 2, next: skipOf(tokens, i + 1) };
  if (word === 'few' || word === 'several') return { value: 3, next: i + 1 };
  return undefined;
}

/** Reads the amount starting at tokens[i], or undefined when there is none. */
export function readQuantity(tokens: readonly string[], i: number): QuantityRead | undefined {
  const first = numberValue(tokens[i]);
  if (first === undefined) return readWordAmount(tokens, i);
  let value = first;
  let next = i + 1;
  const fraction = tokens[next];
  if (fraction !== undefined && FRACTION.test(fraction) && Number.isInteger(first)) {
    value += numberValue(fraction) ?? 0; // "1 1/2"
    next += 1;
  }
  const part = PARTS[tokens[next] ?? ''];
  if (part !== undefined) return { value: value * part, next: skipOf(tokens, next + 1) }; // "3 quarters of a cup"
  if (tokens[next] === 'x') next += 1; // "2 x eggs"
  return { value, next };
}
