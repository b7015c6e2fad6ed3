import { describe, it } from 'vitest';
import { createMemoryStores } from '../../src/adapters/memory/index.ts';
import { parseAddress } from '../../src/core/conversation/address.ts';
import { parseDialogueState } from '../../src/core/conversation/dialogue-state.ts';
import { silentLogger } from '../../src/core/ports/logger.port.ts';
import { handleInboundMessage } from '../../src/core/use-cases/handle-inbound-message.ts';
import { TRANSCRIPT_START, transcripts } from '../fixtures/transcripts/index.ts';
import { ManualClock, sequentialIds } from '../support/test-app.ts';
import { sequentialTokens, testPlanner } from '../support/test-planner.ts';
import { checkTranscript, type TranscriptChannel } from '../support/transcript-check.ts';

/** The use case itself, as every channel reaches it (the CLI and webhook runs live in test/cli and test/http). */
function useCaseChannel(from: string): TranscriptChannel {
  const stores = createMemoryStores();
  const deps = {
    stores,
    clock: new ManualClock(new Date(TRANSCRIPT_START)),
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
  const address = parseAddress(from);
  if (!address.ok) throw new Error(`bad fixture number ${from}`);
  return {
    send: async (text) => {
      const { replies } = await handleInboundMessage(deps, {
        channel: address.channel,
        sender: { phone: address.phone },
        text,
        hasMedia: false,
      });
      return { replies, later: [] };
    },
    end: async () => {
      const user = await stores.users.findByPhone(address.phone);
      const state = parseDialogueState((await stores.dialogue.load(user?.id ?? ''))?.state);
      return { profile: user?.profile ?? {}, stage: state.stage };
    },
  };
}

describe.each(transcripts)('transcript through the use case: $name', (transcript) => {
  it('matches every expected reply and ends with the expected profile', async () => {
    await checkTranscript(transcript, useCaseChannel(transcript.from));
  });
});
