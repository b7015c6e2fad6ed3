import { looksLikeQuestion } from '../conversation/question-intent.ts';
import type { LanguageModel } from '../ports/language-model.port.ts';
import { answerQuestion } from './answer-question.ts';
import { type DeliverMessageDeps, deliverMessage } from './deliver-message.ts';

export type AnswerQueuedQuestionDeps = DeliverMessageDeps & {
  /** The model with the queued budget (`QUEUED_CALL_BUDGET`), guard and cache in front; the local engine if absent. */
  language?: LanguageModel;
};

/**
 * The answer to a question the model was too slow for inline: its text read back from the inbound message-log
 * entry, asked again with the longer budget, and delivered with the key `answer:<messageId>`, so a redelivered
 * job sends once (the messenger drops a repeated key). A model that fails again gets the guard's local answer —
 * never nothing. An entry that is gone (erased, expired) or not this user's is nothing to answer.
 */
export async function answerQueuedQuestion(
  deps: AnswerQueuedQuestionDeps,
  job: { userId: string; messageId: string },
): Promise<void> {
  const user = await deps.stores.users.findById(job.userId);
  if (!user) {
    deps.logger.info('queued_question_skipped', { reason: 'no_user' });
    return;
  }
  const entry = await deps.stores.messages.getById(job.messageId, deps.clock.now());
  if (!entry || entry.userId !== user.id || entry.direction !== 'in') {
    deps.logger.info('queued_question_skipped', { userId: user.id, reason: 'no_question' });
    return;
  }
  const effect = { kind: 'answer_question', text: entry.body, asked: looksLikeQuestion(entry.body) } as const;
  // No queue and no origin: this call waits its whole (longer) budget, then the guard answers locally.
  const replies = await answerQuestion(
    { logger: deps.logger, ...(deps.language ? { language: deps.language } : {}) },
    effect,
    user.locale,
  );
  await deliverMessage(deps, user, replies.join('\n\n'), `answer:${job.messageId}`);
}
