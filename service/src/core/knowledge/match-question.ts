import type { KnowledgeBase } from './knowledge-base.ts';
import type { KnowledgeEntry, KnowledgeTopic } from './knowledge-entry.ts';
import { isStopword, questionTerms, rawWords, STOPWORD_LIST, termOf } from './question-terms.ts';

/**
 * Retrieval over the knowledge base by normalised terms. Each entry is indexed by the terms of its questions and
 * term lists in both languages; a question scores by the share of its own (IDF-weighted) terms an entry covers,
 * with a bonus for two words that appear side by side in the entry ("may contain"). Words the index has never
 * seen still count against the score, so "who won the world cup" matches nothing rather than something.
 */
export type QuestionMatch =
  | { kind: 'match'; entry: KnowledgeEntry; score: number }
  | { kind: 'no_match'; best?: { id: string; score: number } };

export interface MatchOptions {
  /** Only entries of these topics may answer (a question that safety flagged gets clinician topics only). */
  topics?: readonly KnowledgeTopic[];
}

/** Below this share of the question's weight, the best entry is not an answer to it. */
export const MATCH_THRESHOLD = 0.45;
/** A word the index has never seen weighs this fraction of the rarest indexed term. */
const UNKNOWN_WEIGHT = 0.8;
/** How much the entry's own question being covered counts, beside the question asked being covered. */
const QUESTION_SHARE = 0.15;
const PAIR_BONUS = 0.5;

interface IndexedEntry {
  entry: KnowledgeEntry;
  terms: ReadonlySet<string>;
  pairs: ReadonlySet<string>;
  /** The terms of the entry's canonical question in each language. */
  questions: readonly (readonly string[])[];
}

export interface QuestionMatcher {
  match(text: string, options?: MatchOptions): QuestionMatch;
  /** Every entry with its score, best first (for diagnostics and tests). */
  rank(text: string, options?: MatchOptions): { id: string; score: number }[];
}

export function createQuestionMatcher(kb: KnowledgeBase): QuestionMatcher {
  const indexed = kb.entries.map(indexEntry);
  const documentFrequency = new Map<string, number>();
  for (const { terms } of indexed) {
    for (const term of terms) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  const total = indexed.length;
  const idf = (term: string) => Math.log(1 + total / (documentFrequency.get(term) ?? total));
  const unknownWeight = Math.log(1 + total) * UNKNOWN_WEIGHT;
  const vocabulary = [...documentFrequency.keys()];

  const score = (text: string, options: MatchOptions) => {
    const terms = correctedTerms(text, documentFrequency, vocabulary);
    const unique = [...new Set(terms)];
    const weight = unique.reduce(
      (sum, term) => sum + (documentFrequency.has(term) ? idf(term) : unknownWeight),
      0,
    );
    const queryPairs = pairsOf(terms);
    return indexed
      .filter(({ entry }) => options.topics === undefined || options.topics.includes(entry.topic))
      .map(({ entry, terms: entryTerms, pairs, questions }) => {
        if (weight === 0) return { id: entry.id, score: 0 };
        let matched = 0;
        for (const term of unique) if (entryTerms.has(term)) matched += idf(term);
        if (matched === 0) return { id: entry.id, score: 0 };
        for (const pair of queryPairs) {
          if (!pairs.has(pair)) continue;
          const [first = '', second = ''] = pair.split(' ');
          matched += PAIR_BONUS * Math.min(idf(first), idf(second));
        }
        const asked = Math.min(1, matched / weight);
        // Ties between entries that share the words go to the one whose own question is closest to it.
        const own = Math.max(
          ...questions.map((question) => {
            const all = question.reduce((sum, term) => sum + idf(term), 0);
            const hit = question.reduce((sum, term) => sum + (unique.includes(term) ? idf(term) : 0), 0);
            return all === 0 ? 0 : hit / all;
          }),
        );
        return { id: entry.id, score: (1 - QUESTION_SHARE) * asked + QUESTION_SHARE * own };
      })
      .sort((a, b) => b.score - a.score);
  };

  return {
    rank: (text, options = {}) => score(text, options),
    match: (text, options = {}) => {
      const [best] = score(text, options);
      if (best === undefined || best.score === 0) return { kind: 'no_match' };
      const entry = kb.get(best.id);
      if (entry === undefined || best.score < MATCH_THRESHOLD) return { kind: 'no_match', best };
      return { kind: 'match', entry, score: best.score };
    },
  };
}

function indexEntry(entry: KnowledgeEntry): IndexedEntry {
  const texts = [entry.en.question, entry.es.question, ...entry.en.terms, ...entry.es.terms];
  const terms = new Set<string>();
  const pairs = new Set<string>();
  for (const text of texts) {
    const found = questionTerms(text);
    for (const term of found) terms.add(term);
    for (const pair of pairsOf(found)) pairs.add(pair);
  }
  const questions = [
    [...new Set(questionTerms(entry.en.question))],
    [...new Set(questionTerms(entry.es.question))],
  ];
  return { entry, terms, pairs, questions };
}

function pairsOf(terms: readonly string[]): string[] {
  const pairs: string[] = [];
  for (let i = 1; i < terms.length; i++) pairs.push(`${terms[i - 1]} ${terms[i]}`);
  return pairs;
}

/**
 * The question's terms with typos mended: a word the index does not know is replaced by the indexed term (or
 * dropped as the filler word) one edit away — two for long words — so "protien" finds protein and "shoud" is
 * recognised as "should".
 */
function correctedTerms(
  text: string,
  documentFrequency: ReadonlyMap<string, number>,
  vocabulary: readonly string[],
): string[] {
  const terms: string[] = [];
  for (const word of rawWords(text)) {
    if (isStopword(word)) continue;
    const term = termOf(word);
    if (documentFrequency.has(term) || word.length < 4 || /\d/.test(word)) {
      terms.push(term);
      continue;
    }
    const allowed = word.length >= 8 ? 2 : 1;
    if (STOPWORD_LIST.some((stop) => stop.length >= 4 && editDistance(word, stop, allowed) <= allowed))
      continue;
    // Short words are too easily one edit from another word ("manana" / "banana"): only long ones are mended.
    let best: { term: string; distance: number; frequency: number } | undefined;
    for (const candidate of word.length >= 6 ? vocabulary : []) {
      if (Math.abs(candidate.length - term.length) > allowed) continue;
      const distance = editDistance(term, candidate, allowed);
      if (distance > allowed) continue;
      const frequency = documentFrequency.get(candidate) ?? 0;
      // The nearer term, then the more common one ("watter" is water rather than matter).
      if (
        best === undefined ||
        distance < best.distance ||
        (distance === best.distance && frequency > best.frequency)
      )
        best = { term: candidate, distance, frequency };
    }
    terms.push(best?.term ?? term);
  }
  return terms;
}

/** Optimal-string-alignment distance (Levenshtein plus adjacent swaps), stopping early past `limit`. */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i, ...new Array<number>(b.length).fill(0)]);
  const at = (i: number, j: number) => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let j = 0; j <= b.length; j++) (rows[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Number.POSITIVE_INFINITY;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, at(i - 2, j - 2) + 1);
      (rows[i] as number[])[j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
  }
  return at(a.length, b.length);
}
