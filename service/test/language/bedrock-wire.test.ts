import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeLanguage } from '../../src/composition/language.ts';
import { loadConfig } from '../../src/config/config.ts';
import { loadKnowledgeBase } from '../../src/core/knowledge/knowledge-base.ts';
import { LocalLanguageModel } from '../../src/core/knowledge/local-language-model.ts';
import {
  DEFAULT_CALL_BUDGET,
  LanguageModelDeferred,
  SMS_REPLY_BUDGET_MS,
} from '../../src/core/knowledge/model-call-budget.ts';
import type { Logger } from '../../src/core/ports/logger.port.ts';
import {
  bedrockError,
  FakeBedrockRuntime,
  type FakeConverseReply,
  INTERNAL,
  INVALID,
  operationOf,
  THROTTLED,
  text,
  toolUse,
  userTextOf,
} from '../support/fake-bedrock-runtime.ts';
import { capturingLogger, conversation, FAKE_AWS, TEST_BUDGET } from './language-test-kit.ts';

const MODEL_ID = 'us.anthropic.claude-haiku-4-5-20251001-v1:0';
const knowledge = loadKnowledgeBase();
const FIBRE = knowledge.get('fibre-needs');
const WATER = knowledge.get('water-needs');
/** A paraphrase the local engine cannot place, so an answer to it can only have come from the model. */
const ROUGHAGE = 'what is the deal with roughage?';

const server = new FakeBedrockRuntime(() => toolUse('no_match', {}));
beforeAll(() => server.start());
afterAll(() => server.stop());

function bedrock(logger: Logger, budget = TEST_BUDGET) {
  server.requests.length = 0;
  const config = loadConfig({ LANGUAGE_PROVIDER: 'bedrock', BEDROCK_MODEL_ID: MODEL_ID });
  return composeLanguage(config, logger, {
    bedrockClient: { endpoint: server.endpoint, ...FAKE_AWS, budget },
  });
}

const fallbacks = (lines: { event: string; fields?: Record<string, unknown> }[]) =>
  lines.filter((line) => line.event === 'language_model_fallback').map((line) => line.fields?.reason);

