import { z } from 'zod';
import { LANGUAGE_TOOLS, TOOL_NAMES } from '../ports/language-tools.ts';
import { KNOWLEDGE_TOPICS } from './knowledge-entry.ts';
import type { ModelOperation } from './model-prompts.ts';

/** A tool as both wire formats need it: Bedrock `toolSpec`, OpenAI `function`. */
export interface ModelToolSpec {
  name: string;
  description: string;
  /** JSON Schema of the input, from the zod schema core validates the call with. */
  parameters: Record<string, unknown>;
}

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema) as Record<string, unknown>;
  return rest;
}

const CLASSIFY_TOOLS: ModelToolSpec[] = [
  ...TOOL_NAMES.map((name) => ({
    name,
    description: LANGUAGE_TOOLS[name].description,
    parameters: jsonSchema(LANGUAGE_TOOLS[name].input),
  })),
  {
    name: 'none',
    description: 'Nothing the coach does fits the message.',
    parameters: jsonSchema(z.object({}).strict()),
  },
];

const ANSWER_TOOLS: ModelToolSpec[] = [
  {
    name: 'choose_entry',
    description: 'Answer with this knowledge-base entry; the coach sends its curated text and source.',
    parameters: jsonSchema(
      z.object({ entryId: z.string().min(1).max(80), topic: z.enum(KNOWLEDGE_TOPICS) }).strict(),
    ),
  },
  {
    name: 'no_match',
    description: 'No entry in the knowledge base answers the question.',
    parameters: jsonSchema(z.object({}).strict()),
  },
];

/** The tools offered for an operation; phrasing has none (the model answers with text). */
export function toolsFor(operation: ModelOperation): readonly ModelToolSpec[] {
  switch (operation) {
    case 'classify':
      return CLASSIFY_TOOLS;
    case 'answer_question':
      return ANSWER_TOOLS;
    case 'phrase':
      return [];
  }
}
