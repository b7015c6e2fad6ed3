import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LANGUAGE_TOOLS, TOOL_NAMES, toolCallSchema } from '../ports/language-tools.ts';
import { LocalLanguageModel } from './local-language-model.ts';

const engine = new LocalLanguageModel();

describe('LocalLanguageModel.classify: the coach’s parsers as tool calls', () => {
  it.each([
    ['plan', 'make_plan'],
    ['swap dinner', 'swap_meal'],
    ['I had 2 eggs and toast', 'log_food'],
    ['shopping list', 'grocery_list'],
    ['summary', 'day_summary'],
    ["actually I'm vegan", 'update_profile'],
    ['how much fibre do I need?', 'answer_question'],
    ['¿cuánta agua debo tomar?', 'answer_question'],
  ])('%s → %s', async (text, tool) => {
    const result = await engine.classify({ text, locale: 'en' });
    expect(result.kind).toBe('tool');
    if (result.kind !== 'tool') return;
    expect(result.call.name).toBe(tool);
    // What the local engine produces meets the schema a model's output is held to.
    expect(toolCallSchema.safeParse(result.call).success).toBe(true);
  });

  it('says nothing for words that ask nothing', async () => {
    expect(await engine.classify({ text: 'blorp', locale: 'en' })).toEqual({ kind: 'none' });
  });
});

describe('tool definitions', () => {
  it('every tool has a description and an input schema that converts to JSON Schema for the adapters', () => {
    expect(TOOL_NAMES).toEqual([
      'make_plan',
      'swap_meal',
      'log_food',
      'day_summary',
      'grocery_list',
      'update_profile',
      'answer_question',
    ]);
    for (const name of TOOL_NAMES) {
      const tool = LANGUAGE_TOOLS[name];
      expect(tool.description.length).toBeGreaterThan(10);
      const schema = z.toJSONSchema(tool.input) as { type?: string; additionalProperties?: boolean };
      expect(schema.type).toBe('object');
      expect(schema.additionalProperties).toBe(false);
    }
  });

  it('no tool takes a calorie, gram or price number from a model', () => {
    for (const name of TOOL_NAMES) {
      const json = JSON.stringify(z.toJSONSchema(LANGUAGE_TOOLS[name].input));
      expect(json, name).not.toMatch(/"type":"(?:number|integer)"/);
    }
  });
});

describe('LocalLanguageModel.answerQuestion', () => {
  it('answers from the knowledge base, or says no match', async () => {
    expect(await engine.answerQuestion({ text: 'is honey better than sugar', locale: 'en' })).toMatchObject({
      kind: 'answer',
      entryId: 'honey-vs-sugar',
    });
    expect(await engine.answerQuestion({ text: 'who won the world cup', locale: 'en' })).toEqual({
      kind: 'no_match',
    });
  });

  it('keeps to the allowed topics', async () => {
    const answer = await engine.answerQuestion({
      text: 'how much protein do I need with kidney disease?',
      locale: 'en',
      topics: ['clinician'],
    });
    expect(answer).toMatchObject({ kind: 'answer', topic: 'clinician' });
  });

  it('phrases a reply exactly as the catalogue drafted it', async () => {
    expect(await engine.phrase({ locale: 'es', tool: 'day_summary', draft: 'Hoy: 1.850 kcal.' })).toEqual({
      text: 'Hoy: 1.850 kcal.',
    });
  });
});
