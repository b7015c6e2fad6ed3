import type {
  Classification,
  ClassifyRequest,
  LanguageModel,
  PhraseRequest,
  Phrasing,
  QuestionAnswer,
  QuestionRequest,
  UnvalidatedLanguageModel,
} from '../ports/language-model.port.ts';
import { classificationSchema, phrasingSchema, questionAnswerSchema } from '../ports/language-model.port.ts';
import type { Logger } from '../ports/logger.port.ts';
import type { KnowledgeBase } from './knowledge-base.ts';
import { isModelTimeout, LanguageModelDeferred } from './model-call-budget.ts';

type Operation = 'classify' | 'answer_question' | 'phrase';

/**
 * A model's output is trusted only after this check: it must meet the port's zod schema, name a knowledge-base
 * entry that exists (in an allowed topic), and — when phrasing — carry exactly the numbers of the catalogue's
 * draft. A thrown error, a malformed answer or an invented number gives the local engine's answer instead, and a
 * log line naming the operation and the reason (never the message). A question asked with `deferIfSlow` whose
 * model call timed out is the one exception: it throws `LanguageModelDeferred`, and the caller queues it.
 */
export class GuardedLanguageModel implements LanguageModel {
  readonly provider;

  constructor(
    private readonly primary: UnvalidatedLanguageModel,
    private readonly local: LanguageModel,
    private readonly knowledge: KnowledgeBase,
    private readonly logger: Logger,
  ) {
    this.provider = primary.provider;
  }

  async classify(request: ClassifyRequest): Promise<Classification> {
    const raw = await this.attempt('classify', () => this.primary.classify(request));
    const parsed = raw.ok ? classificationSchema.safeParse(raw.value) : undefined;
    if (parsed?.success) return parsed.data;
    if (parsed) this.fellBack('classify', 'invalid_output');
    return this.local.classify(request);
  }

  async answerQuestion(request: QuestionRequest): Promise<QuestionAnswer> {
    const raw = await this.attempt('answer_question', () => this.primary.answerQuestion(request), {
      defer: request.deferIfSlow === true,
    });
    const parsed = raw.ok ? questionAnswerSchema.safeParse(raw.value) : undefined;
    if (parsed?.success) {
      const answer = parsed.data;
      if (answer.kind === 'no_match') return answer;
      const entry = this.knowledge.get(answer.entryId);
      const allowed =
        request.topics === undefined || (entry !== undefined && request.topics.includes(entry.topic));
      if (entry !== undefined && entry.topic === answer.topic && allowed) return answer;
      this.fellBack('answer_question', entry === undefined ? 'unknown_entry' : 'topic_not_allowed');
    } else if (parsed) {
      this.fellBack('answer_question', 'invalid_output');
    }
    return this.local.answerQuestion(request);
  }

  async phrase(request: PhraseRequest): Promise<Phrasing> {
    const raw = await this.attempt('phrase', () => this.primary.phrase(request));
    const parsed = raw.ok ? phrasingSchema.safeParse(raw.value) : undefined;
    if (parsed?.success) {
      if (sameNumbers(parsed.data.text, request.draft)) return parsed.data;
      this.fellBack('phrase', 'numbers_changed');
    } else if (parsed) {
      this.fellBack('phrase', 'invalid_output');
    }
    return this.local.phrase(request);
  }

  private async attempt(
    operation: Operation,
    call: () => Promise<unknown>,
    options: { defer?: boolean } = {},
  ): Promise<{ ok: true; value: unknown } | { ok: false }> {
    try {
      return { ok: true, value: await call() };
    } catch (error) {
      if (options.defer && isModelTimeout(error)) {
        this.logger.warn('language_model_deferred', { provider: this.provider, operation });
        throw new LanguageModelDeferred(`${operation} deferred to the queue`);
      }
      this.fellBack(operation, error instanceof Error ? error.name : 'error');
      return { ok: false };
    }
  }

  private fellBack(operation: Operation, reason: string): void {
    this.logger.warn('language_model_fallback', { provider: this.provider, operation, reason });
  }
}

/** The numbers written in a text ("1,200", "0.5", "$49.98" → "1200", "0.5", "49.98"), as a sorted multiset. */
export function numbersIn(text: string): string[] {
  return [...text.matchAll(/\d[\d,.]*/g)]
    .map((match) => match[0].replace(/[.,]$/, '').replace(/,(?=\d{3}\b)/g, ''))
    .sort();
}

/** A rewording may move numbers around but not add, drop or change one. */
export function sameNumbers(text: string, draft: string): boolean {
  const a = numbersIn(text);
  const b = numbersIn(draft);
  return a.length === b.length && a.every((value, index) => value === b[index]);
}
