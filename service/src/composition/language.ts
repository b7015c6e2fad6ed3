import {
  type BedrockClientOptions,
  createBedrockRuntimeClient,
} from '../adapters/bedrock-language/bedrock-client.ts';
import { BedrockLanguageModel } from '../adapters/bedrock-language/bedrock-language-model.ts';
import { OpenAiLanguageModel } from '../adapters/openai-language/openai-language-model.ts';
import { type Config, ConfigError } from '../config/config.ts';
import { GuardedLanguageModel } from '../core/knowledge/guarded-language-model.ts';
import { loadKnowledgeBase } from '../core/knowledge/knowledge-base.ts';
import { LocalLanguageModel } from '../core/knowledge/local-language-model.ts';
import type { CallBudget } from '../core/knowledge/model-call-budget.ts';
import type { LanguageModel, UnvalidatedLanguageModel } from '../core/ports/language-model.port.ts';
import type { Logger } from '../core/ports/logger.port.ts';

export interface LanguageParts {
  /** Tests only: the Bedrock Runtime endpoint (a fake on 127.0.0.1), region, credentials and budget. */
  bedrockClient?: BedrockClientOptions;
  /** Tests only: a shorter budget for the OpenAI-compatible adapter. */
  openaiBudget?: CallBudget;
  /** The call budget unless a test gives one: the inline budget by default, `QUEUED_CALL_BUDGET` for queued jobs. */
  budget?: CallBudget;
}

/**
 * `LANGUAGE_PROVIDER`: the local knowledge-base engine by default. `bedrock` (Converse) and `openai` (chat
 * completions against OPENAI_BASE_URL) are asked first, behind the guard: output that fails validation, an error
 * or a call past its time budget gets the local engine's answer instead, so the service never depends on a model.
 */
export function composeLanguage(config: Config, logger: Logger, parts: LanguageParts = {}): LanguageModel {
  const local = new LocalLanguageModel();
  const primary = modelAdapter(config, logger, parts);
  return primary ? new GuardedLanguageModel(primary, local, loadKnowledgeBase(), logger) : local;
}

function modelAdapter(
  config: Config,
  logger: Logger,
  parts: LanguageParts,
): UnvalidatedLanguageModel | undefined {
  const knowledge = loadKnowledgeBase();
  const { provider, bedrock, openai } = config.language;
  switch (provider) {
    case 'local':
      return undefined;
    case 'bedrock': {
      if (!bedrock) throw new ConfigError('Invalid configuration: BEDROCK_MODEL_ID: required for bedrock');
      const options = parts.bedrockClient ?? {};
      const budget = options.budget ?? parts.budget;
      return new BedrockLanguageModel({
        client: createBedrockRuntimeClient({ ...options, ...(budget ? { budget } : {}) }),
        modelId: bedrock.modelId,
        knowledge,
        logger,
        ...(budget ? { budget } : {}),
      });
    }
    case 'openai': {
      if (!openai) throw new ConfigError('Invalid configuration: OPENAI_BASE_URL: required for openai');
      const budget = parts.openaiBudget ?? parts.budget;
      return new OpenAiLanguageModel({ ...openai, knowledge, logger, ...(budget ? { budget } : {}) });
    }
  }
}
