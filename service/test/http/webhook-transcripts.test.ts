import { describe, it } from 'vitest';
import { parseAddress } from '../../src/core/conversation/address.ts';
import { parseDialogueState } from '../../src/core/conversation/dialogue-state.ts';
import { transcripts } from '../fixtures/transcripts/index.ts';
import { buildTestApp, signedTwilioRequest, smsParams, twimlMessages } from '../support/test-app.ts';
import { checkTranscript, type TranscriptChannel } from '../support/transcript-check.ts';

/** Each message as Twilio sends it: a signed form POST, answered with TwiML. */
function webhookChannel(from: string): TranscriptChannel {
  const { app, stores, takeDeliveries } = buildTestApp();
  const address = parseAddress(from);
  if (!address.ok) throw new Error(`bad fixture number ${from}`);
  return {
    send: async (text) => {
      const response = await app.request(signedTwilioRequest(smsParams(from, text)));
      if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
      return { replies: twimlMessages(await response.text()), later: await takeDeliveries(from) };
    },
    end: async () => {
      const user = await stores.users.findByPhone(address.phone);
      const state = parseDialogueState((await stores.dialogue.load(user?.id ?? ''))?.state);
      return { profile: user?.profile ?? {}, stage: state.stage };
    },
  };
}

describe.each(transcripts)('transcript through the Twilio webhook: $name', (transcript) => {
  // A transcript may plan several real weeks (households, swaps): a hang guard, not a speed check.
  it('matches every expected reply and ends with the expected profile', { timeout: 180_000 }, async () => {
    await checkTranscript(transcript, webhookChannel(transcript.from));
  });
});
