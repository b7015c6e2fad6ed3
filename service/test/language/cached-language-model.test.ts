import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MemoryCache } from '../../src/adapters/memory-cache/memory-cache.ts';
import { CLINICIAN_TOPICS } from '../../src/core/conversation/question-intent.ts';
import {
  CachedLanguageModel,
  type CachedLanguageModelOptions,
  charTokenEstimate,
} from '../../src/core/knowledge/cached-language-model.ts';
import { loadKnowledgeBase } from '../../src/core/knowledge/knowledge-base.ts';
import { registerLanguageMetrics } from '../../src/core/knowledge/language-metrics.ts';
import { LocalLanguageModel } from '../../src/core/knowledge/local-language-model.ts';
import { createQuestionNormaliser } from '../../src/core/knowledge/question-cache-key.ts';
import { MetricsRegistry } from '../../src/core/metrics/metrics-registry.ts';
import type { Cache, CacheSetOptions, JsonValue } from '../../src/core/ports/cache.port.ts';
import type {
  LanguageModel,
  QuestionAnswer,
  QuestionRequest,
} from '../../src/core/ports/language-model.port.ts';
import { keyPairRows } from '../fixtures/language-cacheability.ts';

const digest = (text: string) => createHash('sha256').update(text).digest('hex');
const normalise = createQuestionNormaliser(loadKnowledgeBase());

class Clock {
  constructor(public ms = Date.parse('2026-11-26T12:00:00Z')) {}
  now = () => new Date(this.ms);
}

/** The local engine, counting calls: stands in for a hosted model. */
function countingModel() {
  const local = new LocalLanguageModel();
  const calls: QuestionRequest[] = [];
  const model: LanguageModel = {
    provider: 'bedrock',
    classify: (request) => local.classify(request),
    phrase: (request) => local.phrase(request),
    answerQuestion: async (request) => {
      calls.push(request);
      return local.answerQuestion(request);
    },
  };
  return { model, calls };
}

/** Records every write, so a test can read what reached the cache. */
class RecordingCache implements Cache {
  readonly kind = 'memory';
  readonly writes: { key: string; value: JsonValue; options: CacheSetOptions }[] = [];
  constructor(private readonly inner: Cache) {}
  get(key: string) {
    return this.inner.get(key);
  }
  async set(key: string, value: JsonValue, options: CacheSetOptions) {
    this.writes.push({ key, value, options });
    await this.inner.set(key, value, options);
  }
  delete(key: string) {
    return this.inner.delete(key);
  }
  deleteTagged(tag: string) {
    return this.inner.deleteTagged(tag);
  }
  increment(key: string, ttlSeconds: number) {
    return this.inner.increment(key, ttlSeconds);
  }
}

function setup(overrides: Partial<CachedLanguageModelOptions> = {}) {
  const clock = new Clock();
  const memory = new MemoryCache({ clock });
  const cache = new RecordingCache(memory);
  const registry = new MetricsRegistry();
  const metrics = registerLanguageMetrics(registry);
  const { model, calls } = countingModel();
  const options: CachedLanguageModelOptions = {
    cache,
    ttlSeconds: 3600,
    modelId: 'anthropic.claude-test',
    promptVersion: 'answer-1:kb-test',
    normalise,
    digest,
    metrics,
    estimateTokens: charTokenEstimate(900),
    ...overrides,
  };
  return {
    cached: new CachedLanguageModel(model, options),
    options,
    model,
    calls,
    clock,
    memory,
    cache,
    metrics,
  };
}

const ask = (
  model: LanguageModel,
  text: string,
  locale: 'en' | 'es' = 'en',
  extra: Partial<QuestionRequest> = {},
) => model.answerQuestion({ text, locale, ...extra });

