import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryCache } from '../../src/adapters/memory-cache/memory-cache.ts';
import { composeLanguage } from '../../src/composition/language.ts';
import { composeObservedLanguage } from '../../src/composition/language-cache.ts';
import { loadConfig } from '../../src/config/config.ts';
import { registerLanguageMetrics } from '../../src/core/knowledge/language-metrics.ts';
import type { CallBudget } from '../../src/core/knowledge/model-call-budget.ts';
import { SMS_REPLY_BUDGET_MS } from '../../src/core/knowledge/model-call-budget.ts';
import { MetricsRegistry } from '../../src/core/metrics/metrics-registry.ts';
import type { Logger } from '../../src/core/ports/logger.port.ts';
import { QUEUED_ANSWER_ROWS, type QueuedAnswerRow } from '../fixtures/queued-answers.ts';
import {
  FakeBedrockRuntime,
  type FakeConverseReply,
  INVALID,
  toolUse,
} from '../support/fake-bedrock-runtime.ts';
import {
  chatTool,
  type FakeChatReply,
  FakeOpenAiServer,
  UNAUTHORIZED,
} from '../support/fake-openai-server.ts';
import { ManualClock } from '../support/test-app.ts';
import { capturingLogger, FAKE_AWS, queuedConversation, TEST_BUDGET } from './language-test-kit.ts';

const MODEL_ID = 'us.anthropic.claude-haiku-4-5-20251001-v1:0';
/** The queued job's budget in these tests: longer than the inline one, short enough not to slow the suite. */
const QUEUED_TEST_BUDGET: CallBudget = { totalMs: 2_500, attemptMs: 1_000, maxAttempts: 2 };

const bedrockServer = new FakeBedrockRuntime(() => toolUse('no_match', {}));
const openaiServer = new FakeOpenAiServer(() => chatTool('no_match', {}));
beforeAll(() => Promise.all([bedrockServer.start(), openaiServer.start()]));
afterAll(() => Promise.all([bedrockServer.stop(), openaiServer.stop()]));

type Behaviour = QueuedAnswerRow['job'] | QueuedAnswerRow['inline'];

function bedrockReply(behaviour: Behaviour): FakeConverseReply {
  if (behaviour === 'hang') return { kind: 'hang' };
  if (behaviour === 'error') return INVALID;
  return toolUse('choose_entry', { entryId: 'fibre-needs', topic: 'fibre' });
}

function openaiReply(behaviour: Behaviour): FakeChatReply {
  if (behaviour === 'hang') return { kind: 'hang' };
  if (behaviour === 'error') return UNAUTHORIZED;
  return chatTool('choose_entry', { entryId: 'fibre-needs', topic: 'fibre' });
}

/** The inline model (short test budget) and the queued job's model (longer budget), as composition builds them. */
function models(provider: QueuedAnswerRow['provider'], logger: Logger, inlineBudget: CallBudget | undefined) {
  const env =
    provider === 'bedrock'
      ? { LANGUAGE_PROVIDER: 'bedrock', BEDROCK_MODEL_ID: MODEL_ID }
      : provider === 'openai'
        ? { LANGUAGE_PROVIDER: 'openai', OPENAI_BASE_URL: openaiServer.baseUrl, OPENAI_MODEL: 'llama3.1:8b' }
        : {};
  const config = loadConfig(env);
  const parts = (budget: CallBudget | undefined) =>
    provider === 'bedrock'
      ? { bedrockClient: { endpoint: bedrockServer.endpoint, ...FAKE_AWS, ...(budget ? { budget } : {}) } }
      : budget
        ? { openaiBudget: budget }
        : {};
  return {
    inline: composeLanguage(config, logger, parts(inlineBudget)),
    queued: composeLanguage(config, logger, parts(QUEUED_TEST_BUDGET)),
  };
}

/** Answers each request from the row: the inline behaviour until a job has been enqueued, then the job's. */
function script(row: QueuedAnswerRow, jobs: readonly unknown[]) {
  const behaviour = () => (jobs.length === 0 ? row.inline : row.job);
  bedrockServer.requests.length = 0;
  openaiServer.requests.length = 0;
  bedrockServer.respond = () => bedrockReply(behaviour());
  openaiServer.respond = () => openaiReply(behaviour());
}

const lower = (texts: string[]) => texts.join('\n').toLowerCase();

