import { messagesFor } from '../conversation/messages/index.ts';
import type { AnswerQuestionEffect } from '../conversation/question-intent.ts';
import type { Locale } from '../domain/user.ts';
import { loadKnowledgeBase } from '../knowledge/knowledge-base.ts';
import { knowledgeReply } from '../knowledge/knowledge-reply.ts';
import { LocalLanguageModel } from '../knowledge/local-language-model.ts';
import { LanguageModelDeferred } from '../knowledge/model-call-budget.ts';
import type { JobQueue } from '../ports/job-queue.port.ts';
import type { LanguageModel, QuestionAnswer } from '../ports/language-model.port.ts';
import type { Logger } from '../ports/logger.port.ts';

let defaultModel: LanguageModel | undefined;

export interface AnswerQuestionDeps {
  language?: LanguageModel;
  logger: Logger;
  /** With a queue, a question the model is too slow for is answered later (`answer-queued-question.ts`). */
  jobs?: JobQueue;
}

/**
 * Where the question's text is kept: the inbound message-log entry (written only after consent, which a ready
 * user has). The message log is the durable store every process shares (the SQS worker included), it expires
 * with the retention period and an erasure deletes it — so a queued job carries only these ids.
 */
export interface QuestionOrigin {
  userId: string;
  messageId: string;
}

/**
 * An open question, answered through the language model port with a knowledge-base entry's own text and source,
 * in the user's language. No match: after a safety reply nothing more is said; a question gets "I can't answer
 * that" and what the coach can do; anything else gets the menu, as before.
 *
 * A model that outlasts the inline budget (`model-call-budget.ts`) gets "let me look that up" now and a queued
 * job, when there is a queue and the text is in the message log. Not after a safety reply: that reply already went
 * out, and a queued job must not hint at what it was about.
 */
export async function answerQuestion(
  deps: AnswerQuestionDeps,
  effect: AnswerQuestionEffect,
  locale: Locale,
  origin?: QuestionOrigin,
): Promise<string[]> {
  defaultModel ??= new LocalLanguageModel();
  const language = deps.language ?? defaultModel;
  const lead = effect.lead ?? [];
  const queue = lead.length === 0 && origin ? deps.jobs : undefined;
  const request = {
    text: effect.text,
    locale,
    ...(effect.topics ? { topics: effect.topics } : {}),
  };
  let answer: QuestionAnswer;
  try {
    answer = await language.answerQuestion(queue ? { ...request, deferIfSlow: true } : request);
  } catch (error) {
    if (!(error instanceof LanguageModelDeferred) || !queue || !origin) throw error;
    try {
      await queue.enqueue({ type: 'answer_question', userId: origin.userId, messageId: origin.messageId });
      deps.logger.info('question_queued', { provider: language.provider, userId: origin.userId });
      return [messagesFor(locale).questions.lookingItUp()];
    } catch (queueError) {
      // No queue to wait on: the local engine answers now rather than leave the question unanswered.
      deps.logger.warn('question_queue_failed', {
        userId: origin.userId,
        error: queueError instanceof Error ? queueError.name : 'error',
      });
      answer = await defaultModel.answerQuestion(request);
    }
  }
  const entry = answer.kind === 'answer' ? loadKnowledgeBase().get(answer.entryId) : undefined;
  deps.logger.info('question_answered', {
    provider: language.provider,
    entryId: entry?.id ?? null,
    afterSafety: lead.length > 0,
  });
  if (entry) return [...lead, knowledgeReply(entry, locale)];
  if (lead.length > 0) return lead;
  const m = messagesFor(locale);
  return [effect.asked ? m.questions.noAnswer() : m.menu()];
}
