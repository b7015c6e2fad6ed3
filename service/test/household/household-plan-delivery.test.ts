import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jobSchema } from '../../src/core/ports/job-queue.port.ts';
import { deliverHouseholdPlan } from '../../src/core/use-cases/deliver-household-plan.ts';
import { handleInboundMessage } from '../../src/core/use-cases/handle-inbound-message.ts';
import { runCli } from '../support/spawn-cli.ts';
import { buildTestApp } from '../support/test-app.ts';

const ONBOARD_FAMILY = [
  'hi',
  'yes',
  'lose weight',
  'no allergies, I eat everything',
  'family of 4, $180 a week',
  '36 female 165cm 70kg moderate',
];

async function say(app: ReturnType<typeof buildTestApp>, phone: string, text: string): Promise<string[]> {
  const { replies } = await handleInboundMessage(app.inboundDeps, {
    channel: 'sms',
    sender: { phone },
    text,
    hasMedia: false,
  });
  return replies;
}

describe('household plans through the queue', () => {
  it('queues a JSON job with ids only, answers at once and delivers the plan once', async () => {
    const app = buildTestApp();
    const phone = '+15550030101';
    const jobs: unknown[] = [];
    const enqueue = app.queue.enqueue.bind(app.queue);
    app.queue.enqueue = async (job) => {
      jobs.push(JSON.parse(JSON.stringify(job)));
      return enqueue(job);
    };
    for (const text of [...ONBOARD_FAMILY, 'plan']) await say(app, phone, text);
    const replies = await say(app, phone, 'partner 38 male, kids 9 and 6 (boy and girl)');
    expect(replies[0]).toContain('Working on it');
    expect(jobs).toHaveLength(1);
    const job = jobSchema.parse(jobs[0]);
    expect(JSON.stringify(job)).not.toContain('555');
    await app.queue.whenIdle();
    const user = await app.stores.users.findByPhone(phone);
    if (!user || job.type !== 'household_plan') throw new Error('no user or job');
    expect(job.userId).toBe(user.id);
    const delivered = app.outbox.delivered(user.id);
    expect(delivered).toHaveLength(1);
    expect(delivered[0]).toContain('/p/');
    const plan = await app.stores.plans.current(user.id, app.clock.now());
    expect(plan?.id).toBe(job.planId);
    expect(
      plan?.request.members.map((member) => [member.name, member.goal, member.estimated ?? false]),
    ).toEqual([
      ['You', 'lose', false],
      ['Partner (38)', 'maintain', true],
      ['Boy (9)', 'maintain', true],
      ['Girl (6)', 'maintain', true],
    ]);

    // The same job again (an SQS redelivery): no second plan, no second message.
    await deliverHouseholdPlan({ ...app.inboundDeps, messenger: app.outbox }, job);
    expect(app.outbox.delivered(user.id)).toHaveLength(1);
    expect((await app.stores.plans.current(user.id, app.clock.now()))?.id).toBe(job.planId);
  }, 60_000);

  it('never messages a user who opted out before the plan was ready, and does not plan for them', async () => {
    const app = buildTestApp();
    const phone = '+15550030102';
    for (const text of [...ONBOARD_FAMILY, 'plan']) await say(app, phone, text);
    const jobs: unknown[] = [];
    app.queue.enqueue = async (job) => {
      jobs.push(job);
    };
    expect((await say(app, phone, 'partner 38 male, kids 9 and 6 (boy and girl)'))[0]).toContain(
      'Working on it',
    );
    await say(app, phone, 'STOP');
    const job = jobSchema.parse(jobs[0]);
    if (job.type !== 'household_plan') throw new Error('expected a plan job');
    await deliverHouseholdPlan({ ...app.inboundDeps, messenger: app.outbox }, job);
    expect(app.outbox.delivered(job.userId)).toEqual([]);
    expect(await app.stores.plans.current(job.userId, app.clock.now())).toBeUndefined();
  }, 60_000);

  it('keeps the delivered body in the message log (consent given) and shows estimated members on the plan page', async () => {
    const app = buildTestApp();
    const phone = '+15550030103';
    for (const text of [...ONBOARD_FAMILY, 'plan', 'partner 38 male, kids 9 and 6 (boy and girl)'])
      await say(app, phone, text);
    const [delivered] = await app.takeDeliveries(phone);
    const link = /\/p\/([A-Za-z0-9_-]+)/.exec(delivered ?? '')?.[1];
    const page = await (await app.app.request(`/p/${link}`)).text();
    expect(page).toContain('Partner (38)');
    expect(page).toContain('Girl (6)');
    expect(page.match(/height and weight estimated/g)).toHaveLength(3);
    expect(await app.takeDeliveries(phone)).toEqual([]);
  }, 60_000);
});

describe('nutritionist chat --json with a household plan', () => {
  it('adds the delivered plan to the line as "later", and only there', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nutritionist-household-'));
    try {
      const input = [...ONBOARD_FAMILY, 'plan', 'partner 38 male, kids 9 and 6 (boy and girl)', ''].join(
        '\n',
      );
      const result = await runCli(['chat', '--as', '+15550030104', '--data-dir', dir, '--json'], input);
      expect(result.code).toBe(0);
      const lines = result.stdout
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line) as { in: string; replies: string[]; later?: string[] });
      expect(lines).toHaveLength(8);
      const last = lines.at(-1);
      expect(last?.replies[0]).toContain('Working on it');
      expect(last?.later).toHaveLength(1);
      expect(last?.later?.[0]).toContain('/p/');
      expect(lines.slice(0, -1).every((line) => line.later === undefined)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
