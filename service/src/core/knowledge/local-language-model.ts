import { isFoodLog } from '../conversation/food-log-intent.ts';
import { parseProfileUpdate } from '../conversation/parse/index.ts';
import { parsePlanEdit } from '../conversation/plan-edit-intent.ts';
import { isPlanRequest } from '../conversation/plan-intent.ts';
import { planQuery } from '../conversation/plan-queries.ts';
import { looksLikeQuestion } from '../conversation/question-intent.ts';
import type {
  Classification,
  ClassifyRequest,
  LanguageModel,
  PhraseRequest,
  Phrasing,
  QuestionAnswer,
  QuestionRequest,
} from '../ports/language-model.port.ts';
import type { ToolCall } from '../ports/language-tools.ts';
import { type KnowledgeBase, loadKnowledgeBase } from './knowledge-base.ts';
import { createQuestionMatcher, type QuestionMatcher } from './match-question.ts';

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

/**
 * The default language engine: no model at all. It reads intents with the coach's own rule-based parsers, answers
 * questions by retrieval over the knowledge base, and phrases a reply as the catalogue wrote it. Deterministic,
 * so the same message always gets the same answer; it is also what any other provider falls back to.
 */
export class LocalLanguageModel implements LanguageModel {
  readonly provider = 'local' as const;
  private readonly matcher: QuestionMatcher;

  constructor(readonly knowledge: KnowledgeBase = loadKnowledgeBase()) {
    this.matcher = createQuestionMatcher(knowledge);
  }

  async classify({ text }: ClassifyRequest): Promise<Classification> {
    const call = localToolCall(text);
    return call ? { kind: 'tool', call } : { kind: 'none' };
  }

  async answerQuestion({ text, topics }: QuestionRequest): Promise<QuestionAnswer> {
    const found = this.matcher.match(text, topics ? { topics } : {});
    return found.kind === 'match'
      ? { kind: 'answer', entryId: found.entry.id, topic: found.entry.topic }
      : { kind: 'no_match' };
  }

  async phrase({ draft }: PhraseRequest): Promise<Phrasing> {
    return { text: draft };
  }
}

/** The ready-state routing order (ready.ts), expressed as the port's tools. */
function localToolCall(text: string): ToolCall | undefined {
  const edit = parsePlanEdit(text);
  if (edit?.kind === 'swap_meal') {
    const day =
      edit.day.kind === 'weekday'
        ? WEEKDAYS[edit.day.weekday]
        : edit.day.offset === 1
          ? 'tomorrow'
          : edit.day.offset === 0
            ? 'today'
            : undefined;
    return { name: 'swap_meal', input: day ? { slot: edit.slot, day } : { slot: edit.slot } };
  }
  if (isFoodLog(text)) return { name: 'log_food', input: { text } };
  const query = planQuery(text);
  if (query?.kind === 'shopping_list') return { name: 'grocery_list', input: {} };
  if (query?.kind === 'summary') return { name: 'day_summary', input: { range: query.range } };
  if (isPlanRequest(text)) return { name: 'make_plan', input: {} };
  const { tooYoung: _tooYoung, ...update } = parseProfileUpdate(text);
  if (Object.values(update).some((value) => value !== undefined))
    return { name: 'update_profile', input: { text } };
  if (looksLikeQuestion(text)) return { name: 'answer_question', input: { question: text } };
  return undefined;
}
