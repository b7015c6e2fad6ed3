/**
 * Typo tolerance: the closest known word by optimal-string-alignment distance (Levenshtein plus adjacent
 * transpositions, so "chikcen" is one edit from "chicken"). Short words are never corrected: at four letters one
 * edit turns too many words into foods ("coke" → "cake").
 */

/** Edit distance between a and b, or max + 1 as soon as it must exceed max. */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let previous: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current: number[] = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, (before[j - 2] ?? 0) + 1);
      }
      current.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length] ?? max + 1;
}

/** Edits allowed for a word of this length: none under 5 letters, one up to 7, two from 8. */
export function allowedEdits(length: number): number {
  if (length < 5) return 0;
  return length < 8 ? 1 : 2;
}

/**
 * The vocabulary word closest to `word` within the allowed edits. Ties go to the word with the same first letter,
 * then the same length, then alphabetical order, so the answer is deterministic.
 */
export function closestWord(word: string, vocabulary: Iterable<string>): string | undefined {
  const max = allowedEdits(word.length);
  if (max === 0) return undefined;
  let best: { word: string; rank: readonly number[] } | undefined;
  for (const candidate of vocabulary) {
    if (candidate.length < 4) continue;
    const distance = editDistance(word, candidate, max);
    if (distance > max) continue;
    const rank = [distance, candidate[0] === word[0] ? 0 : 1, Math.abs(candidate.length - word.length)];
    if (best === undefined || isBetter(rank, candidate, best)) best = { word: candidate, rank };
  }
  return best?.word;
}

function isBetter(
  rank: readonly number[],
  word: string,
  best: { word: string; rank: readonly number[] },
): boolean {
  for (let k = 0; k < rank.length; k += 1) {
    const diff = (rank[k] ?? 0) - (best.rank[k] ?? 0);
    if (diff !== 0) return diff < 0;
  }
  return word < best.word;
}
