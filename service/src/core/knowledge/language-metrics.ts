import type { Counter, MetricsRegistry } from '../metrics/metrics-registry.ts';

/** What the language model and its response cache count, as `GET /metrics` shows it. */
export interface LanguageMetrics {
  /** A shared question answered from the cache. */
  cacheHits: Counter;
  /** A shared question not in the cache (the model answered, and the answer was stored). */
  cacheMisses: Counter;
  /** A question whose answer depends on the user's own data: never looked up, never stored. */
  cacheBypassed: Counter;
  /** Model calls a hit spared (one per hit). */
  modelCallsSaved: Counter;
  /** Estimated tokens (prompt and answer) those calls would have used. */
  tokensSaved: Counter;
  /** Calls that reached the language model, by provider and operation. */
  modelCalls: Counter;
  /** Calls that threw or returned output the port's schema refuses. */
  modelErrors: Counter;
}

export function registerLanguageMetrics(registry: MetricsRegistry): LanguageMetrics {
  return {
    cacheHits: registry.counter(
      'language_cache_hits_total',
      'Shared questions answered from the response cache',
    ),
    cacheMisses: registry.counter(
      'language_cache_misses_total',
      'Shared questions not found in the response cache (the model answered)',
    ),
    cacheBypassed: registry.counter(
      'language_cache_bypassed_total',
      "Questions whose answer depends on the user's own data, never cached",
    ),
    modelCallsSaved: registry.counter(
      'language_cache_model_calls_saved_total',
      'Language model calls the response cache spared',
    ),
    tokensSaved: registry.counter(
      'language_cache_tokens_saved_total',
      'Estimated language model tokens (prompt and answer) the response cache spared',
    ),
    modelCalls: registry.counter('language_model_calls_total', 'Calls that reached the language model', [
      'provider',
      'operation',
    ]),
    modelErrors: registry.counter(
      'language_model_errors_total',
      'Language model calls that failed (thrown) or answered outside the schema (invalid_output)',
      ['provider', 'operation', 'kind'],
    ),
  };
}
