import { z } from 'zod';
import type { KnowledgeBase } from '../../core/knowledge/knowledge-base.ts';
import {
  type CallBudget,
  DEFAULT_CALL_BUDGET,
  withinBudget,
} from '../../core/knowledge/model-call-budget.ts';
import { type ModelOperation, systemPrompt, userMessage } from '../../core/knowledge/model-prompts.ts';
import { toolsFor } from '../../core/knowledge/model-tools.ts';
import { type ModelTurn, readTurn } from '../../core/knowledge/model-turn.ts';
import type {
  ClassifyRequest,
  PhraseRequest,
  QuestionRequest,
  UnvalidatedLanguageModel,
} from '../../core/ports/language-model.port.ts';
import type { Logger } from '../../core/ports/logger.port.ts';
import { OpenAiCompatibleError, type OpenAiEndpoint, postChatCompletion } from './openai-chat-client.ts';

/** The part of a chat completion this adapter reads; anything else in it is ignored. */
const completionSchema = z.object({
  choices: z
    .array(
      z.object({
        finish_reason: z.string().nullish(),
        message: z.object({
          content: z.string().nullish(),
          tool_calls: z
            .array(z.object({ function: z.object({ name: z.string(), arguments: z.string().nullish() }) }))
            .nullish(),
        }),
      }),
    )
    .min(1),
  usage: z
    .object({
      prompt_tokens: z.number().nullish(),
      completion_tokens: z.number().nullish(),
      prompt_tokens_details: z.object({ cached_tokens: z.number().nullish() }).nullish(),
    })
    .nullish(),
});

/** Finish reasons after which the turn is whole; `length` (cut off) and `content_filter` are not used. */
const COMPLETE = new Set(['stop', 'tool_calls', 'function_call']);

export interface OpenAiLanguageModelOptions extends OpenAiEndpoint {
  model: string;
  knowledge: KnowledgeBase;
  logger: Logger;
  budget?: CallBudget;
}

/**
 * Any server that speaks OpenAI's chat completions with tools: Ollama, llama.cpp's server, vLLM (or OpenAI
 * itself). The system prompt is the same text on every call, first in the request, so servers that cache a
 * prompt prefix reuse it. Output is returned raw for the guard; logs carry token counts only.
 */
export class OpenAiLanguageModel implements UnvalidatedLanguageModel {
  readonly provider = 'openai' as const;
  private readonly budget: CallBudget;

  constructor(private readonly options: OpenAiLanguageModelOptions) {
    this.budget = options.budget ?? DEFAULT_CALL_BUDGET;
  }

  classify(request: ClassifyRequest): Promise<unknown> {
    return this.ask('classify', userMessage('classify', request));
  }

  answerQuestion(request: QuestionRequest): Promise<unknown> {
    return this.ask('answer_question', userMessage('answer_question', request));
  }

  phrase(request: PhraseRequest): Promise<unknown> {
    return this.ask('phrase', userMessage('phrase', request));
  }

  private async ask(operation: ModelOperation, message: string): Promise<unknown> {
    const { model, knowledge, logger } = this.options;
    const tools = toolsFor(operation).map((tool) => ({
      type: 'function',
      function: { name: tool.name, description: tool.description, parameters: tool.parameters },
    }));
    const body = {
      model,
      messages: [
        { role: 'system', content: systemPrompt(operation, knowledge) },
        { role: 'user', content: message },
      ],
      ...(tools.length > 0 ? { tools, tool_choice: 'auto' } : {}),
      temperature: 0,
      max_tokens: operation === 'phrase' ? 700 : 300,
    };
    const started = Date.now();
    try {
      const { json, attempts } = await withinBudget(this.budget.totalMs, (signal) =>
        postChatCompletion(this.options, body, this.budget, signal),
      );
      const parsed = completionSchema.safeParse(json);
      if (!parsed.success) {
        logger.warn('language_model_malformed', { provider: 'openai', operation, model, attempts });
        return { malformed: true };
      }
      const choice = parsed.data.choices[0];
      const usage = parsed.data.usage;
      logger.info('language_model_call', {
        provider: 'openai',
        operation,
        model,
        attempts,
        finishReason: choice?.finish_reason ?? null,
        inputTokens: usage?.prompt_tokens ?? 0,
        outputTokens: usage?.completion_tokens ?? 0,
        cachedInputTokens: usage?.prompt_tokens_details?.cached_tokens ?? 0,
        ms: Date.now() - started,
      });
      if (choice === undefined || !COMPLETE.has(choice.finish_reason ?? 'stop')) {
        return { finishReason: choice?.finish_reason ?? null };
      }
      return readTurn(operation, turnOf(choice.message));
    } catch (error) {
      logger.warn('language_model_error', {
        provider: 'openai',
        operation,
        model,
        error: error instanceof Error ? error.name : 'error',
        status: error instanceof OpenAiCompatibleError ? error.status : null,
        type: error instanceof OpenAiCompatibleError ? error.type : null,
        ms: Date.now() - started,
      });
      throw error;
    }
  }
}

function turnOf(message: z.infer<typeof completionSchema>['choices'][number]['message']): ModelTurn {
  return {
    text: (message.content ?? '').trim(),
    toolCalls: (message.tool_calls ?? []).map((call) => ({
      name: call.function.name,
      input: parseArguments(call.function.arguments),
    })),
  };
}

/** Tool arguments arrive as a JSON string; one that does not parse stays a string, which no schema accepts. */
function parseArguments(text: string | null | undefined): unknown {
  if (text === null || text === undefined || text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