describe('CachedLanguageModel: shared questions', () => {
  it('asks the model once per question; a paraphrase is a hit with the same answer, counted', async () => {
    const { cached, calls, metrics } = setup();
    const first = await ask(cached, 'How much fibre do I need?');
    const second = await ask(cached, 'how much fiber should i get a day');
    expect(first).toEqual({ kind: 'answer', entryId: 'fibre-needs', topic: 'fibre' });
    expect(second).toEqual(first);
    expect(calls).toHaveLength(1);
    expect(metrics.cacheMisses.value()).toBe(1);
    expect(metrics.cacheHits.value()).toBe(1);
    expect(metrics.modelCallsSaved.value()).toBe(1);
    // 900 prompt tokens plus the first question and its answer at about four characters a token.
    const answerChars = JSON.stringify(first).length;
    expect(metrics.tokensSaved.value()).toBe(
      900 + Math.ceil(('How much fibre do I need?'.length + answerChars) / 4),
    );
  });

  it('caches "no match" too: an out-of-scope question is no one\u2019s', async () => {
    const { cached, calls } = setup();
    expect(await ask(cached, 'who won the world cup')).toEqual({ kind: 'no_match' });
    expect(await ask(cached, 'Who won the World Cup?')).toEqual({ kind: 'no_match' });
    expect(calls).toHaveLength(1);
  });

  it('stores only the answer and its token estimate, under a digest key, with the TTL and no user tag', async () => {
    const { cached, cache } = setup();
    await ask(cached, 'is honey healthier than sugar?');
    expect(cache.writes).toHaveLength(1);
    const [write] = cache.writes;
    expect(write?.key).toMatch(/^language:answer:[0-9a-f]{64}$/);
    expect(write?.value).toEqual({
      answer: { kind: 'answer', entryId: 'honey-vs-sugar', topic: 'sugar' },
      tokens: expect.any(Number),
    });
    expect(write?.options).toEqual({ ttlSeconds: 3600 });
  });

  it('misses again once the TTL has passed', async () => {
    const { cached, calls, clock } = setup();
    await ask(cached, 'are carbs bad?');
    clock.ms += 3600 * 1000;
    await ask(cached, 'are carbs bad?');
    expect(calls).toHaveLength(1);
    clock.ms += 1000;
    await ask(cached, 'are carbs bad?');
    expect(calls).toHaveLength(2);
  });

  it('another model id or prompt version never reads the old answers', async () => {
    const { cached, options, model, calls } = setup();
    await ask(cached, 'are carbs bad?');
    await ask(new CachedLanguageModel(model, { ...options, modelId: 'another-model' }), 'are carbs bad?');
    await ask(
      new CachedLanguageModel(model, { ...options, promptVersion: 'answer-2:kb-test' }),
      'are carbs bad?',
    );
    await ask(cached, 'are carbs bad?');
    expect(calls).toHaveLength(3);
  });

  it.each(keyPairRows.map((row) => [row.why, row] as const))('key pair: %s', async (_why, row) => {
    const { cached, calls } = setup();
    const topics = (side: { clinicianOnly?: boolean }) =>
      side.clinicianOnly ? { topics: CLINICIAN_TOPICS } : {};
    await ask(cached, row.a.text, row.a.locale, topics(row.a));
    await ask(cached, row.b.text, row.b.locale, topics(row.b));
    expect(calls.length === 1).toBe(row.same);
  });
});

describe('CachedLanguageModel: personal questions', () => {
  it('never reads or writes the cache for a question that depends on the user\u2019s own data', async () => {
    const { cached, calls, cache, memory, metrics } = setup();
    for (const text of [
      "I'm pregnant, can I eat tuna?",
      'is coffee bad for me?',
      '¿el café es malo para mí?',
    ]) {
      await ask(cached, text);
      await ask(cached, text);
    }
    expect(calls).toHaveLength(6);
    expect(cache.writes).toEqual([]);
    expect(memory.size).toBe(0);
    expect(metrics.cacheBypassed.value()).toBe(6);
    expect(metrics.cacheHits.value() + metrics.cacheMisses.value()).toBe(0);
  });

  it('a personal question after the same general one still goes to the model', async () => {
    const { cached, calls } = setup();
    await ask(cached, 'is coffee bad?');
    await ask(cached, 'is coffee bad for me?');
    expect(calls.map((call) => call.text)).toEqual(['is coffee bad?', 'is coffee bad for me?']);
  });
});

describe('CachedLanguageModel: a cache that fails or lies', () => {
  const broken: Cache = {
    kind: 'redis',
    get: async () => {
      throw new Error('ECONNREFUSED');
    },
    set: async () => {
      throw new Error('ECONNREFUSED');
    },
    delete: async () => {},
    deleteTagged: async () => {},
    increment: async () => {
      throw new Error('ECONNREFUSED');
    },
  };

  it('answers from the model when the cache throws', async () => {
    const { cached, calls } = setup({ cache: broken });
    expect(await ask(cached, 'are carbs bad?')).toMatchObject({ kind: 'answer', entryId: 'carbs-bad' });
    expect(calls).toHaveLength(1);
  });

  it('treats a value it did not write (wrong shape, unknown topic) as a miss, and overwrites it', async () => {
    const { cached, calls, cache } = setup();
    await ask(cached, 'are carbs bad?');
    const key = cache.writes[0]?.key ?? '';
    for (const junk of [
      'text',
      { answer: { kind: 'answer', entryId: 'x', topic: 'astrology' }, tokens: 1 },
      null,
    ]) {
      await cache.set(key, junk as JsonValue, { ttlSeconds: 60 });
      expect(await ask(cached, 'are carbs bad?')).toMatchObject({ entryId: 'carbs-bad' });
    }
    expect(calls).toHaveLength(4);
  });
});

describe('CachedLanguageModel: what is not cached', () => {
  it('classify and phrase always reach the model (they carry the user\u2019s words and numbers)', async () => {
    const { cached, cache } = setup();
    const seen: string[] = [];
    const model: LanguageModel = {
      provider: 'openai',
      classify: async () => {
        seen.push('classify');
        return { kind: 'none' };
      },
      phrase: async ({ draft }) => {
        seen.push('phrase');
        return { text: draft };
      },
      answerQuestion: async (): Promise<QuestionAnswer> => ({ kind: 'no_match' }),
    };
    const wrapped = new CachedLanguageModel(model, { ...setup().options, cache });
    for (let i = 0; i < 2; i++) {
      await wrapped.classify({ text: 'had 2 eggs', locale: 'en' });
      await wrapped.phrase({ locale: 'en', tool: 'day_summary', draft: 'You had 1,850 kcal of 2,000.' });
    }
    expect(seen).toEqual(['classify', 'phrase', 'classify', 'phrase']);
    expect(cache.writes).toEqual([]);
    expect(cached.provider).toBe('bedrock');
    expect(wrapped.provider).toBe('openai');
  });
});
