import {
  type BedrockRuntimeClient,
  type ContentBlock,
  ConverseCommand,
  type ConverseCommandOutput,
  type Tool,
  type ToolInputSchema,
} from '@aws-sdk/client-bedrock-runtime';
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

/** Stop reasons after which the turn is whole; anything else (cut off, filtered, malformed) is not used. */
const COMPLETE = new Set(['end_turn', 'tool_use', 'stop_sequence']);

export interface BedrockLanguageModelOptions {
  client: BedrockRuntimeClient;
  modelId: string;
  knowledge: KnowledgeBase;
  logger: Logger;
  budget?: CallBudget;
}

/**
 * Amazon Bedrock through the Converse API (one shape for every model family). The static system prompt is
 * followed by a cache point, so Bedrock prompt caching reuses it (and the tools before it) across calls; the
 * user's words go in the message after it. The model answers by calling a tool; its output is returned raw for
 * the guard to validate. Logs carry token counts and timings only — never the prompt or the answer.
 */
export class BedrockLanguageModel implements UnvalidatedLanguageModel {
  readonly provider = 'bedrock' as const;
  private readonly budget: CallBudget;

  constructor(private readonly options: BedrockLanguageModelOptions) {
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
    const { client, modelId, knowledge, logger } = this.options;
    const tools = toolsFor(operation).map(
      (tool): Tool => ({
        toolSpec: {
          name: tool.name,
          description: tool.description,
          inputSchema: { json: tool.parameters as NonNullable<ToolInputSchema['json']> },
        },
      }),
    );
    const command = new ConverseCommand({
      modelId,
      system: [{ text: systemPrompt(operation, knowledge) }, { cachePoint: { type: 'default' } }],
      messages: [{ role: 'user', content: [{ text: message }] }],
      ...(tools.length > 0 ? { toolConfig: { tools } } : {}),
      inferenceConfig: { maxTokens: operation === 'phrase' ? 700 : 300, temperature: 0 },
    });
    const started = Date.now();
    try {
      const output = await withinBudget(this.budget.totalMs, (abortSignal) =>
        client.send(command, { abortSignal }),
      );
      logger.info('language_model_call', {
        ...usageOf(output, operation, modelId),
        ms: Date.now() - started,
      });
      if (!COMPLETE.has(output.stopReason ?? '')) return { stopReason: output.stopReason ?? null };
      return readTurn(operation, turnOf(output.output?.message?.content ?? []));
    } catch (error) {
      logger.warn('language_model_error', {
        provider: 'bedrock',
        operation,
        modelId,
        error: error instanceof Error ? error.name : 'error',
        status: statusOf(error),
        ms: Date.now() - started,
      });
      throw error;
    }
  }
}

function turnOf(content: readonly ContentBlock[]): ModelTurn {
  const text: string[] = [];
  const toolCalls: ModelTurn['toolCalls'] = [];
  for (const block of content) {
    if (block.text !== undefined) text.push(block.text);
    if (block.toolUse !== undefined)
      toolCalls.push({ name: block.toolUse.name ?? '', input: block.toolUse.input });
  }
  return { text: text.join('\n').trim(), toolCalls };
}

function usageOf(output: ConverseCommandOutput, operation: ModelOperation, modelId: string) {
  const usage = output.usage;
  return {
    provider: 'bedrock',
    operation,
    modelId,
    stopReason: output.stopReason ?? null,
    attempts: output.$metadata.attempts ?? 1,
    inputTokens: usage?.inputTokens ?? 0,
    outputTokens: usage?.outputTokens ?? 0,
    cacheReadInputTokens: usage?.cacheReadInputTokens ?? 0,
    cacheWriteInputTokens: usage?.cacheWriteInputTokens ?? 0,
  };
}

function statusOf(error: unknown): number | null {
  const metadata = (error as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata;
  return metadata?.httpStatusCode ?? null;
}
