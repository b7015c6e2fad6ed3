/**
 * The bench:load consistency check: what the load generator sent (and how each send was answered) against what the
 * stores hold once the queue is idle. Exact for every sender whose messages were all accepted in order; a sender
 * with a refused message ("disturbed": the conversation took another path than the script predicts) is checked for
 * what stays exact whatever the path: its dialogue version and no body logged more often than it was accepted.
 */

export type Stage = 'new' | 'awaiting_consent' | 'onboarding' | 'ready';

export interface SentMessage {
  /** The MessageSid of an SMS; a generated id for a web chat message. */
  key: string;
  /** Names the sender in the report (never a phone number). */
  label: string;
  sender: { phone: string } | { webSessionId: string };
  channel: 'sms' | 'web';
  body: string;
  /** The conversation keeps this body (after consent, not while opted out), if every earlier message went in. */
  logged: boolean;
  /** The sender's dialogue stage after this message, under the same condition. */
  stageAfter: Stage;
  /** A plan request: a plan (made inline or by the queue) must exist afterwards. */
  makesPlan: boolean;
  /** The HTTP status of every send of this message (the first and any retries); 0 when no answer came. */
  statuses: number[];
}

export interface StoresSnapshot {
  users: { id: string; phone: string | null; webSessionId: string | null }[];
  dialogues: { userId: string; stage: string; version: number }[];
  /** The `in` rows of the message log. */
  inboundLog: { userId: string; body: string }[];
  receipts: { key: string; userId: string | null; completed: boolean }[];
  plans: { userId: string }[];
}

export type ProblemKind =
  | 'sender_missing'
  | 'dialogue_lost'
  | 'dialogue_version'
  | 'stage'
  | 'lost_message'
  | 'duplicated_message'
  | 'unexpected_message'
  | 'receipt_missing'
  | 'plan_missing'
  | 'no_answer';

export interface Problem {
  kind: ProblemKind;
  sender: string;
  detail: string;
}

export interface ConsistencyReport {
  ok: boolean;
  /** Distinct messages with at least one 2xx answer (a retried message counts once). */
  acceptedMessages: number;
  /** Accepted messages sent more than once. */
  retriedMessages: number;
  senders: number;
  /** Senders with a refused message, checked for version and duplicates only. */
  disturbedSenders: number;
  problems: Problem[];
}

const accepted = (message: SentMessage) => message.statuses.some((status) => status >= 200 && status < 300);

export function checkConsistency(sent: SentMessage[], snapshot: StoresSnapshot): ConsistencyReport {
  const bySender = new Map<string, SentMessage[]>();
  for (const message of sent) {
    const list = bySender.get(message.label) ?? [];
    list.push(message);
    bySender.set(message.label, list);
  }
  const index = indexSnapshot(snapshot);
  const problems: Problem[] = [];
  let disturbedSenders = 0;
  for (const [label, messages] of bySender) {
    const disturbed = messages.some((message) => !accepted(message));
    if (disturbed) disturbedSenders++;
    problems.push(...checkSender(label, messages, disturbed, index));
  }
  const acceptedMessages = sent.filter(accepted);
  return {
    ok: problems.length === 0,
    acceptedMessages: acceptedMessages.length,
    retriedMessages: acceptedMessages.filter((message) => message.statuses.length > 1).length,
    senders: bySender.size,
    disturbedSenders,
    problems,
  };
}

interface SnapshotIndex {
  userByPhone: Map<string, string>;
  userBySession: Map<string, string>;
  dialogue: Map<string, { stage: string; version: number }>;
  logBodies: Map<string, Map<string, number>>;
  receipts: Map<string, { userId: string | null; completed: boolean }>;
  planUsers: Set<string>;
}

