/**
 * Text helpers for plan edits: one normal form for English and Spanish, and a cheap typo test. Kept apart so the
 * intent parser and the day words share them without importing each other.
 */

/** Lower case, accents and emoji gone, "tonight's" → "tonight", "&" → "and", other punctuation but commas → spaces. */
export function normalizeEditText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’`]s\b/g, '')
    .replace(/['’`]/g, '')
    .replace(/&|\+/g, ' and ')
    .replace(/[^a-z0-9,]+/g, ' ')
    .replace(/\s*,[\s,]*/g, ', ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,]+|[\s,]+$/g, '');
}

/** Whether two words differ by at most one insertion, deletion, substitution or swap of neighbours. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  if (a.length === b.length) {
    const diffs: number[] = [];
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diffs.push(i);
    if (diffs.length === 1) return true;
    const [first, second] = diffs;
    return (
      diffs.length === 2 &&
      first !== undefined &&
      second === first + 1 &&
      a[first] === b[second] &&
      a[second] === b[first]
    );
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  return short.slice(i) === long.slice(i + 1);
}

/** The word in `words` that `word` names, exactly or (for words of `minTypoLength`+ letters) within one edit. */
export function nearestWord(word: string, words: readonly string[], minTypoLength = 4): string | undefined {
  if (words.includes(word)) return word;
  if (word.length < minTypoLength) return undefined;
  return words.find((candidate) => candidate.length >= minTypoLength && withinOneEdit(word, candidate));
}
