import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeLanguage } from '../../src/composition/language.ts';
import { ConfigError, loadConfig } from '../../src/config/config.ts';
import { loadKnowledgeBase } from '../../src/core/knowledge/knowledge-base.ts';
import { LanguageModelDeferred } from '../../src/core/knowledge/model-call-budget.ts';
import type { Logger } from '../../src/core/ports/logger.port.ts';
import {
  chatText,
  chatTool,
  chatUserText,
  type FakeChatReply,
  FakeOpenAiServer,
  RATE_LIMITED,
  SERVER_ERROR,
  UNAUTHORIZED,
} from '../support/fake-openai-server.ts';
import { capturingLogger, conversation, TEST_BUDGET } from './language-test-kit.ts';

const FIBRE = loadKnowledgeBase().get('fibre-needs');
const ROUGHAGE = 'what is the deal with roughage?';

const server = new FakeOpenAiServer(() => chatTool('no_match', {}));
beforeAll(() => server.start());
afterAll(() => server.stop());

function openai(logger: Logger, extra: Record<string, string> = {}, budget = TEST_BUDGET) {
  server.requests.length = 0;
  const config = loadConfig({
    LANGUAGE_PROVIDER: 'openai',
    OPENAI_BASE_URL: server.baseUrl,
    OPENAI_MODEL: 'llama3.1:8b',
    ...extra,
  });
  return composeLanguage(config, logger, { openaiBudget: budget });
}

const fallbacks = (lines: { event: string; fields?: Record<string, unknown> }[]) =>
  lines.filter((line) => line.event === 'language_model_fallback').map((line) => line.fields?.reason);

