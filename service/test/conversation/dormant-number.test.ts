import { describe, expect, it } from 'vitest';
import { parseDialogueState } from '../../src/core/conversation/dialogue-state.ts';
import type { Job, JobQueue } from '../../src/core/ports/job-queue.port.ts';
import { silentLogger } from '../../src/core/ports/logger.port.ts';
import { handleInboundMessage } from '../../src/core/use-cases/handle-inbound-message.ts';
import {
  DEFAULT_DELIVERY_WINDOW,
  deliverWeeklyPlan,
  runWeeklyDeliveries,
} from '../../src/core/use-cases/weekly-delivery.ts';
import {
  DORMANT_START,
  type DormantCase,
  type DormantStep,
  dormantCases,
} from '../fixtures/dormant-number-expected.ts';
import { buildTestApp, signedTwilioRequest, smsParams, twimlMessages } from '../support/test-app.ts';

const DAY_MS = 86_400_000;

type Via = 'use case' | 'webhook';

/** A queue that only keeps what the scheduler gives it; the test runs each job itself. */
function holdingQueue(): JobQueue & { jobs: Job[] } {
  const jobs: Job[] = [];
  return {
    kind: 'holding',
    jobs,
    enqueue: async (job) => {
      jobs.push(job);
    },
    whenIdle: async () => {},
  };
}

/** One case through the real use case (directly, or as a signed Twilio webhook) with the test app's clock moved. */
async function runCase(dormant: DormantCase, via: Via): Promise<void> {
  const { app, stores, clock, inboundDeps, takeDeliveries } = buildTestApp();
  clock.advance(Date.parse(DORMANT_START) - clock.now().getTime());
  const send = async (text: string): Promise<string[]> => {
    if (via === 'webhook') {
      const response = await app.request(signedTwilioRequest(smsParams(dormant.from, text)));
      if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
      return twimlMessages(await response.text());
    }
    const result = await handleInboundMessage(inboundDeps, {
      channel: 'sms',
      sender: { phone: dormant.from },
      text,
      hasMedia: false,
    });
    return result.replies;
  };
  const tick = async (): Promise<void> => {
    const jobs = holdingQueue();
    const { messenger } = inboundDeps;
    if (!messenger) throw new Error('the test app wires a messenger');
    await runWeeklyDeliveries({
      stores,
      clock,
      logger: silentLogger,
      jobs,
      deliveryWindow: DEFAULT_DELIVERY_WINDOW,
    });
    for (const job of jobs.jobs) {
      if (job.type === 'weekly_plan')
        await deliverWeeklyPlan({ ...inboundDeps, messenger, deliveryWindow: DEFAULT_DELIVERY_WINDOW }, job);
    }
  };

  for (const text of dormant.setup) await send(text);
  await takeDeliveries(dormant.from);
  const original = await stores.users.findByPhone(dormant.from);
  if (!original) throw new Error(`${dormant.name}: setup made no user`);

  for (const [index, step] of dormant.steps.entries()) {
    clock.advance((step.afterDays ?? 0) * DAY_MS);
    const where = `${dormant.name} (${via}) step ${index + 1} ${describeStep(step)}`;
    if (step.send !== undefined) {
      const replies = await send(step.send);
      const joined = replies.join('\n').toLowerCase();
      const seen = `${where} → ${JSON.stringify(replies)}`;
      if (step.silent) expect(replies, seen).toEqual([]);
      else expect(replies.length, seen).toBeGreaterThan(0);
      for (const fragment of step.expect ?? []) expect(joined, seen).toContain(fragment.toLowerCase());
      for (const fragment of step.reject ?? []) expect(joined, seen).not.toContain(fragment.toLowerCase());
      expect(await takeDeliveries(dormant.from), `${where}: nothing delivered later`).toEqual([]);
    }
    if (step.tick) {
      await tick();
      const delivered = await takeDeliveries(dormant.from);
      const seen = `${where} delivered → ${JSON.stringify(delivered)}`;
      if (step.delivered === 'nothing' || step.delivered === undefined) expect(delivered, seen).toEqual([]);
      else {
        expect(delivered.length, seen).toBe(1);
        const joined = delivered.join('\n').toLowerCase();
        for (const fragment of step.delivered.contains)
          expect(joined, seen).toContain(fragment.toLowerCase());
        for (const fragment of step.delivered.omits ?? [])
          expect(joined, seen).not.toContain(fragment.toLowerCase());
      }
    }
  }

  const user = await stores.users.findByPhone(dormant.from);
  const state = parseDialogueState((await stores.dialogue.load(user?.id ?? ''))?.state);
  expect(state.stage, `${dormant.name}: stage at the end`).toBe(dormant.stage);
  if (dormant.erased) {
    const then = new Date(DORMANT_START);
    expect(await stores.users.findById(original.id)).toBeUndefined();
    expect(await stores.plans.listForUser(original.id, then)).toEqual([]);
    expect(await stores.foodLog.forDays(original.id, '2026-11-01', '2026-12-31', then)).toEqual([]);
    expect(await stores.dialogue.load(original.id)).toBeUndefined();
  } else {
    expect(user?.id, `${dormant.name}: the same user throughout`).toBe(original.id);
  }
}

function describeStep(step: DormantStep): string {
  const when = step.afterDays ? `+${step.afterDays}d ` : '';
  return step.tick ? `${when}weekly tick` : `${when}${JSON.stringify(step.send)}`;
}

describe.each(['use case', 'webhook'] as const)('a number that went quiet, through the %s', (via) => {
  it.each(dormantCases)('$name', { timeout: 60_000 }, async (dormant) => {
    await runCase(dormant, via);
  });
});
