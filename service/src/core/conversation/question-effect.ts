import type { KnowledgeTopic } from '../knowledge/knowledge-entry.ts';

/**
 * An open question for the language model port (issue 7), run by the use case after the commit
 * (`use-cases/answer-question.ts`). `lead` carries replies already decided — a safety reply — that go first;
 * `topics` then narrows which knowledge-base entries may follow them.
 */
export interface AnswerQuestionEffect {
  kind: 'answer_question';
  text: string;
  /** The message reads as a question: with no match it gets "I can't answer that" rather than the bare menu. */
  asked: boolean;
  lead?: string[];
  topics?: KnowledgeTopic[];
}
