import type { Config } from '../config/config.ts';
import { LocalLanguageModel } from '../core/knowledge/local-language-model.ts';
import type { LanguageModel } from '../core/ports/language-model.port.ts';
import type { Logger } from '../core/ports/logger.port.ts';

/** Providers whose adapters exist in this build. */
const BUILT = new Set(['local']);

/**
 * `LANGUAGE_PROVIDER`: the local knowledge-base engine by default. `bedrock` and `openai` are valid settings whose
 * adapters are not built yet: the service says so in one line at start-up and answers with the local engine.
 */
export function composeLanguage(config: Config, logger: Logger): LanguageModel {
  const requested = config.language.provider;
  if (!BUILT.has(requested)) {
    logger.warn('language_provider_not_built', {
      message: `LANGUAGE_PROVIDER=${requested} is not built yet; answering with the local engine`,
      requested,
      using: 'local',
    });
  }
  return new LocalLanguageModel();
}
