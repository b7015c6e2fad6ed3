import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InProcessQueue } from '../../src/adapters/in-process-queue/in-process-queue.ts';
import { composeLanguage } from '../../src/composition/language.ts';
import { loadConfig } from '../../src/config/config.ts';
import type { CallBudget } from '../../src/core/knowledge/model-call-budget.ts';
import { consentCheckedMessenger } from '../../src/core/messaging/consent-checked-messenger.ts';
import type { Job } from '../../src/core/ports/job-queue.port.ts';
import type { LanguageModel } from '../../src/core/ports/language-model.port.ts';
import { runJob } from '../../src/core/use-cases/run-job.ts';
import { DEFAULT_DELIVERY_WINDOW } from '../../src/core/use-cases/weekly-delivery.ts';
import { capturingLogger, FAKE_AWS, TEST_BUDGET } from '../language/language-test-kit.ts';
import { FakeBedrockRuntime, toolUse } from '../support/fake-bedrock-runtime.ts';
import { chatText, chatTool, type FakeChatReply, FakeOpenAiServer } from '../support/fake-openai-server.ts';
import { buildTestApp, signedTwilioRequest, smsParams, twimlMessages } from '../support/test-app.ts';

// Rows L1–L3 and T2 of FAULTS.md. Phone numbers of this file: +1555013xxxx.
const MODEL_ID = 'us.anthropic.claude-haiku-4-5-20251001-v1:0';
const QUEUED_BUDGET: CallBudget = { totalMs: 2_500, attemptMs: 1_000, maxAttempts: 2 };
const ONBOARDING = [
  'hi',
  'yes',
  'lose weight',
  'allergic to peanuts, I eat everything',
  'just me, $80',
  '30 female 165cm 70kg moderate',
];
const HOLDING_REPLY = "Let me look that up — I'll text you the answer in a moment.";

const bedrock = new FakeBedrockRuntime(() => toolUse('no_match', {}));
const openai = new FakeOpenAiServer(() => chatTool('no_match', {}));
beforeAll(() => Promise.all([bedrock.start(), openai.start()]));
afterAll(() => Promise.all([bedrock.stop(), openai.stop()]));

/**
 * The real app over memory stores, with `inline` answering the webhook and a queue that runs jobs through the real
 * dispatcher with `queued` (the worker's longer budget), delivering to the consent-checked local outbox.
 */
function appWithModels(inline: LanguageModel, queued: LanguageModel) {
  const { logger, lines } = capturingLogger();
  const built = buildTestApp({ logger });
  const messenger = consentCheckedMessenger(built.outbox, { consent: built.stores.consent, logger });
  const jobs: Job[] = [];
  const runner = new InProcessQueue(
    (job) =>
      runJob(
        { ...built.inboundDeps, messenger, language: queued, deliveryWindow: DEFAULT_DELIVERY_WINDOW },
        job,
      ),
    logger,
  );
  built.inboundDeps.language = inline;
  built.inboundDeps.jobs = {
    kind: 'recording',
    enqueue: async (job) => {
      jobs.push(job);
      await runner.enqueue(job);
    },
    whenIdle: () => runner.whenIdle(),
  };
  const post = (params: Record<string, string>) => built.app.request(signedTwilioRequest(params));
  const onboard = async (phone: string) => {
    for (const text of ONBOARDING) expect((await post(smsParams(phone, text))).status).toBe(200);
    await later(phone);
  };
  /** Delivered to the number since the last call, once every queued job has finished. */
  const later = async (phone: string) => {
    await runner.whenIdle();
    const user = await built.stores.users.findByPhone(phone);
    return user ? built.outbox.takeNew(user.id) : [];
  };
  return { ...built, post, onboard, later, jobs, lines };
}

describe('the language model fails behind the Twilio webhook', () => {
  it('L1 + L2 (T2): Bedrock never answers; retries of the MessageSid during and after the first attempt get its TwiML; one answer later', async () => {
    const { logger } = capturingLogger();
    const config = loadConfig({ LANGUAGE_PROVIDER: 'bedrock', BEDROCK_MODEL_ID: MODEL_ID });
    const model = (budget: CallBudget) =>
      composeLanguage(config, logger, { bedrockClient: { endpoint: bedrock.endpoint, ...FAKE_AWS, budget } });
    const chat = appWithModels(model(TEST_BUDGET), model(QUEUED_BUDGET));
    const phone = '+15550130001';
    await chat.onboard(phone);
    // Hangs until the question has been queued; the job's call is answered.
    bedrock.respond = () =>
      chat.jobs.length === 0
        ? { kind: 'hang' }
        : toolUse('choose_entry', { entryId: 'fibre-needs', topic: 'fibre' });
    bedrock.requests.length = 0;
    const callsBefore = chat.calls.count;

    const params = smsParams(phone, 'what is the deal with roughage?');
    const first = chat.post(params);
    // Twilio's retry arrives while the first attempt is still waiting on the model.
    while (bedrock.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    const during = chat.post(params);
    const responses = await Promise.all([first, during]);
    const after = await chat.post(params);
    const all = [...responses, after];
    expect(all.map((response) => response.status)).toEqual([200, 200, 200]);
    const bodies = await Promise.all(all.map((response) => response.text()));
    expect(new Set(bodies).size).toBe(1);
    expect(twimlMessages(bodies[0] ?? '')).toEqual([HOLDING_REPLY]);
    expect(chat.calls.count - callsBefore).toBe(1);
    expect(chat.jobs).toHaveLength(1);

    const delivered = await chat.later(phone);
    expect(delivered).toHaveLength(1);
    expect(delivered.join('\n').toLowerCase()).toContain('fibre');
    expect(delivered.join('\n')).not.toContain('Let me look that up');
  }, 30_000);

  const garbage: [string, FakeChatReply][] = [
    ['a body that is not JSON', { kind: 'garbage', body: 'upstream connect error' }],
    ['plain text inventing a number', chatText('Just eat 800 kcal a day.')],
    [
      'a tool call naming an entry that does not exist',
      chatTool('choose_entry', { entryId: 'starve-safely', topic: 'fibre' }),
    ],
  ];

  it.each(garbage)(
    'L3: OpenAI returns %s: 200 with the local answer at once, nothing queued',
    async (_name, reply) => {
      const { logger } = capturingLogger();
      const config = loadConfig({
        LANGUAGE_PROVIDER: 'openai',
        OPENAI_BASE_URL: openai.baseUrl,
        OPENAI_MODEL: 'llama3.1:8b',
      });
      const model = (budget: CallBudget) => composeLanguage(config, logger, { openaiBudget: budget });
      const chat = appWithModels(model(TEST_BUDGET), model(QUEUED_BUDGET));
      const phone = `+1555013${String(1000 + garbage.findIndex(([name]) => name === _name)).padStart(4, '0')}`;
      await chat.onboard(phone);
      openai.respond = () => reply;
      openai.requests.length = 0;

      const response = await chat.post(smsParams(phone, 'how much fibre do I need?'));
      expect(response.status).toBe(200);
      const now = twimlMessages(await response.text()).join('\n');
      expect(openai.requests.length).toBeGreaterThan(0);
      expect(now.toLowerCase()).toContain('fibre');
      expect(now).not.toContain('800');
      expect(now).not.toContain('Let me look that up');
      expect(chat.jobs).toEqual([]);
      expect(await chat.later(phone)).toEqual([]);
    },
  );
});