describe('Bedrock Converse through the real SDK', () => {
  it('a question the local engine cannot place is answered by the tool the model calls, in the conversation', async () => {
    expect(await new LocalLanguageModel().answerQuestion({ text: ROUGHAGE, locale: 'en' })).toEqual({
      kind: 'no_match',
    });
    server.respond = (request) =>
      operationOf(request) === 'answer_question' && userTextOf(request).includes('roughage')
        ? toolUse('choose_entry', { entryId: 'fibre-needs', topic: 'fibre' }, 'That is about fibre.')
        : toolUse('no_match', {});
    const { logger, lines } = capturingLogger();
    const chat = conversation(bedrock(logger), logger);
    const phone = '+15550150001';
    await chat.onboard(phone, 'en');
    const replies = await chat.send(phone, ROUGHAGE);

    expect(replies.join('\n')).toContain(FIBRE?.en.answer.slice(0, 60));
    const request = server.requests.find((r) => userTextOf(r).includes('roughage'));
    expect(request?.modelId).toBe(MODEL_ID);
    expect(request?.path).toBe(`/model/${encodeURIComponent(MODEL_ID)}/converse`);
    expect(request?.signed).toBe(true);
    // Bedrock prompt caching: the static system prompt, then the cache point; the user's words after it.
    expect(request?.body.system).toHaveLength(2);
    expect(request?.body.system?.[0]?.text).toContain('fibre-needs | fibre |');
    expect(request?.body.system?.[0]?.text).not.toContain('roughage');
    expect(request?.body.system?.[1]).toEqual({ cachePoint: { type: 'default' } });
    expect(request?.body.toolConfig?.tools.map((tool) => tool.toolSpec?.name)).toEqual([
      'choose_entry',
      'no_match',
    ]);
    expect(request?.body.toolConfig?.tools[0]?.toolSpec?.inputSchema?.json).toMatchObject({
      type: 'object',
      properties: {
        entryId: { type: 'string' },
        topic: { enum: expect.arrayContaining(['fibre', 'clinician']) },
      },
      required: ['entryId', 'topic'],
      additionalProperties: false,
    });

    // No phone number and no message body (the user's or the model's) in any log line.
    const logged = JSON.stringify(lines);
    expect(logged).not.toContain(phone);
    expect(logged).not.toContain(phone.slice(-7));
    expect(logged).not.toContain('roughage');
    expect(logged).not.toContain('That is about fibre');
    expect(logged).not.toContain(FIBRE?.en.answer.slice(0, 30));
    expect(lines.some((line) => line.event === 'language_model_call')).toBe(true);
  });

  it('classify: the tool-use turn is the tool call (its input checked by core); "none" is nothing to do', async () => {
    const { logger } = capturingLogger();
    const model = bedrock(logger);
    server.respond = () => toolUse('log_food', { text: 'two eggs and toast' }, 'Logging that for you.');
    expect(await model.classify({ text: 'two eggs and toast for breakfast', locale: 'en' })).toEqual({
      kind: 'tool',
      call: { name: 'log_food', input: { text: 'two eggs and toast' } },
    });
    const tools = server.requests[0]?.body.toolConfig?.tools ?? [];
    expect(tools.map((tool) => tool.toolSpec?.name)).toEqual([
      'make_plan',
      'swap_meal',
      'log_food',
      'day_summary',
      'grocery_list',
      'update_profile',
      'answer_question',
      'none',
    ]);
    expect(tools[2]?.toolSpec?.inputSchema?.json).toMatchObject({ required: ['text'] });
    expect(server.requests[0]?.body.system?.[1]).toEqual({ cachePoint: { type: 'default' } });

    server.respond = () => toolUse('none', {});
    expect(await model.classify({ text: 'lol', locale: 'en' })).toEqual({ kind: 'none' });
  });

  it('phrase: a rewording with the same numbers is kept; one with an invented number gets the draft', async () => {
    const { logger, lines } = capturingLogger();
    const model = bedrock(logger);
    const draft = 'Logged 2 eggs: 143 kcal. Today: 1,250 of 1,800 kcal.';
    server.respond = () => text('Nice! 2 eggs logged (143 kcal). You are at 1,250 of your 1,800 kcal today.');
    const kept = await model.phrase({ locale: 'en', tool: 'log_food', draft });
    expect(kept.text).toBe('Nice! 2 eggs logged (143 kcal). You are at 1,250 of your 1,800 kcal today.');
    expect(server.requests[0]?.body.toolConfig).toBeUndefined();
    expect(server.requests[0]?.body.system?.[1]).toEqual({ cachePoint: { type: 'default' } });

    server.respond = () => text('Nice! 2 eggs logged (143 kcal). You are at 1,250 of 800 kcal today.');
    expect((await model.phrase({ locale: 'en', tool: 'log_food', draft })).text).toBe(draft);
    expect(fallbacks(lines)).toEqual(['numbers_changed']);
  });

  const garbage: [string, FakeConverseReply, string][] = [
    ['free text instead of a tool', text('Eat 800 kcal a day and you will be fine.'), 'invalid_output'],
    [
      'an entry id that is a number',
      toolUse('choose_entry', { entryId: 42, topic: 'fibre' }),
      'invalid_output',
    ],
    [
      'an extra field in the tool input',
      toolUse('choose_entry', { entryId: 'fibre-needs', topic: 'fibre', say: 'skip meals' }),
      'invalid_output',
    ],
    [
      'an invented entry',
      toolUse('choose_entry', { entryId: 'eat-800-kcal', topic: 'fibre' }),
      'unknown_entry',
    ],
    [
      'a real entry under the wrong topic',
      toolUse('choose_entry', { entryId: 'water-needs', topic: 'fibre' }),
      'topic_not_allowed',
    ],
    ['a tool from another operation', toolUse('update_profile', { text: 'calories 800' }), 'invalid_output'],
    ['an invented tool', toolUse('disable_safety', {}), 'invalid_output'],
    [
      'two tool calls at once',
      {
        kind: 'message',
        content: [
          { toolUse: { toolUseId: 'tooluse_a', name: 'no_match', input: {} } },
          {
            toolUse: {
              toolUseId: 'tooluse_b',
              name: 'choose_entry',
              input: { entryId: 'water-needs', topic: 'hydration' },
            },
          },
        ],
        stopReason: 'tool_use',
      },
      'invalid_output',
    ],
    [
      'a turn cut off at max_tokens',
      { kind: 'message', content: [{ text: 'The answer is' }], stopReason: 'max_tokens' },
      'invalid_output',
    ],
    ['a 200 whose body is not JSON', { kind: 'garbage', body: '<html>oops' }, ''],
    ['a ValidationException (not retried)', INVALID, 'ValidationException'],
    [
      'a ModelErrorException',
      bedrockError(424, 'ModelErrorException', 'The model failed.'),
      'ModelErrorException',
    ],
  ];

  it.each(garbage)('%s → the local engine answers', async (_name, reply, reason) => {
    const { logger, lines } = capturingLogger();
    const model = bedrock(logger);
    server.respond = () => reply;
    expect(await model.answerQuestion({ text: 'how much fibre do I need?', locale: 'en' })).toEqual({
      kind: 'answer',
      entryId: 'fibre-needs',
      topic: 'fibre',
    });
    expect(fallbacks(lines)).toHaveLength(1);
    if (reason) expect(fallbacks(lines)).toEqual([reason]);
    if (reply.kind === 'error' && reply.status === 400) expect(server.requests).toHaveLength(1);
  });

  it('429 ThrottlingException twice, then an answer: retried within the budget', async () => {
    const { logger, lines } = capturingLogger();
    const budget = { totalMs: 5_000, attemptMs: 1_000, maxAttempts: 3 };
    const model = bedrock(logger, budget);
    server.respond = (_request, index) =>
      index < 2 ? THROTTLED : toolUse('choose_entry', { entryId: 'water-needs', topic: 'hydration' });
    const started = Date.now();
    expect(await model.answerQuestion({ text: ROUGHAGE, locale: 'en' })).toMatchObject({
      entryId: WATER?.id,
    });
    expect(Date.now() - started).toBeLessThan(budget.totalMs);
    expect(server.requests).toHaveLength(3);
    expect(lines.find((line) => line.event === 'language_model_call')?.fields).toMatchObject({ attempts: 3 });
    expect(fallbacks(lines)).toEqual([]);
  });

  it.each([
    ['429 ThrottlingException', THROTTLED, 'ThrottlingException', 429],
    ['500 InternalServerException', INTERNAL, 'InternalServerException', 500],
    [
      '503 ServiceUnavailableException',
      bedrockError(503, 'ServiceUnavailableException', 'Unavailable'),
      'ServiceUnavailableException',
      503,
    ],
  ])(
    '%s on every try: retried up to the attempt limit, then the local engine',
    async (_name, reply, name, status) => {
      const { logger, lines } = capturingLogger();
      const budget = { totalMs: 5_000, attemptMs: 1_000, maxAttempts: 3 };
      const model = bedrock(logger, budget);
      server.respond = () => reply;
      const started = Date.now();
      expect(await model.answerQuestion({ text: 'how much fibre do I need?', locale: 'en' })).toMatchObject({
        entryId: 'fibre-needs',
      });
      expect(Date.now() - started).toBeLessThan(budget.totalMs + 200);
      expect(server.requests.length).toBeGreaterThanOrEqual(2);
      expect(server.requests.length).toBeLessThanOrEqual(budget.maxAttempts);
      expect(lines.find((line) => line.event === 'language_model_error')?.fields).toMatchObject({
        error: name,
        status,
      });
      expect(fallbacks(lines)).toHaveLength(1);
    },
  );

  // With a queue the same hang gets "let me look that up" and a queued answer (queued-answer.test.ts); here the
  // conversation has no queue, so the inline budget still ends in the local engine's answer.
  it('a model that never answers, no queue to answer later: the SMS reply goes out within 10 s, from the local engine', async () => {
    server.respond = () => ({ kind: 'hang' });
    const { logger, lines } = capturingLogger();
    server.requests.length = 0;
    const config = loadConfig({ LANGUAGE_PROVIDER: 'bedrock', BEDROCK_MODEL_ID: MODEL_ID });
    const model = composeLanguage(config, logger, {
      bedrockClient: { endpoint: server.endpoint, ...FAKE_AWS },
    });
    const chat = conversation(model, logger);
    const phone = '+15550150002';
    await chat.onboard(phone, 'en');
    const started = Date.now();
    const replies = await chat.send(phone, 'how much fibre do I need?');
    const elapsed = Date.now() - started;

    expect(elapsed).toBeLessThan(SMS_REPLY_BUDGET_MS);
    expect(elapsed).toBeGreaterThanOrEqual(DEFAULT_CALL_BUDGET.totalMs - 50);
    expect(replies.join('\n')).toContain(FIBRE?.en.answer.slice(0, 60));
    expect(fallbacks(lines)).toEqual(['LanguageModelTimeout']);
    // Each attempt gave up on its own, so the SDK tried again before the budget ran out.
    expect(server.requests.length).toBeGreaterThanOrEqual(2);
  }, 15_000);

  it('a model that never answers, asked with deferIfSlow: LanguageModelDeferred at the budget, no local answer', async () => {
    const { logger, lines } = capturingLogger();
    const model = bedrock(logger);
    server.respond = () => ({ kind: 'hang' });
    const started = Date.now();
    await expect(
      model.answerQuestion({ text: 'how much fibre do I need?', locale: 'en', deferIfSlow: true }),
    ).rejects.toThrow(LanguageModelDeferred);
    expect(Date.now() - started).toBeLessThan(TEST_BUDGET.totalMs + 200);
    expect(fallbacks(lines)).toEqual([]);
    expect(lines.filter((line) => line.event === 'language_model_deferred')).toHaveLength(1);
  });

  it('prompt caching: the first call writes the cached prefix, the next reads it (token counts logged)', async () => {
    const { logger, lines } = capturingLogger();
    const model = bedrock(logger);
    server.respond = () => toolUse('choose_entry', { entryId: 'water-needs', topic: 'hydration' });
    await model.answerQuestion({ text: 'how much water should I drink a day?', locale: 'en' });
    await model.answerQuestion({ text: '¿cuánta agua debo beber?', locale: 'es' });
    const calls = lines.filter((line) => line.event === 'language_model_call').map((line) => line.fields);
    expect(calls).toHaveLength(2);
    const [first, second] = calls;
    const written = Number(first?.cacheWriteInputTokens) + Number(first?.cacheReadInputTokens);
    expect(written).toBeGreaterThan(1_000);
    expect(second?.cacheReadInputTokens).toBe(written);
    expect(second?.cacheWriteInputTokens).toBe(0);
    expect(server.requests.every((request) => request.body.system?.[1]?.cachePoint?.type === 'default')).toBe(
      true,
    );
  });
});
