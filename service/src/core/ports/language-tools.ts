import { z } from 'zod';
import { KNOWLEDGE_TOPICS } from '../knowledge/knowledge-entry.ts';

/**
 * The tools a language model may call (issue 7). Each maps to a use case; a model only chooses the tool and
 * passes the user's own words or closed choices — never a number that matters (kcal, grams, cost), which come
 * from the food database and the planner when the use case runs. Adapters turn these into their wire format
 * (Bedrock `toolSpec.inputSchema.json`, OpenAI `tools[].function.parameters`) with `z.toJSONSchema`.
 */
const weekday = z.enum(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
const slot = z.enum(['breakfast', 'lunch', 'dinner', 'snack']);
/** The user's words, passed through for core's own parsers; bounded like an SMS thread. */
const userWords = z.string().trim().min(1).max(500);

export const LANGUAGE_TOOLS = {
  make_plan: {
    description: 'Make a week of meals and a grocery list for the user and their household, within budget.',
    input: z.object({}).strict(),
  },
  swap_meal: {
    description: "Swap one meal of the user's current plan for another.",
    input: z.object({ slot, day: z.union([weekday, z.enum(['today', 'tomorrow'])]).optional() }).strict(),
  },
  log_food: {
    description: 'Log what the user ate, in their own words; amounts are read by the food database.',
    input: z.object({ text: userWords }).strict(),
  },
  day_summary: {
    description: 'Summarise what the user logged today or this week against their targets.',
    input: z.object({ range: z.enum(['day', 'week']) }).strict(),
  },
  grocery_list: {
    description: "Send the grocery list of the user's current plan.",
    input: z.object({}).strict(),
  },
  update_profile: {
    description:
      "Change the user's profile (goal, diet, allergies, household, budget, dislikes) from their words.",
    input: z.object({ text: userWords }).strict(),
  },
  answer_question: {
    description: 'Answer a general nutrition question from the curated knowledge base.',
    input: z.object({ question: userWords, topic: z.enum(KNOWLEDGE_TOPICS).optional() }).strict(),
  },
} as const;

export type ToolName = keyof typeof LANGUAGE_TOOLS;
export const TOOL_NAMES = Object.keys(LANGUAGE_TOOLS) as ToolName[];

/** One tool call as a model returns it, validated: the name picks the schema its input must meet. */
export const toolCallSchema = z.discriminatedUnion('name', [
  z.object({ name: z.literal('make_plan'), input: LANGUAGE_TOOLS.make_plan.input }),
  z.object({ name: z.literal('swap_meal'), input: LANGUAGE_TOOLS.swap_meal.input }),
  z.object({ name: z.literal('log_food'), input: LANGUAGE_TOOLS.log_food.input }),
  z.object({ name: z.literal('day_summary'), input: LANGUAGE_TOOLS.day_summary.input }),
  z.object({ name: z.literal('grocery_list'), input: LANGUAGE_TOOLS.grocery_list.input }),
  z.object({ name: z.literal('update_profile'), input: LANGUAGE_TOOLS.update_profile.input }),
  z.object({ name: z.literal('answer_question'), input: LANGUAGE_TOOLS.answer_question.input }),
]);
export type ToolCall = z.infer<typeof toolCallSchema>;
