import { describe, expect, it } from 'vitest';
import { MetricsRegistry } from '../metrics/metrics-registry.ts';
import type { UnvalidatedLanguageModel } from '../ports/language-model.port.ts';
import { silentLogger } from '../ports/logger.port.ts';
import { GuardedLanguageModel } from './guarded-language-model.ts';
import { loadKnowledgeBase } from './knowledge-base.ts';
import { registerLanguageMetrics } from './language-metrics.ts';
import { LocalLanguageModel } from './local-language-model.ts';
import { loggerCountingModelErrors, meteredLanguageModel } from './metered-language-model.ts';

const raw = (answers: (() => Promise<unknown>)[]): UnvalidatedLanguageModel => ({
  provider: 'openai',
  classify: async () => ({ kind: 'none' }),
  phrase: async () => ({ text: 'ok' }),
  answerQuestion: () => (answers.shift() ?? (async () => ({ kind: 'no_match' })))(),
});

describe('meteredLanguageModel', () => {
  it('counts every call, thrown errors and output outside the schema, passing both through', async () => {
    const metrics = registerLanguageMetrics(new MetricsRegistry());
    const model = meteredLanguageModel(
      raw([
        async () => ({ kind: 'answer', entryId: 'carbs-bad', topic: 'macros' }),
        async () => ({ kind: 'answer', text: 'eat less' }),
        async () => {
          throw new Error('timeout');
        },
      ]),
      metrics,
    );
    const request = { text: 'are carbs bad?', locale: 'en' as const };
    await model.answerQuestion(request);
    expect(await model.answerQuestion(request)).toEqual({ kind: 'answer', text: 'eat less' });
    await expect(model.answerQuestion(request)).rejects.toThrow('timeout');
    await model.classify(request);
    const labels = { provider: 'openai', operation: 'answer_question' };
    expect(metrics.modelCalls.value(labels)).toBe(3);
    expect(metrics.modelCalls.value({ provider: 'openai', operation: 'classify' })).toBe(1);
    expect(metrics.modelErrors.value({ ...labels, kind: 'invalid_output' })).toBe(1);
    expect(metrics.modelErrors.value({ ...labels, kind: 'thrown' })).toBe(1);
  });
});

describe('loggerCountingModelErrors', () => {
  it('turns the guard\u2019s fallbacks into language_model_errors_total by reason', async () => {
    const metrics = registerLanguageMetrics(new MetricsRegistry());
    const logger = loggerCountingModelErrors(silentLogger, metrics);
    const guarded = new GuardedLanguageModel(
      raw([
        async () => ({ kind: 'answer', entryId: 'no-such-entry', topic: 'macros' }),
        async () => {
          throw new TypeError('fetch failed');
        },
      ]),
      new LocalLanguageModel(),
      loadKnowledgeBase(),
      logger,
    );
    const request = { text: 'are carbs bad?', locale: 'en' as const };
    expect(await guarded.answerQuestion(request)).toMatchObject({ entryId: 'carbs-bad' });
    expect(await guarded.answerQuestion(request)).toMatchObject({ entryId: 'carbs-bad' });
    const labels = { provider: 'openai', operation: 'answer_question' };
    expect(metrics.modelErrors.value({ ...labels, kind: 'unknown_entry' })).toBe(1);
    expect(metrics.modelErrors.value({ ...labels, kind: 'TypeError' })).toBe(1);
  });
});
