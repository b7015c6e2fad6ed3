import { expect } from 'vitest';
import type { Profile } from '../../src/core/domain/profile.ts';
import type { Transcript } from '../fixtures/transcripts/index.ts';

/** What one channel returns for one message: the replies, and what was delivered afterwards by queued work. */
export interface TurnResult {
  replies: string[];
  later: string[];
}

/** One way into the coach (use case, CLI, webhook) for one transcript's sender. */
export interface TranscriptChannel {
  send(text: string): Promise<TurnResult>;
  /** The sender's stored profile and dialogue stage once every turn has been sent. */
  end(): Promise<{ profile: Profile; stage: string }>;
}

/** Runs every turn through the channel and checks each reply and the end state against the transcript. */
export async function checkTranscript(transcript: Transcript, channel: TranscriptChannel): Promise<void> {
  for (const [index, turn] of transcript.turns.entries()) {
    const result = await channel.send(turn.send);
    expectTurn(transcript, index, result);
  }
  const { profile, stage } = await channel.end();
  if (transcript.profile) expectProfile(profile, transcript.profile);
  expect(stage).toBe(transcript.stage);
}

/** Checks one turn's result: silence, fragments that must and must not appear, and later deliveries. */
export function expectTurn(transcript: Transcript, index: number, result: TurnResult): void {
  const turn = transcript.turns[index];
  if (!turn) throw new Error(`transcript ${transcript.name} has no turn ${index + 1}`);
  const joined = result.replies.join('\n').toLowerCase();
  const where = `turn ${index + 1} ${JSON.stringify(turn.send)} → ${JSON.stringify(result.replies)}`;
  if (turn.silent) expect(result.replies, where).toEqual([]);
  else expect(result.replies.length, where).toBeGreaterThan(0);
  for (const fragment of turn.expect ?? []) expect(joined, where).toContain(fragment.toLowerCase());
  for (const fragment of turn.reject ?? []) expect(joined, where).not.toContain(fragment.toLowerCase());
  const delivered = result.later.join('\n').toLowerCase();
  const later = `turn ${index + 1} ${JSON.stringify(turn.send)} delivered later → ${JSON.stringify(result.later)}`;
  if (turn.later) expect(result.later.length, later).toBeGreaterThan(0);
  else expect(result.later, later).toEqual([]);
  for (const fragment of turn.later ?? []) expect(delivered, later).toContain(fragment.toLowerCase());
}

/** Body measurements converted from imperial may differ by rounding; everything else must match exactly. */
export function expectProfile(actual: Profile, expected: Profile): void {
  const { body: actualBody, ...actualRest } = actual;
  const { body: expectedBody, ...expectedRest } = expected;
  expect({ ...actualRest, allergies: actualRest.allergies && [...actualRest.allergies].sort() }).toEqual({
    ...expectedRest,
    allergies: expectedRest.allergies && [...expectedRest.allergies].sort(),
  });
  if (expectedBody === undefined) {
    expect(actualBody).toBeUndefined();
    return;
  }
  expect(Object.keys(actualBody ?? {}).sort()).toEqual(Object.keys(expectedBody).sort());
  for (const [key, value] of Object.entries(expectedBody)) {
    const got = (actualBody as Record<string, unknown>)[key];
    if (typeof value === 'number') expect(got, key).toBeCloseTo(value, 0);
    else expect(got, key).toBe(value);
  }
}