describe('a question the model is too slow for: a holding reply now, the answer through the queue', () => {
  it.each(QUEUED_ANSWER_ROWS.map((row, index) => [row.name, row, index] as const))(
    '%s',
    async (_name, row, index) => {
      const { logger, lines } = capturingLogger();
      const { inline, queued } = models(row.provider, logger, TEST_BUDGET);
      const chat = queuedConversation(inline, queued, logger);
      const phone = `+1555016${String(index).padStart(4, '0')}`;
      await chat.onboard(phone, row.locale);
      await chat.deliveries(phone);
      script(row, chat.jobs);

      const started = Date.now();
      const now = await chat.send(phone, row.question);
      const elapsed = Date.now() - started;
      expect(elapsed).toBeLessThan(TEST_BUDGET.totalMs + 1_000);
      for (const fragment of row.now) expect(lower(now)).toContain(fragment.toLowerCase());
      expect(chat.jobs).toHaveLength(row.job === 'not_called' ? 0 : 1);

      let later = await chat.deliveries(phone);
      if (row.runTwice) {
        for (const job of chat.jobs.slice()) await chat.queue.enqueue(job);
        later = [...later, ...(await chat.deliveries(phone))];
      }
      expect(later).toHaveLength(row.deliveries);
      for (const fragment of row.later) expect(lower(later)).toContain(fragment.toLowerCase());
      if (row.deliveries > 0) expect(lower(later)).not.toContain('let me look that up');

      // The job names ids only; no log line holds the phone number, the question or the answer.
      const job = JSON.stringify(chat.jobs);
      expect(job).not.toContain(phone.slice(-7));
      expect(job).not.toContain(row.question.slice(0, 12));
      const logged = JSON.stringify(lines);
      expect(logged).not.toContain(phone.slice(-7));
      expect(logged).not.toContain(row.question.slice(0, 12));
      for (const text of [...now, ...later]) expect(logged).not.toContain(text.slice(0, 30));
    },
    15_000,
  );

  it('the default inline budget: the holding reply goes out within 10 s, the answer after it', async () => {
    const row = QUEUED_ANSWER_ROWS[0] as QueuedAnswerRow;
    const { logger } = capturingLogger();
    const { inline, queued } = models('bedrock', logger, undefined);
    const chat = queuedConversation(inline, queued, logger);
    const phone = '+15550169001';
    await chat.onboard(phone, 'en');
    script(row, chat.jobs);
    const started = Date.now();
    const now = await chat.send(phone, row.question);
    expect(Date.now() - started).toBeLessThan(SMS_REPLY_BUDGET_MS);
    expect(now).toEqual(["Let me look that up — I'll text you the answer in a moment."]);
    const later = await chat.deliveries(phone);
    expect(later).toHaveLength(1);
    expect(lower(later)).toContain('fibre');
  }, 20_000);

  it('behind the response cache: the queued answer is stored, so the next asker is answered at once', async () => {
    const row = QUEUED_ANSWER_ROWS[0] as QueuedAnswerRow;
    const { logger } = capturingLogger();
    const config = loadConfig({ LANGUAGE_PROVIDER: 'bedrock', BEDROCK_MODEL_ID: MODEL_ID });
    const cache = new MemoryCache({ clock: new ManualClock() });
    const metrics = registerLanguageMetrics(new MetricsRegistry());
    const observed = (budget: CallBudget) =>
      composeObservedLanguage(
        config,
        { cache, logger, metrics },
        { bedrockClient: { endpoint: bedrockServer.endpoint, ...FAKE_AWS, budget } },
      );
    const chat = queuedConversation(observed(TEST_BUDGET), observed(QUEUED_TEST_BUDGET), logger);
    const [first, second] = ['+15550169003', '+15550169004'];
    for (const phone of [first, second]) await chat.onboard(phone, 'en');
    script(row, chat.jobs);
    expect(lower(await chat.send(first, row.question))).toContain('let me look that up');
    expect(lower(await chat.deliveries(first))).toContain('fibre');
    const calls = bedrockServer.requests.length;
    expect(lower(await chat.send(second, row.question))).toContain('fibre');
    expect(bedrockServer.requests).toHaveLength(calls);
    expect(chat.jobs).toHaveLength(1);
  });

  it('a queue that refuses the job: the local engine answers now, never nothing', async () => {
    const row = QUEUED_ANSWER_ROWS[2] as QueuedAnswerRow;
    const { logger, lines } = capturingLogger();
    const { inline, queued } = models('bedrock', logger, TEST_BUDGET);
    const chat = queuedConversation(inline, queued, logger);
    const phone = '+15550169005';
    await chat.onboard(phone, 'en');
    script(row, chat.jobs);
    chat.deps.jobs = {
      kind: 'broken',
      enqueue: () => Promise.reject(Object.assign(new Error('queue down'), { name: 'QueueDown' })),
      whenIdle: () => Promise.resolve(),
    };
    const now = lower(await chat.send(phone, row.question));
    expect(now).toContain('fibre');
    expect(now).not.toContain('let me look that up');
    expect(lines.find((line) => line.event === 'question_queue_failed')?.fields).toMatchObject({
      error: 'QueueDown',
    });
  });

  it('a question no longer in the message log (erased, expired): the job sends nothing', async () => {
    const { logger } = capturingLogger();
    const { inline, queued } = models('bedrock', logger, TEST_BUDGET);
    const chat = queuedConversation(inline, queued, logger);
    const phone = '+15550169002';
    await chat.onboard(phone, 'en');
    await chat.deliveries(phone);
    const user = await chat.stores.users.findByPhone(phone);
    await chat.queue.enqueue({ type: 'answer_question', userId: user?.id ?? '', messageId: 'no-such-entry' });
    expect(await chat.deliveries(phone)).toEqual([]);
  });
});
