import { createHash } from 'node:crypto';
import type { Config } from '../config/config.ts';
import { CachedLanguageModel, charTokenEstimate } from '../core/knowledge/cached-language-model.ts';
import { loadKnowledgeBase } from '../core/knowledge/knowledge-base.ts';
import type { LanguageMetrics } from '../core/knowledge/language-metrics.ts';
import { loggerCountingModelErrors, meteredLanguageModel } from '../core/knowledge/metered-language-model.ts';
import { LANGUAGE_PROMPT_VERSION, systemPrompt } from '../core/knowledge/model-prompts.ts';
import { createQuestionNormaliser } from '../core/knowledge/question-cache-key.ts';
import type { Cache } from '../core/ports/cache.port.ts';
import type { LanguageModel } from '../core/ports/language-model.port.ts';
import type { Logger } from '../core/ports/logger.port.ts';
import { composeLanguage, type LanguageParts } from './language.ts';

export const sha256Hex = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Which model answers: a change of model never reads another model's answers. */
export function languageModelId(config: Config): string {
  const { provider, bedrock, openai } = config.language;
  if (provider === 'bedrock' && bedrock) return `bedrock:${bedrock.modelId}`;
  if (provider === 'openai' && openai) return `openai:${openai.baseUrl}:${openai.model}`;
  return 'local';
}

/**
 * The adapters' prompt version and a fingerprint of the knowledge base (the answer prompt lists its entries, and
 * the local engine retrieves from it): an edit to either never serves answers chosen under the old one.
 */
export function answerPromptVersion(): string {
  const fingerprint = sha256Hex(JSON.stringify(loadKnowledgeBase().entries)).slice(0, 16);
  return `${LANGUAGE_PROMPT_VERSION}:kb-${fingerprint}`;
}

/**
 * The language model as the use cases see it: `composeLanguage`'s provider, counted (calls, and errors as the
 * guard's fallbacks), behind the response cache unless `LANGUAGE_CACHE_TTL_SECONDS=0` or `CACHE=none`.
 */
export function composeObservedLanguage(
  config: Config,
  deps: { cache: Cache; logger: Logger; metrics: LanguageMetrics },
  parts: LanguageParts = {},
): LanguageModel {
  const composed = composeLanguage(config, loggerCountingModelErrors(deps.logger, deps.metrics), parts);
  const model = meteredLanguageModel(composed, deps.metrics);
  if (config.language.cacheTtlSeconds === 0 || deps.cache.kind === 'none') return model;
  const knowledge = loadKnowledgeBase();
  // A hosted model reads the answer prompt (rules and the knowledge-base index) on every call; the local engine
  // spends no tokens at all.
  const promptTokens = Math.ceil(systemPrompt('answer_question', knowledge).length / 4);
  return new CachedLanguageModel(model, {
    cache: deps.cache,
    ttlSeconds: config.language.cacheTtlSeconds,
    modelId: languageModelId(config),
    promptVersion: answerPromptVersion(),
    normalise: createQuestionNormaliser(knowledge),
    digest: sha256Hex,
    metrics: deps.metrics,
    estimateTokens: model.provider === 'local' ? () => 0 : charTokenEstimate(promptTokens),
  });
}
