import { describe, expect, it } from 'vitest';
import {
  checkConsistency,
  type ProblemKind,
  type SentMessage,
  type StoresSnapshot,
} from '../../bench/load/consistency.ts';

/**
 * Expected outcomes of the bench:load consistency check, written before the checker. Each row is a small record of
 * what the load generator sent (and how each send was answered) beside a snapshot of the stores, and the problems
 * the check must report: none for a consistent snapshot, the named kinds for a lost, duplicated or unfinished one.
 */

const PHONE_A = '+15550000001';
const PHONE_B = '+15550000002';
const WEB_C = '0b6f3c1e-5d2a-4c8b-9e7f-1a2b3c4d5e6f';

let sid = 0;
function sms(
  phone: string,
  body: string,
  logged: boolean,
  stageAfter: SentMessage['stageAfter'],
  statuses: number[] = [200],
  extra: Partial<SentMessage> = {},
): SentMessage {
  sid++;
  return {
    key: `SM${sid.toString(16).padStart(32, '0')}`,
    label: phone === PHONE_A ? 'sms-A' : 'sms-B',
    sender: { phone },
    channel: 'sms',
    body,
    logged,
    stageAfter,
    makesPlan: false,
    statuses,
    ...extra,
  };
}

function web(body: string, logged: boolean, stageAfter: SentMessage['stageAfter']): SentMessage {
  sid++;
  return {
    key: `web-${sid}`,
    label: 'web-C',
    sender: { webSessionId: WEB_C },
    channel: 'web',
    body,
    logged,
    stageAfter,
    makesPlan: false,
    statuses: [200],
  };
}

/** A's onboarding start and a food log, B's consent, C's first web message: every send answered 200. */
function consistentRun(): { sent: SentMessage[]; snapshot: StoresSnapshot } {
  const sent = [
    sms(PHONE_A, 'hi', false, 'awaiting_consent'),
    sms(PHONE_A, 'YES', false, 'onboarding'),
    sms(PHONE_A, 'lose weight', true, 'onboarding'),
    sms(PHONE_B, 'hello', false, 'awaiting_consent'),
    sms(PHONE_B, 'yes', false, 'onboarding'),
    web('hi', false, 'awaiting_consent'),
  ];
  const snapshot: StoresSnapshot = {
    users: [
      { id: 'u-a', phone: PHONE_A, webSessionId: null },
      { id: 'u-b', phone: PHONE_B, webSessionId: null },
      { id: 'u-c', phone: null, webSessionId: WEB_C },
    ],
    dialogues: [
      { userId: 'u-a', stage: 'onboarding', version: 3 },
      { userId: 'u-b', stage: 'onboarding', version: 2 },
      { userId: 'u-c', stage: 'awaiting_consent', version: 1 },
    ],
    inboundLog: [{ userId: 'u-a', body: 'lose weight' }],
    receipts: sent
      .filter((message) => message.channel === 'sms')
      .map((message) => ({
        key: `twilio:${message.key}`,
        userId: 'phone' in message.sender && message.sender.phone === PHONE_A ? 'u-a' : 'u-b',
        completed: true,
      })),
    plans: [],
  };
  return { sent, snapshot };
}

/** The completed receipt the webhook keeps for an accepted SMS (rows that add an accepted SMS add it too). */
function addReceipt(snapshot: StoresSnapshot, message: SentMessage | undefined, userId: string): void {
  if (message) snapshot.receipts.push({ key: `twilio:${message.key}`, userId, completed: true });
}

const kinds = (sent: SentMessage[], snapshot: StoresSnapshot): ProblemKind[] =>
  checkConsistency(sent, snapshot)
    .problems.map((problem) => problem.kind)
    .sort();

