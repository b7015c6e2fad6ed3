import type { Config } from '../config/config.ts';
import { type LanguageMetrics, registerLanguageMetrics } from '../core/knowledge/language-metrics.ts';
import { MetricsRegistry } from '../core/metrics/metrics-registry.ts';
import { type AppMetrics, registerHttpMetrics } from '../http/metrics-route.ts';

export interface ComposedMetrics {
  /** What the HTTP app counts and serves at `GET /metrics`. */
  app: AppMetrics;
  language: LanguageMetrics;
}

/** One registry per process: the HTTP counters and the language model's, served with `METRICS_TOKEN`. */
export function composeMetrics(config: Config): ComposedMetrics {
  const registry = new MetricsRegistry();
  return {
    app: {
      registry,
      http: registerHttpMetrics(registry),
      ...(config.metrics.token === undefined ? {} : { token: config.metrics.token }),
    },
    language: registerLanguageMetrics(registry),
  };
}
