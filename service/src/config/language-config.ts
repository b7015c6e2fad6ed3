import { z } from 'zod';
import { MAX_CACHE_TTL_SECONDS } from '../core/ports/cache.port.ts';
import { LANGUAGE_PROVIDERS, type LanguageProvider } from '../core/ports/language-model.port.ts';

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);

/** The language model's environment variables (part of `envSchema`); `.env.example` documents each one. */
export const languageEnvShape = {
  LANGUAGE_PROVIDER: z.preprocess(emptyAsUndefined, z.enum(LANGUAGE_PROVIDERS).default('local')),
  /** Seconds a shared answer stays in the response cache; 0 turns the cache off. At most a year. */
  LANGUAGE_CACHE_TTL_SECONDS: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().min(0).max(MAX_CACHE_TTL_SECONDS).default(86_400),
  ),
  /** Bedrock model or inference-profile id (or ARN); required when LANGUAGE_PROVIDER is bedrock. */
  BEDROCK_MODEL_ID: z.preprocess(emptyAsUndefined, z.string().trim().min(1).max(2048).optional()),
  /** An OpenAI-compatible API up to its version, e.g. http://127.0.0.1:11434/v1; required for openai. */
  OPENAI_BASE_URL: z.preprocess(emptyAsUndefined, z.url({ protocol: /^https?$/ }).optional()),
  OPENAI_MODEL: z.preprocess(emptyAsUndefined, z.string().trim().min(1).max(256).optional()),
  /** Secret; local servers (Ollama, llama.cpp, vLLM) usually need none. */
  OPENAI_API_KEY: z.preprocess(emptyAsUndefined, z.string().min(1).max(512).optional()),
};

export interface LanguageConfig {
  /**
   * `local` (default): the knowledge-base engine. `bedrock` (Converse) or `openai` (chat completions) ask a model
   * first and fall back to the local engine on anything invalid, slow or failed.
   */
  provider: LanguageProvider;
  /** Set when `provider` is `bedrock`. */
  bedrock?: { modelId: string };
  /** Set when `provider` is `openai`. */
  openai?: { baseUrl: string; model: string; apiKey?: string };
  /** Response cache TTL for answers that are the same for everyone; 0: no response cache. */
  cacheTtlSeconds: number;
}

type LanguageEnv = z.infer<z.ZodObject<typeof languageEnvShape>>;

/** `fail` reports a missing setting as one line naming the variable (config.ts throws it as a ConfigError). */
export function languageConfig(env: LanguageEnv, fail: (message: string) => never): LanguageConfig {
  const base = { provider: env.LANGUAGE_PROVIDER, cacheTtlSeconds: env.LANGUAGE_CACHE_TTL_SECONDS };
  const required = (name: string, value: string | undefined): string =>
    value ??
    fail(`Invalid configuration: ${name}: required when LANGUAGE_PROVIDER is ${env.LANGUAGE_PROVIDER}`);
  switch (env.LANGUAGE_PROVIDER) {
    case 'local':
      return base;
    case 'bedrock':
      return { ...base, bedrock: { modelId: required('BEDROCK_MODEL_ID', env.BEDROCK_MODEL_ID) } };
    case 'openai':
      return {
        ...base,
        openai: {
          baseUrl: required('OPENAI_BASE_URL', env.OPENAI_BASE_URL).replace(/\/+$/, ''),
          model: required('OPENAI_MODEL', env.OPENAI_MODEL),
          ...(env.OPENAI_API_KEY === undefined ? {} : { apiKey: env.OPENAI_API_KEY }),
        },
      };
  }
}
