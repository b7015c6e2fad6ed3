import { describe, expect, it } from 'vitest';
import { createMemoryStores } from '../../src/adapters/memory/index.ts';
import { parseAddress } from '../../src/core/conversation/address.ts';
import { parseDialogueState } from '../../src/core/conversation/dialogue-state.ts';
import type { Profile } from '../../src/core/domain/profile.ts';
import { silentLogger } from '../../src/core/ports/logger.port.ts';
import { handleInboundMessage } from '../../src/core/use-cases/handle-inbound-message.ts';
import { transcripts } from '../fixtures/transcripts/index.ts';
import { ManualClock, sequentialIds } from '../support/test-app.ts';
import { sequentialTokens, testPlanner } from '../support/test-planner.ts';

describe.each(transcripts)('transcript: $name', (transcript) => {
  it('matches every expected reply and ends with the expected profile', async () => {
    const stores = createMemoryStores();
    const deps = {
      stores,
      clock: new ManualClock(),
      ids: sequentialIds(),
      tokens: sequentialTokens(),
      planner: testPlanner,
      logger: silentLogger,
      conversation: {
        brand: { name: 'AI Nutritionist', contact: 'help@example.org' },
        privacyUrl: 'https://coach.example.test/privacy',
        providerConfirmsOptOut: false,
      },
      publicBaseUrl: 'https://coach.example.test',
      messageRetentionDays: 90,
    };
    const address = parseAddress(transcript.from);
    if (!address.ok) throw new Error(`bad fixture number ${transcript.from}`);
    for (const [index, turn] of transcript.turns.entries()) {
      const { replies } = await handleInboundMessage(deps, {
        channel: address.channel,
        sender: { phone: address.phone },
        text: turn.send,
        hasMedia: false,
      });
      const joined = replies.join('\n').toLowerCase();
      const where = `turn ${index + 1} ${JSON.stringify(turn.send)} → ${JSON.stringify(replies)}`;
      if (turn.silent) expect(replies, where).toEqual([]);
      else expect(replies.length, where).toBeGreaterThan(0);
      for (const fragment of turn.expect ?? []) expect(joined, where).toContain(fragment.toLowerCase());
      for (const fragment of turn.reject ?? []) expect(joined, where).not.toContain(fragment.toLowerCase());
    }
    const user = await stores.users.findByPhone(address.phone);
    if (transcript.profile) expectProfile(user?.profile ?? {}, transcript.profile);
    const state = parseDialogueState((await stores.dialogue.load(user?.id ?? ''))?.state);
    expect(state.stage).toBe(transcript.stage);
  });
});

/** Body measurements converted from imperial may differ by rounding; everything else must match exactly. */
function expectProfile(actual: Profile, expected: Profile): void {
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