describe('an OpenAI-compatible server (Ollama, llama.cpp, vLLM) through fetch', () => {
  it('a question is answered by the tool the model calls, in the conversation; nothing personal logged', async () => {
    server.respond = (request) =>
      chatUserText(request).includes('roughage')
        ? chatTool('choose_entry', { entryId: 'fibre-needs', topic: 'fibre' })
        : chatTool('no_match', {});
    const { logger, lines } = capturingLogger();
    const chat = conversation(openai(logger), logger);
    const phone = '+15550150101';
    await chat.onboard(phone, 'en');
    const replies = await chat.send(phone, ROUGHAGE);

    expect(replies.join('\n')).toContain(FIBRE?.en.answer.slice(0, 60));
    const request = server.requests.find((r) => chatUserText(r).includes('roughage'));
    expect(request?.path).toBe('/v1/chat/completions');
    expect(request?.authorization).toBeUndefined();
    expect(request?.body.model).toBe('llama3.1:8b');
    expect(request?.body.messages?.[0]).toMatchObject({ role: 'system' });
    expect(request?.body.messages?.[0]?.content).toContain('fibre-needs | fibre |');
    expect(request?.body.tools?.map((tool) => [tool.type, tool.function.name])).toEqual([
      ['function', 'choose_entry'],
      ['function', 'no_match'],
    ]);
    expect(request?.body.tools?.[0]?.function.parameters).toMatchObject({ required: ['entryId', 'topic'] });
    const logged = JSON.stringify(lines);
    expect(logged).not.toContain(phone.slice(-7));
    expect(logged).not.toContain('roughage');
    expect(logged).not.toContain(FIBRE?.en.answer.slice(0, 30));
  });

  it('sends OPENAI_API_KEY as a bearer token; classify reads tool_calls[].function.arguments', async () => {
    const { logger } = capturingLogger();
    const model = openai(logger, { OPENAI_API_KEY: 'sk-local-test-key' });
    server.respond = () => chatTool('day_summary', { range: 'week' });
    expect(await model.classify({ text: 'how was my week', locale: 'en' })).toEqual({
      kind: 'tool',
      call: { name: 'day_summary', input: { range: 'week' } },
    });
    expect(server.requests[0]?.authorization).toBe('Bearer sk-local-test-key');
    expect(server.requests[0]?.body.tool_choice).toBe('auto');
  });

  it('phrase: kept when the numbers match the draft; the draft when the model invents one', async () => {
    const { logger, lines } = capturingLogger();
    const model = openai(logger);
    const draft = 'Your list: 12 items, $48.20 in total.';
    server.respond = () => chatText('Here is your list: 12 items for $48.20.');
    expect((await model.phrase({ locale: 'en', tool: 'grocery_list', draft })).text).toBe(
      'Here is your list: 12 items for $48.20.',
    );
    expect(server.requests[0]?.body.tools).toBeUndefined();
    server.respond = () => chatText('Here is your list: 12 items for $18.20.');
    expect((await model.phrase({ locale: 'en', tool: 'grocery_list', draft })).text).toBe(draft);
    expect(fallbacks(lines)).toEqual(['numbers_changed']);
  });

  const garbage: [string, FakeChatReply, string][] = [
    ['plain text instead of a tool', chatText('Just eat 800 kcal a day.'), 'invalid_output'],
    [
      'arguments that are not JSON',
      chatTool('choose_entry', null, '{"entryId": "fibre-needs", topic'),
      'invalid_output',
    ],
    [
      'an invented entry',
      chatTool('choose_entry', { entryId: 'starve-safely', topic: 'fibre' }),
      'unknown_entry',
    ],
    [
      'invalid tool input',
      chatTool('choose_entry', { entryId: ['fibre-needs'], topic: 'fibre' }),
      'invalid_output',
    ],
    [
      'a reply cut off (finish_reason length)',
      { kind: 'message', content: 'The answer', finishReason: 'length' },
      'invalid_output',
    ],
    ['a body that is not JSON', { kind: 'garbage', body: 'upstream connect error' }, 'SyntaxError'],
    [
      'a body without choices',
      { kind: 'garbage', body: '{"object":"chat.completion","choices":[]}' },
      'invalid_output',
    ],
    ['401 invalid_api_key (not retried)', UNAUTHORIZED, 'OpenAiCompatibleError'],
  ];

  it.each(garbage)('%s → the local engine answers', async (_name, reply, reason) => {
    const { logger, lines } = capturingLogger();
    const model = openai(logger);
    server.respond = () => reply;
    expect(await model.answerQuestion({ text: 'how much fibre do I need?', locale: 'en' })).toEqual({
      kind: 'answer',
      entryId: 'fibre-needs',
      topic: 'fibre',
    });
    expect(fallbacks(lines)).toEqual([reason]);
    if (reply.kind === 'error') expect(server.requests).toHaveLength(1);
  });

  it('429 with Retry-After, then 500, then an answer: retried within the budget', async () => {
    const { logger, lines } = capturingLogger();
    const model = openai(logger, {}, { totalMs: 3_000, attemptMs: 1_000, maxAttempts: 3 });
    server.respond = (_request, index) =>
      index === 0
        ? { ...RATE_LIMITED, retryAfter: 1 }
        : index === 1
          ? SERVER_ERROR
          : chatTool('choose_entry', { entryId: 'fibre-needs', topic: 'fibre' });
    const started = Date.now();
    expect(await model.answerQuestion({ text: ROUGHAGE, locale: 'en' })).toMatchObject({
      entryId: 'fibre-needs',
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(server.requests).toHaveLength(3);
    expect(lines.find((line) => line.event === 'language_model_call')?.fields).toMatchObject({ attempts: 3 });
    expect(fallbacks(lines)).toEqual([]);
  });

  it.each([
    ['429 rate_limit_exceeded', RATE_LIMITED, 429],
    ['500 server_error', SERVER_ERROR, 500],
  ])('%s on every try: three tries, then the local engine', async (_name, reply, status) => {
    const { logger, lines } = capturingLogger();
    const model = openai(logger);
    server.respond = () => reply;
    const started = Date.now();
    expect(await model.answerQuestion({ text: 'how much fibre do I need?', locale: 'en' })).toMatchObject({
      entryId: 'fibre-needs',
    });
    expect(Date.now() - started).toBeLessThan(TEST_BUDGET.totalMs + 200);
    expect(server.requests).toHaveLength(3);
    expect(lines.find((line) => line.event === 'language_model_error')?.fields).toMatchObject({ status });
    expect(fallbacks(lines)).toEqual(['OpenAiCompatibleError']);
  });

  it('a Retry-After longer than the budget left: no waiting at all, the local engine answers', async () => {
    const { logger, lines } = capturingLogger();
    const model = openai(logger);
    server.respond = () => ({ ...RATE_LIMITED, retryAfter: 30 });
    const started = Date.now();
    expect(await model.answerQuestion({ text: 'how much fibre do I need?', locale: 'en' })).toMatchObject({
      entryId: 'fibre-needs',
    });
    expect(Date.now() - started).toBeLessThan(500);
    expect(server.requests).toHaveLength(1);
    expect(fallbacks(lines)).toEqual(['OpenAiCompatibleError']);
  });

  // Asked without `deferIfSlow` (no queue): the local engine answers at the budget. With a queue, see
  // queued-answer.test.ts and the row below.
  it('a server that never answers: each attempt times out, then the budget ends it', async () => {
    const { logger, lines } = capturingLogger();
    const model = openai(logger);
    server.respond = () => ({ kind: 'hang' });
    const started = Date.now();
    expect(await model.answerQuestion({ text: 'how much fibre do I need?', locale: 'en' })).toMatchObject({
      entryId: 'fibre-needs',
    });
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(TEST_BUDGET.totalMs - 50);
    expect(elapsed).toBeLessThan(TEST_BUDGET.totalMs + 200);
    expect(server.requests.length).toBeGreaterThanOrEqual(2);
    expect(fallbacks(lines)).toEqual(['LanguageModelTimeout']);
  });

  it('a server that never answers, asked with deferIfSlow: LanguageModelDeferred at the budget', async () => {
    const { logger, lines } = capturingLogger();
    const model = openai(logger);
    server.respond = () => ({ kind: 'hang' });
    await expect(
      model.answerQuestion({ text: 'how much fibre do I need?', locale: 'en', deferIfSlow: true }),
    ).rejects.toThrow(LanguageModelDeferred);
    expect(fallbacks(lines)).toEqual([]);
    // The same request failing fast (a refusal) is no reason to wait: the local engine answers now.
    server.respond = () => UNAUTHORIZED;
    expect(
      await model.answerQuestion({ text: 'how much fibre do I need?', locale: 'en', deferIfSlow: true }),
    ).toMatchObject({ entryId: 'fibre-needs' });
  });

  it('refuses to start without a base URL or a model, naming the variable', () => {
    expect(() => loadConfig({ LANGUAGE_PROVIDER: 'openai', OPENAI_MODEL: 'x' })).toThrow(
      /^Invalid configuration: OPENAI_BASE_URL: required when LANGUAGE_PROVIDER is openai$/,
    );
    expect(() =>
      loadConfig({ LANGUAGE_PROVIDER: 'openai', OPENAI_BASE_URL: 'http://127.0.0.1:1/v1' }),
    ).toThrow(ConfigError);
    expect(() =>
      loadConfig({ LANGUAGE_PROVIDER: 'openai', OPENAI_BASE_URL: 'ftp://x', OPENAI_MODEL: 'x' }),
    ).toThrow(/^Invalid configuration: OPENAI_BASE_URL:/);
  });
});
