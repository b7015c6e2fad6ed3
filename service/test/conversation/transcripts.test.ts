import { describe, it } from 'vitest';
import { parseAddress } from '../../src/core/conversation/address.ts';
import { parseDialogueState } from '../../src/core/conversation/dialogue-state.ts';
import { handleInboundMessage } from '../../src/core/use-cases/handle-inbound-message.ts';
import { transcripts } from '../fixtures/transcripts/index.ts';
import { buildTestApp } from '../support/test-app.ts';
import { checkTranscript, type TranscriptChannel } from '../support/transcript-check.ts';

/** The use case itself, as every channel reaches it (the CLI and webhook runs live in test/cli and test/http). */
function useCaseChannel(from: string): TranscriptChannel {
  const { stores, inboundDeps, takeDeliveries } = buildTestApp();
  const address = parseAddress(from);
  if (!address.ok) throw new Error(`bad fixture number ${from}`);
  return {
    send: async (text) => {
      const { replies } = await handleInboundMessage(inboundDeps, {
        channel: address.channel,
        sender: { phone: address.phone },
        text,
        hasMedia: false,
      });
      return { replies, later: await takeDeliveries(from) };
    },
    end: async () => {
      const user = await stores.users.findByPhone(address.phone);
      const state = parseDialogueState((await stores.dialogue.load(user?.id ?? ''))?.state);
      return { profile: user?.profile ?? {}, stage: state.stage };
    },
  };
}

describe.each(transcripts)('transcript through the use case: $name', (transcript) => {
  // A transcript may plan several real weeks (households, swaps): a hang guard, not a speed check.
  it('matches every expected reply and ends with the expected profile', { timeout: 180_000 }, async () => {
    await checkTranscript(transcript, useCaseChannel(transcript.from));
  });
});
