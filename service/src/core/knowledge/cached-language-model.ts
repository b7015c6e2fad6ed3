import { z } from 'zod';
import type { Cache } from '../ports/cache.port.ts';
import type {
  Classification,
  ClassifyRequest,
  LanguageModel,
  PhraseRequest,
  Phrasing,
  QuestionAnswer,
  QuestionRequest,
} from '../ports/language-model.port.ts';
import { questionAnswerSchema } from '../ports/language-model.port.ts';
import type { LanguageMetrics } from './language-metrics.ts';
import { answerCacheKey, type QuestionNormaliser } from './question-cache-key.ts';
import { questionCacheability } from './question-cacheability.ts';

/** Layout of a stored answer; part of the key, so a change never reads an old layout. */
export const ANSWER_CACHE_SCHEMA = 1;

const storedAnswerSchema = z
  .object({ answer: questionAnswerSchema, tokens: z.number().int().min(0).max(1_000_000) })
  .strict();

export interface CachedLanguageModelOptions {
  cache: Cache;
  /** `LANGUAGE_CACHE_TTL_SECONDS`, at least 1. */
  ttlSeconds: number;
  /** The model behind the port (`local`, a Bedrock model id, an OpenAI-compatible model name). */
  modelId: string;
  /** Changes whenever what the model is told changes (system prompt, tools, knowledge base). */
  promptVersion: string;
  normalise: QuestionNormaliser;
  /** Text → fixed-length hex digest (SHA-256 in production). */
  digest: (text: string) => string;
  metrics?: LanguageMetrics;
  /** Tokens one answered question costs, for `tokens saved`; the local engine costs none. */
  estimateTokens?: (request: QuestionRequest, answer: QuestionAnswer) => number;
}

/**
 * The response cache in front of the language model (issue 7): a question whose answer is the same for everyone
 * is answered once per normalised question (English and Spanish alike), topic restriction, model and prompt
 * version, and then from the cache until the TTL ends. A question whose answer depends on the user's own data
 * (`questionCacheability`) is never looked up or stored — so no cache entry ever holds anything of one user,
 * and an erasure has nothing to find. The stored value is the model's choice of knowledge-base entry (or no
 * match), never text: the reply is still written by core in the user's language.
 *
 * Classifying an utterance and phrasing a reply are not cached: both carry the user's own words and numbers.
 * A cache that fails or holds an unreadable value is a miss; the model answers, and the reply never waits on it.
 */
export class CachedLanguageModel implements LanguageModel {
  readonly provider;

  constructor(
    private readonly model: LanguageModel,
    private readonly options: CachedLanguageModelOptions,
  ) {
    this.provider = model.provider;
  }

  classify(request: ClassifyRequest): Promise<Classification> {
    return this.model.classify(request);
  }

  phrase(request: PhraseRequest): Promise<Phrasing> {
    return this.model.phrase(request);
  }

  async answerQuestion(request: QuestionRequest): Promise<QuestionAnswer> {
    const { metrics } = this.options;
    if (questionCacheability(request.text).kind === 'personal') {
      metrics?.cacheBypassed.inc();
      return this.model.answerQuestion(request);
    }
    const key = this.#key(request);
    const stored = await this.#read(key);
    if (stored) {
      metrics?.cacheHits.inc();
      metrics?.modelCallsSaved.inc();
      metrics?.tokensSaved.inc({}, stored.tokens);
      return stored.answer;
    }
    metrics?.cacheMisses.inc();
    const answer = await this.model.answerQuestion(request);
    const tokens = Math.max(
      0,
      Math.min(1_000_000, Math.round(this.options.estimateTokens?.(request, answer) ?? 0)),
    );
    await this.#write(key, { answer, tokens });
    return answer;
  }

  #key(request: QuestionRequest): string {
    const { normalise, digest, modelId, promptVersion } = this.options;
    return answerCacheKey(
      {
        schema: ANSWER_CACHE_SCHEMA,
        promptVersion,
        modelId,
        ...(request.topics ? { topics: request.topics } : {}),
        normalised: normalise(request.text, request.topics),
      },
      digest,
    );
  }

  async #read(key: string): Promise<z.infer<typeof storedAnswerSchema> | undefined> {
    try {
      const parsed = storedAnswerSchema.safeParse(await this.options.cache.get(key));
      return parsed.success ? parsed.data : undefined;
    } catch {
      // A cache that is down is a miss (ResilientCache logs the outage once); the model answers.
      return undefined;
    }
  }

  async #write(key: string, value: z.infer<typeof storedAnswerSchema>): Promise<void> {
    try {
      // No user tag: the value is no one's (personal questions never get here).
      await this.options.cache.set(key, value, { ttlSeconds: this.options.ttlSeconds });
    } catch {
      // Not stored: the next asker gets a miss, nothing worse.
    }
  }
}

/** About four characters per token: the usual rule of thumb for English and Spanish text. */
export function charTokenEstimate(promptTokens: number) {
  return (request: QuestionRequest, answer: QuestionAnswer): number =>
    promptTokens + Math.ceil((request.text.length + JSON.stringify(answer).length) / 4);
}
