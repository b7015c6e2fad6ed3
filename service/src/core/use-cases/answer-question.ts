import { messagesFor } from '../conversation/messages/index.ts';
import type { AnswerQuestionEffect } from '../conversation/question-intent.ts';
import type { Locale } from '../domain/user.ts';
import { loadKnowledgeBase } from '../knowledge/knowledge-base.ts';
import { knowledgeReply } from '../knowledge/knowledge-reply.ts';
import { LocalLanguageModel } from '../knowledge/local-language-model.ts';
import type { LanguageModel } from '../ports/language-model.port.ts';
import type { Logger } from '../ports/logger.port.ts';

let defaultModel: LanguageModel | undefined;

/**
 * An open question, answered through the language model port with a knowledge-base entry's own text and source,
 * in the user's language. No match: after a safety reply nothing more is said; a question gets "I can't answer
 * that" and what the coach can do; anything else gets the menu, as before.
 */
export async function answerQuestion(
  deps: { language?: LanguageModel; logger: Logger },
  effect: AnswerQuestionEffect,
  locale: Locale,
): Promise<string[]> {
  defaultModel ??= new LocalLanguageModel();
  const language = deps.language ?? defaultModel;
  const lead = effect.lead ?? [];
  const answer = await language.answerQuestion({
    text: effect.text,
    locale,
    ...(effect.topics ? { topics: effect.topics } : {}),
  });
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
