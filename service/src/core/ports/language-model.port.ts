import { z } from 'zod';
import type { Locale } from '../domain/user.ts';
import { KNOWLEDGE_TOPICS, type KnowledgeTopic } from '../knowledge/knowledge-entry.ts';
import { type ToolName, toolCallSchema } from './language-tools.ts';

/**
 * The language model port (issue 7): read an utterance, answer a nutrition question, phrase a reply. The local
 * engine (`core/knowledge/local-language-model.ts`) is the default and the fallback; Bedrock Converse and
 * OpenAI-compatible adapters implement the same interface. Whatever an adapter returns is `unknown` until the
 * schemas below accept it (`guarded-language-model.ts`): invalid output, a thrown error or a timeout falls back
 * to the local engine, and safety and allergen rules run in core before and after, whatever a model says.
 *
 * Numbers never come from a model: a question is answered by choosing a knowledge-base entry, whose text core
 * sends; anything that needs the user's numbers is a tool call that a use case runs.
 */
export const LANGUAGE_PROVIDERS = ['local', 'bedrock', 'openai'] as const;
export type LanguageProvider = (typeof LANGUAGE_PROVIDERS)[number];

export interface ClassifyRequest {
  text: string;
  locale: Locale;
}

/** What an utterance asks for: one tool with its slots, or nothing the coach does. */
export const classificationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('tool'), call: toolCallSchema }).strict(),
  z.object({ kind: z.literal('none') }).strict(),
]);
export type Classification = z.infer<typeof classificationSchema>;

export interface QuestionRequest {
  text: string;
  locale: Locale;
  /** Only entries of these topics may answer (after a safety reply, clinician topics only). */
  topics?: readonly KnowledgeTopic[];
  /**
   * The caller can answer later through the queue: a model that outlasts its budget makes the guard throw
   * `LanguageModelDeferred` instead of answering with the local engine (`use-cases/answer-question.ts`).
   */
  deferIfSlow?: boolean;
}

/** The knowledge-base entry that answers, by id — never free text — or no match. */
export const questionAnswerSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('answer'),
      entryId: z.string().min(1).max(80),
      topic: z.enum(KNOWLEDGE_TOPICS),
    })
    .strict(),
  z.object({ kind: z.literal('no_match') }).strict(),
]);
export type QuestionAnswer = z.infer<typeof questionAnswerSchema>;

export interface PhraseRequest {
  locale: Locale;
  /** The tool whose result is being told. */
  tool: ToolName;
  /** The catalogue's reply for that result: every number the user may see is in it. */
  draft: string;
}

export const phrasingSchema = z.object({ text: z.string().trim().min(1).max(1600) }).strict();
export type Phrasing = z.infer<typeof phrasingSchema>;

export interface LanguageModel {
  readonly provider: LanguageProvider;
  classify(request: ClassifyRequest): Promise<Classification>;
  answerQuestion(request: QuestionRequest): Promise<QuestionAnswer>;
  phrase(request: PhraseRequest): Promise<Phrasing>;
}

/** What an adapter's raw output is before validation: the guard decides what to keep. */
export interface UnvalidatedLanguageModel {
  readonly provider: LanguageProvider;
  classify(request: ClassifyRequest): Promise<unknown>;
  answerQuestion(request: QuestionRequest): Promise<unknown>;
  phrase(request: PhraseRequest): Promise<unknown>;
}
