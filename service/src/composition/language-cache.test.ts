import { describe, expect, it } from 'vitest';
import { MemoryCache } from '../adapters/memory-cache/memory-cache.ts';
import { loadConfig } from '../config/config.ts';
import { noCache } from '../core/cache/resilient-cache.ts';
import { CachedLanguageModel } from '../core/knowledge/cached-language-model.ts';
import { registerLanguageMetrics } from '../core/knowledge/language-metrics.ts';
import { MetricsRegistry } from '../core/metrics/metrics-registry.ts';
import { silentLogger } from '../core/ports/logger.port.ts';
import { answerPromptVersion, composeObservedLanguage, languageModelId } from './language-cache.ts';

const clock = { now: () => new Date('2026-11-26T12:00:00Z') };
const deps = (cache = new MemoryCache({ clock })) => ({
  cache,
  logger: silentLogger,
  metrics: registerLanguageMetrics(new MetricsRegistry()),
});

describe('composeObservedLanguage', () => {
  it('puts the response cache in front by default (TTL one day)', () => {
    const config = loadConfig({});
    expect(config.language.cacheTtlSeconds).toBe(86_400);
    expect(composeObservedLanguage(config, deps())).toBeInstanceOf(CachedLanguageModel);
  });

  it('leaves it out with LANGUAGE_CACHE_TTL_SECONDS=0 or CACHE=none, still counting calls', async () => {
    const counted = deps();
    const model = composeObservedLanguage(loadConfig({ LANGUAGE_CACHE_TTL_SECONDS: '0' }), counted);
    expect(model).not.toBeInstanceOf(CachedLanguageModel);
    expect(composeObservedLanguage(loadConfig({}), deps(noCache as MemoryCache))).not.toBeInstanceOf(
      CachedLanguageModel,
    );
    await model.answerQuestion({ text: 'are carbs bad?', locale: 'en' });
    expect(counted.metrics.modelCalls.value({ provider: 'local', operation: 'answer_question' })).toBe(1);
  });

  it('refuses a TTL that is not a whole number of seconds up to a year', () => {
    expect(() => loadConfig({ LANGUAGE_CACHE_TTL_SECONDS: '-1' })).toThrow(/LANGUAGE_CACHE_TTL_SECONDS/);
    expect(() => loadConfig({ LANGUAGE_CACHE_TTL_SECONDS: '1.5' })).toThrow(/LANGUAGE_CACHE_TTL_SECONDS/);
    expect(() => loadConfig({ LANGUAGE_CACHE_TTL_SECONDS: '31536001' })).toThrow(
      /LANGUAGE_CACHE_TTL_SECONDS/,
    );
  });

  it('keys on the model actually configured and the prompt version', () => {
    expect(languageModelId(loadConfig({}))).toBe('local');
    expect(languageModelId(loadConfig({ LANGUAGE_PROVIDER: 'bedrock', BEDROCK_MODEL_ID: 'm-1' }))).toBe(
      'bedrock:m-1',
    );
    expect(
      languageModelId(
        loadConfig({
          LANGUAGE_PROVIDER: 'openai',
          OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1',
          OPENAI_MODEL: 'qwen',
        }),
      ),
    ).toBe('openai:http://127.0.0.1:11434/v1:qwen');
    expect(answerPromptVersion()).toMatch(/^language-prompts-.+:kb-[0-9a-f]{16}$/);
  });
});
