import { z } from 'zod';

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);

/** `GET /metrics`' environment variable (part of `envSchema`); `.env.example` documents it. */
export const metricsEnvShape = {
  /**
   * Bearer token Prometheus sends to `GET /metrics` (`authorization: { credentials: … }` in its scrape config).
   * Unset: the route answers 404, so counters are never public by accident. Secret; 32 to 512 characters.
   */
  METRICS_TOKEN: z.preprocess(emptyAsUndefined, z.string().min(32).max(512).optional()),
};

export interface MetricsConfig {
  /** Undefined: `/metrics` is off. */
  token?: string;
}

export function metricsConfig(env: { METRICS_TOKEN?: string | undefined }): MetricsConfig {
  return env.METRICS_TOKEN === undefined ? {} : { token: env.METRICS_TOKEN };
}
