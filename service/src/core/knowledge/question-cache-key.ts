import type { KnowledgeBase } from './knowledge-base.ts';
import type { KnowledgeTopic } from './knowledge-entry.ts';
import { createQuestionMatcher } from './match-question.ts';
import { questionTerms } from './question-terms.ts';

/**
 * The normalised form of a question, for the response cache: paraphrases of one question should meet in one
 * entry, and different questions never. The local engine's retrieval is the normaliser — a question it matches
 * to a knowledge-base entry is that entry's question (`entry:fibre-needs` for "how much fiber should i get a day"
 * and "How much fibre do I need?" alike); a question it cannot match is its sorted distinct terms (stopwords
 * dropped, stems and synonyms merged), so "who won the world cup" and "capital of france" stay apart.
 *
 * This makes the cache semantic: a model is asked once per normalised question, in either language, and a paraphrase
 * the local engine maps to the wrong entry gets the answer cached for that entry — the local engine's own
 * mistake, which the bench counts as "answers differing from the model's".
 */
export type QuestionNormaliser = (text: string, topics?: readonly KnowledgeTopic[]) => string;

export function createQuestionNormaliser(
  knowledge: KnowledgeBase,
  /**
   * A match scoring below this keys by terms instead of the entry. 0 (the product): whatever the local engine
   * itself would answer with. The bench measures higher values (fewer paraphrases merged, fewer wrong merges).
   */
  minScore = 0,
): QuestionNormaliser {
  const matcher = createQuestionMatcher(knowledge);
  return (text, topics) => {
    const found = matcher.match(text, topics ? { topics } : {});
    if (found.kind === 'match' && found.score >= minScore) return `entry:${found.entry.id}`;
    return `terms:${[...new Set(questionTerms(text))].sort().join(' ')}`;
  };
}

/** Everything the cached answer depends on; its digest is the cache key. */
export interface AnswerKeyParts {
  /** The stored value's layout; a change makes old entries unreadable, so it is part of the key. */
  schema: number;
  promptVersion: string;
  modelId: string;
  /**
   * The profile facts the answer depends on: the topics a safety reply allows. Not the user's language: the
   * answer is a knowledge-base entry (or no match), the same for "How much fibre do I need?" and "¿Cuánta fibra
   * necesito?"; core writes the reply in each user's language from it, so one cached choice serves both.
   */
  topics?: readonly KnowledgeTopic[];
  normalised: string;
}

export const ANSWER_KEY_PREFIX = 'language:answer:';

/**
 * `language:answer:<digest>`. The digest (SHA-256 in production, given by composition: core has no crypto)
 * bounds the key's length and keeps the question's words out of the cache's key space.
 */
export function answerCacheKey(parts: AnswerKeyParts, digest: (text: string) => string): string {
  const topics = parts.topics === undefined ? '*' : [...parts.topics].sort().join(',');
  return `${ANSWER_KEY_PREFIX}${digest(
    JSON.stringify([parts.schema, parts.promptVersion, parts.modelId, topics, parts.normalised]),
  )}`;
}
