import { z } from 'zod';
import { LANGUAGE_PROVIDERS, type LanguageProvider } from '../core/ports/language-model.port.ts';

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);

/** The language model's environment variables (part of `envSchema`); `.env.example` documents each one. */
export const languageEnvShape = {
  LANGUAGE_PROVIDER: z.preprocess(emptyAsUndefined, z.enum(LANGUAGE_PROVIDERS).default('local')),
};

export interface LanguageConfig {
  /** `local` (default): the knowledge-base engine. `bedrock` / `openai` are accepted; their adapters come later. */
  provider: LanguageProvider;
}

export function languageConfig(env: { LANGUAGE_PROVIDER: LanguageProvider }): LanguageConfig {
  return { provider: env.LANGUAGE_PROVIDER };
}
