import { loadKnowledgeBase } from '../knowledge/knowledge-base.ts';
import type { KnowledgeTopic } from '../knowledge/knowledge-entry.ts';
import { createQuestionMatcher, type QuestionMatcher } from '../knowledge/match-question.ts';
import type { Decision } from './conversation-types.ts';
import type { MessageCatalog } from './messages/index.ts';
import type { AnswerQuestionEffect } from './question-effect.ts';

export type { AnswerQuestionEffect };

const QUESTION_OPENERS = new Set(
  `what whats which who why how when where is are was were can could should would will do does did am
  tell explain any
  que qué cual cuál cuales cuáles quien quién por porque cómo como cuanto cuánto cuanta cuánta cuantos cuántos
  cuantas cuántas cuando cuándo donde dónde es son puedo puede pueden debo debe deberia debería hay sirve sirven
  conviene existe existen dime explica explícame explicame cuentame cuéntame`.split(/\s+/),
);

/** A question mark, or a first word that opens a question in English or Spanish. */
export function looksLikeQuestion(text: string): boolean {
  if (/[?¿]/.test(text)) return true;
  const first =
    text
      .trim()
      .toLowerCase()
      .split(/[\s,]+/)[0] ?? '';
  return QUESTION_OPENERS.has(first.replace(/^[¡"'(]+/, '').replace(/'s$/, 's'));
}

let localMatcher: QuestionMatcher | undefined;

/** Names something the knowledge base covers ("protein on a budget", "fibra"), question mark or not. */
function mentionsKnowledgeTopic(text: string): boolean {
  localMatcher ??= createQuestionMatcher(loadKnowledgeBase());
  return localMatcher.match(text).kind === 'match';
}

/**
 * What a ready user's message falls to when nothing else reads it. A question, or words on a topic the knowledge
 * base covers, goes to the language model port (which may still find no answer); anything else gets the menu.
 */
export function questionDecision(text: string, base: Decision, m: MessageCatalog): Decision {
  const asked = looksLikeQuestion(text);
  if (!asked && !mentionsKnowledgeTopic(text)) return { ...base, replies: [m.menu()] };
  return { ...base, effect: { kind: 'answer_question', text, asked } };
}

/** Topics that may follow a pregnancy or medical-condition safety reply: general facts that defer to a clinician. */
export const CLINICIAN_TOPICS: KnowledgeTopic[] = ['clinician'];

/** The safety reply first, then — for a question — general facts from the clinician entries, if one matches. */
export function afterSafetyReply(text: string, base: Decision, replies: string[]): Decision {
  if (!looksLikeQuestion(text)) return { ...base, replies };
  return {
    ...base,
    replies,
    effect: { kind: 'answer_question', text, asked: false, lead: replies, topics: CLINICIAN_TOPICS },
  };
}