function indexSnapshot(snapshot: StoresSnapshot): SnapshotIndex {
  const logBodies = new Map<string, Map<string, number>>();
  for (const row of snapshot.inboundLog) {
    const bodies = logBodies.get(row.userId) ?? new Map<string, number>();
    bodies.set(row.body, (bodies.get(row.body) ?? 0) + 1);
    logBodies.set(row.userId, bodies);
  }
  return {
    userByPhone: new Map(snapshot.users.flatMap((user) => (user.phone ? [[user.phone, user.id]] : []))),
    userBySession: new Map(
      snapshot.users.flatMap((user) => (user.webSessionId ? [[user.webSessionId, user.id]] : [])),
    ),
    dialogue: new Map(snapshot.dialogues.map((row) => [row.userId, row])),
    logBodies,
    receipts: new Map(snapshot.receipts.map((row) => [row.key, row])),
    planUsers: new Set(snapshot.plans.map((row) => row.userId)),
  };
}

function checkSender(
  label: string,
  messages: SentMessage[],
  disturbed: boolean,
  index: SnapshotIndex,
): Problem[] {
  const problems: Problem[] = [];
  const problem = (kind: ProblemKind, detail: string) => problems.push({ kind, sender: label, detail });
  for (const message of messages) {
    if (message.statuses.every((status) => status === 0))
      problem('no_answer', `${message.key} was never answered (${message.statuses.length} sends)`);
  }
  const taken = messages.filter(accepted);
  if (taken.length === 0) return problems;
  const first = messages[0];
  if (!first) return problems;
  const userId =
    'phone' in first.sender
      ? index.userByPhone.get(first.sender.phone)
      : index.userBySession.get(first.sender.webSessionId);
  if (userId === undefined) {
    problem('sender_missing', `${taken.length} accepted messages but no user`);
    return problems;
  }
  // Every processed message commits the dialogue state once, so its version counts the messages that went in.
  const dialogue = index.dialogue.get(userId);
  if (!dialogue) problem('dialogue_lost', `${taken.length} accepted messages but no dialogue state`);
  else if (dialogue.version !== taken.length)
    problem('dialogue_version', `version ${dialogue.version}, accepted messages ${taken.length}`);
  const last = taken.at(-1);
  if (!disturbed && dialogue && last && dialogue.stage !== last.stageAfter)
    problem('stage', `stage ${dialogue.stage}, expected ${last.stageAfter}`);
  problems.push(...checkLog(label, taken, disturbed, index.logBodies.get(userId) ?? new Map()));
  for (const message of taken) {
    if (message.channel !== 'sms') continue;
    const receipt = index.receipts.get(`twilio:${message.key}`);
    if (!receipt?.completed || receipt.userId !== userId)
      problem('receipt_missing', `${message.key} accepted without a completed receipt for its user`);
  }
  if (taken.some((message) => message.makesPlan) && !index.planUsers.has(userId))
    problem('plan_missing', 'a plan request was accepted but no plan exists');
  return problems;
}

/** The sender's logged bodies as a multiset against the accepted ones (all of them when the path is unknown). */
function checkLog(
  label: string,
  taken: SentMessage[],
  disturbed: boolean,
  actual: Map<string, number>,
): Problem[] {
  const acceptedCount = new Map<string, number>();
  const expectedCount = new Map<string, number>();
  for (const message of taken) {
    acceptedCount.set(message.body, (acceptedCount.get(message.body) ?? 0) + 1);
    if (message.logged) expectedCount.set(message.body, (expectedCount.get(message.body) ?? 0) + 1);
  }
  const problems: Problem[] = [];
  for (const [body, count] of actual) {
    const ceiling = disturbed ? (acceptedCount.get(body) ?? 0) : (expectedCount.get(body) ?? 0);
    if (count <= ceiling) continue;
    const kind = (acceptedCount.get(body) ?? 0) === 0 ? 'unexpected_message' : 'duplicated_message';
    problems.push({ kind, sender: label, detail: `a body logged ${count} times, expected ${ceiling}` });
  }
  if (disturbed) return problems;
  for (const [body, count] of expectedCount) {
    const found = actual.get(body) ?? 0;
    if (found < count)
      problems.push({
        kind: 'lost_message',
        sender: label,
        detail: `a body logged ${found} times of ${count}`,
      });
  }
  return problems;
}
