import type { z } from 'zod';
import type { LanguageModel, UnvalidatedLanguageModel } from '../ports/language-model.port.ts';
import { classificationSchema, phrasingSchema, questionAnswerSchema } from '../ports/language-model.port.ts';
import type { Logger } from '../ports/logger.port.ts';
import type { LanguageMetrics } from './language-metrics.ts';

type Operation = 'classify' | 'answer_question' | 'phrase';
type Counters = Pick<LanguageMetrics, 'modelCalls' | 'modelErrors'>;

/**
 * Counts the calls that reach a language model (`language_model_calls_total`) and those that fail
 * (`language_model_errors_total`): thrown errors by `kind="thrown"`, and — for a raw adapter, before the guard —
 * output the port's schemas refuse by `kind="invalid_output"`. Results and errors pass through unchanged.
 */
export function meteredLanguageModel(model: LanguageModel, metrics: Counters): LanguageModel;
export function meteredLanguageModel(
  model: UnvalidatedLanguageModel,
  metrics: Counters,
): UnvalidatedLanguageModel;
export function meteredLanguageModel(
  model: UnvalidatedLanguageModel,
  metrics: Counters,
): UnvalidatedLanguageModel {
  const provider = model.provider;
  const meter = async (operation: Operation, schema: z.ZodType, call: () => Promise<unknown>) => {
    metrics.modelCalls.inc({ provider, operation });
    try {
      const value = await call();
      if (!schema.safeParse(value).success)
        metrics.modelErrors.inc({ provider, operation, kind: 'invalid_output' });
      return value;
    } catch (error) {
      metrics.modelErrors.inc({ provider, operation, kind: 'thrown' });
      throw error;
    }
  };
  return {
    provider,
    classify: (request) => meter('classify', classificationSchema, () => model.classify(request)),
    answerQuestion: (request) =>
      meter('answer_question', questionAnswerSchema, () => model.answerQuestion(request)),
    phrase: (request) => meter('phrase', phrasingSchema, () => model.phrase(request)),
  };
}

/** The guard's fallback event (`guarded-language-model.ts`): a model call that failed or was refused. */
const FALLBACK_EVENT = 'language_model_fallback';
const OPERATIONS = new Set<string>(['classify', 'answer_question', 'phrase']);

/**
 * A logger that also counts the guard's `language_model_fallback` events as `language_model_errors_total`
 * (`kind` = the guard's reason: an error name, `invalid_output`, `unknown_entry`, `numbers_changed` …). The guard
 * swallows a provider's failure and answers locally, so its log line is where the failure is visible; composition
 * hands this logger to the guard. Everything is still logged as before.
 */
export function loggerCountingModelErrors(
  logger: Logger,
  metrics: Pick<LanguageMetrics, 'modelErrors'>,
): Logger {
  return {
    debug: (event, fields) => logger.debug(event, fields),
    info: (event, fields) => logger.info(event, fields),
    error: (event, fields) => logger.error(event, fields),
    warn: (event, fields) => {
      if (event === FALLBACK_EVENT) {
        const operation = String(fields?.operation ?? '');
        metrics.modelErrors.inc({
          provider: String(fields?.provider ?? 'unknown'),
          operation: OPERATIONS.has(operation) ? operation : 'unknown',
          // Bounded: reasons are code words and error class names, never message text.
          kind: String(fields?.reason ?? 'unknown').slice(0, 40),
        });
      }
      logger.warn(event, fields);
    },
  };
}