describe('bench:load consistency check', () => {
  it('a consistent run: no problems, every accepted message counted once', () => {
    const { sent, snapshot } = consistentRun();
    const report = checkConsistency(sent, snapshot);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.acceptedMessages).toBe(6);
    expect(report.senders).toBe(3);
  });

  it('a Twilio retry answered twice is counted once', () => {
    const { sent, snapshot } = consistentRun();
    const retried = sent[2];
    if (!retried) throw new Error('fixture');
    retried.statuses = [200, 200];
    const report = checkConsistency(sent, snapshot);
    expect(report.problems).toEqual([]);
    expect(report.acceptedMessages).toBe(6);
    expect(report.retriedMessages).toBe(1);
  });

  it('a retry processed twice: its body logged twice and one version too many', () => {
    const { sent, snapshot } = consistentRun();
    const retried = sent[2];
    if (!retried) throw new Error('fixture');
    retried.statuses = [200, 200];
    snapshot.inboundLog.push({ userId: 'u-a', body: 'lose weight' });
    const a = snapshot.dialogues.find((row) => row.userId === 'u-a');
    if (!a) throw new Error('fixture');
    a.version = 4;
    expect(kinds(sent, snapshot)).toEqual(['dialogue_version', 'duplicated_message']);
  });

  it('an accepted message missing from the log is lost', () => {
    const { sent, snapshot } = consistentRun();
    snapshot.inboundLog = [];
    const report = checkConsistency(sent, snapshot);
    expect(report.ok).toBe(false);
    expect(report.problems.map((problem) => [problem.kind, problem.sender])).toEqual([
      ['lost_message', 'sms-A'],
    ]);
  });

  it('a log row of a body the sender never sent is unexpected', () => {
    const { sent, snapshot } = consistentRun();
    snapshot.inboundLog.push({ userId: 'u-b', body: 'lose weight' });
    expect(kinds(sent, snapshot)).toEqual(['unexpected_message']);
  });

  it('a sender with accepted messages but no dialogue state has lost it', () => {
    const { sent, snapshot } = consistentRun();
    snapshot.dialogues = snapshot.dialogues.filter((row) => row.userId !== 'u-b');
    expect(kinds(sent, snapshot)).toEqual(['dialogue_lost']);
  });

  it('a sender with accepted messages but no user is missing', () => {
    const { sent, snapshot } = consistentRun();
    snapshot.users = snapshot.users.filter((row) => row.id !== 'u-c');
    expect(kinds(sent, snapshot)).toEqual(['sender_missing']);
  });

  it('a lost dialogue update shows as a version below the accepted count', () => {
    const { sent, snapshot } = consistentRun();
    const a = snapshot.dialogues.find((row) => row.userId === 'u-a');
    if (!a) throw new Error('fixture');
    a.version = 2;
    expect(kinds(sent, snapshot)).toEqual(['dialogue_version']);
  });

  it('a dialogue in another stage than its accepted messages lead to', () => {
    const { sent, snapshot } = consistentRun();
    const b = snapshot.dialogues.find((row) => row.userId === 'u-b');
    if (!b) throw new Error('fixture');
    b.stage = 'awaiting_consent';
    expect(kinds(sent, snapshot)).toEqual(['stage']);
  });

  it('an accepted SMS without a completed webhook receipt', () => {
    const { sent, snapshot } = consistentRun();
    const first = snapshot.receipts[0];
    if (!first) throw new Error('fixture');
    first.completed = false;
    snapshot.receipts = snapshot.receipts.filter((row) => row.key !== `twilio:${sent[1]?.key}`);
    expect(kinds(sent, snapshot)).toEqual(['receipt_missing', 'receipt_missing']);
  });

  it('a refused message that was processed anyway (one version more than accepted)', () => {
    const { sent, snapshot } = consistentRun();
    sent.push(sms(PHONE_B, 'maintain', true, 'onboarding', [500]));
    snapshot.inboundLog.push({ userId: 'u-b', body: 'maintain' });
    const b = snapshot.dialogues.find((row) => row.userId === 'u-b');
    if (!b) throw new Error('fixture');
    b.version = 3;
    expect(kinds(sent, snapshot)).toEqual(['dialogue_version', 'unexpected_message']);
  });

  it('a refused message that was not processed: the sender is disturbed, only version and duplicates checked', () => {
    const { sent, snapshot } = consistentRun();
    // B's goal refused; the next message (predicted as logged, stage onboarding) went in but was not logged.
    sent.push(sms(PHONE_B, 'maintain', true, 'onboarding', [503]));
    sent.push(sms(PHONE_B, 'vegan', true, 'onboarding'));
    addReceipt(snapshot, sent.at(-1), 'u-b');
    const b = snapshot.dialogues.find((row) => row.userId === 'u-b');
    if (!b) throw new Error('fixture');
    b.version = 3;
    b.stage = 'ready';
    const report = checkConsistency(sent, snapshot);
    expect(report.problems).toEqual([]);
    expect(report.disturbedSenders).toBe(1);
    expect(report.acceptedMessages).toBe(7);
  });

  it('a disturbed sender with a body logged more often than it was accepted is still a duplicate', () => {
    const { sent, snapshot } = consistentRun();
    sent.push(sms(PHONE_B, 'maintain', true, 'onboarding', [503]));
    sent.push(sms(PHONE_B, 'vegan', true, 'onboarding'));
    addReceipt(snapshot, sent.at(-1), 'u-b');
    snapshot.inboundLog.push({ userId: 'u-b', body: 'vegan' }, { userId: 'u-b', body: 'vegan' });
    const b = snapshot.dialogues.find((row) => row.userId === 'u-b');
    if (!b) throw new Error('fixture');
    b.version = 3;
    expect(kinds(sent, snapshot)).toEqual(['duplicated_message']);
  });

  it('a message never answered, even when sent again after the run, is reported', () => {
    const { sent, snapshot } = consistentRun();
    sent.push(sms(PHONE_A, 'vegetarian', true, 'onboarding', [0, 0]));
    expect(kinds(sent, snapshot)).toContain('no_answer');
  });

  it('an accepted plan request without a plan: queued work did not finish', () => {
    const { sent, snapshot } = consistentRun();
    sent.push(sms(PHONE_A, 'plan', true, 'onboarding', [200], { makesPlan: true }));
    addReceipt(snapshot, sent.at(-1), 'u-a');
    snapshot.inboundLog.push({ userId: 'u-a', body: 'plan' });
    const a = snapshot.dialogues.find((row) => row.userId === 'u-a');
    if (!a) throw new Error('fixture');
    a.version = 4;
    expect(kinds(sent, snapshot)).toEqual(['plan_missing']);
    snapshot.plans.push({ userId: 'u-a' });
    expect(kinds(sent, snapshot)).toEqual([]);
  });
});
