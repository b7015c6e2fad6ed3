import { expect, it } from 'vitest';
import type { Logger } from '../../src/core/ports/logger.port.ts';
import type { Stores } from '../../src/core/ports/stores.ts';
import { describeOnDynamoDbLocal } from '../support/dynamodb-suite.ts';
import { buildTestApp, signedTwilioRequest, smsParams, twimlMessages } from '../support/test-app.ts';

// Rows D1 and D2 of FAULTS.md. Phone numbers of this file: +1555012xxxx.
const ONBOARDING = [
  'hi',
  'yes',
  'maintain',
  'no allergies, I eat everything',
  'just me, $90 a week',
  '41 male 180cm 80kg light',
];

function countingLogger() {
  const events: string[] = [];
  const record = (event: string) => {
    events.push(event);
  };
  const logger: Logger = { debug: record, info: record, warn: record, error: record };
  return { logger, count: (event: string) => events.filter((line) => line === event).length };
}

/**
 * Holds each read, once armed, until `parties` reads have reached the store: every racer then acts on the same
 * snapshot, so DynamoDB's condition checks refuse all but one of them (a race forced, not hoped for).
 */
function barrier<A extends unknown[], R>(read: (...args: A) => Promise<R>, parties: number) {
  let armed = false;
  let waiting: (() => void)[] = [];
  const held = async (...args: A): Promise<R> => {
    const result = await read(...args);
    if (!armed) return result;
    await new Promise<void>((resolve) => {
      waiting.push(resolve);
      if (waiting.length < parties) return;
      armed = false;
      for (const release of waiting) release();
      waiting = [];
    });
    return result;
  };
  return {
    held,
    arm: () => {
      armed = true;
    },
  };
}

/** The dialogue loads and the user lookups by phone of these stores, behind barriers of two. */
function raceBarriers(stores: Stores) {
  const load = barrier(stores.dialogue.load.bind(stores.dialogue), 2);
  stores.dialogue.load = load.held;
  const lookup = barrier(stores.users.findByPhone.bind(stores.users), 2);
  stores.users.findByPhone = lookup.held;
  return { load, lookup };
}

describeOnDynamoDbLocal('two racing messages of one user', (local) => {
  async function appOnDynamo() {
    const { stores } = await local.freshTable('faults-race', {
      pseudonymKey: 'faults-race-test-pseudonym-key-0123456789',
      timeToLive: true, // this file always ran on createTable's default, TTL on
    });
    const log = countingLogger();
    const built = buildTestApp({ stores, logger: log.logger });
    const post = (params: Record<string, string>) => built.app.request(signedTwilioRequest(params));
    return { ...built, log, post, barriers: raceBarriers(stores) };
  }

  it('D1: "had 2 eggs" and "had a banana" at once: both answered 200, both logged once, one conflict recomputed', async () => {
    const { post, stores, clock, log, barriers } = await appOnDynamo();
    const phone = '+15550120001';
    for (const text of ONBOARDING) expect((await post(smsParams(phone, text))).status).toBe(200);
    const user = await stores.users.findByPhone(phone);
    if (!user) throw new Error('onboarding made no user');
    const versionBefore = (await stores.dialogue.load(user.id))?.version ?? 0;
    const texts = ['had 2 eggs', 'had a banana'];

    barriers.load.arm();
    const responses = await Promise.all(texts.map((text) => post(smsParams(phone, text))));
    expect(responses.map((response) => response.status)).toEqual([200, 200]);
    const replies = await Promise.all(
      responses.map(async (response) => twimlMessages(await response.text())),
    );
    expect(replies[0]?.join('\n').toLowerCase()).toMatch(/logged[\s\S]*egg/);
    expect(replies[1]?.join('\n').toLowerCase()).toMatch(/logged[\s\S]*banana/);
    expect(log.count('dialogue_version_conflict')).toBe(1);

    const now = clock.now();
    const inbound = (await stores.messages.listForUser(user.id, now, 1_000)).filter(
      (entry) => entry.direction === 'in' && texts.includes(entry.body),
    );
    expect(inbound.map((entry) => entry.body).sort()).toEqual([...texts].sort());
    expect((await stores.dialogue.load(user.id))?.version).toBe(versionBefore + 2);
    const foods = JSON.stringify(
      await stores.foodLog.forDays(user.id, '2026-11-20', '2026-11-30', now),
    ).toLowerCase();
    expect(foods.match(/egg/g)?.length ?? 0).toBeGreaterThan(0);
    expect(foods).toContain('banana');
    const entries = await stores.foodLog.forDays(user.id, '2026-11-20', '2026-11-30', now);
    expect(entries).toHaveLength(2);
  }, 60_000);

  it('D2: the first two messages of a new number at once: one user, both answered 200', async () => {
    const { post, stores, log, barriers } = await appOnDynamo();
    const phone = '+15550120002';
    // Both look the number up before either creates the user: one create meets the other's pointer item.
    barriers.lookup.arm();
    const responses = await Promise.all(['hi', 'hello'].map((text) => post(smsParams(phone, text))));
    expect(responses.map((response) => response.status)).toEqual([200, 200]);
    for (const response of responses) expect(twimlMessages(await response.text()).join('')).not.toBe('');
    expect(log.count('user_created')).toBe(1);
    expect(log.count('dialogue_version_conflict')).toBeLessThanOrEqual(1);
    expect(await stores.users.findByPhone(phone)).toBeDefined();
  }, 60_000);
});
