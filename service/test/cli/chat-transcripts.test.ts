import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStores } from '../../src/adapters/sqlite/index.ts';
import { parseAddress } from '../../src/core/conversation/address.ts';
import { parseDialogueState } from '../../src/core/conversation/dialogue-state.ts';
import { TRANSCRIPT_START, transcripts } from '../fixtures/transcripts/index.ts';
import { runCli } from '../support/spawn-cli.ts';
import { expectProfile, expectTurn } from '../support/transcript-check.ts';

const root = mkdtempSync(path.join(tmpdir(), 'nutritionist-transcripts-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface JsonLine {
  in: string;
  replies: string[];
  later?: string[];
}

/**
 * Each transcript piped into `nutritionist chat --as PHONE --json` as one process over a fresh SQLite data
 * directory: one JSON line per message, then the stored profile and stage read back from the file.
 */
describe.concurrent.each(transcripts)('transcript through nutritionist chat --json: $name', (transcript) => {
  // A transcript may plan several real weeks (households, swaps): a hang guard, not a speed check.
  it('matches every expected reply and ends with the expected profile', { timeout: 180_000 }, async () => {
    const dataDir = mkdtempSync(path.join(root, 'run-'));
    const input = `${transcript.turns.map((turn) => turn.send).join('\n')}\n`;
    const result = await runCli(
      ['chat', '--as', transcript.from, '--data-dir', dataDir, '--json', '--now', TRANSCRIPT_START],
      input,
      { PUBLIC_BASE_URL: 'https://coach.example.test', SUPPORT_CONTACT: 'help@example.org' },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as JsonLine);
    expect(lines.map((line) => line.in)).toEqual(transcript.turns.map((turn) => turn.send.trim()));
    for (const [index, line] of lines.entries()) {
      expectTurn(transcript, index, { replies: line.replies, later: line.later ?? [] });
    }
    const address = parseAddress(transcript.from);
    if (!address.ok) throw new Error(`bad fixture number ${transcript.from}`);
    const stores = openSqliteStores({ file: path.join(dataDir, 'nutritionist.sqlite') });
    try {
      const user = await stores.users.findByPhone(address.phone);
      const state = parseDialogueState((await stores.dialogue.load(user?.id ?? ''))?.state);
      if (transcript.profile) expectProfile(user?.profile ?? {}, transcript.profile);
      expect(state.stage).toBe(transcript.stage);
    } finally {
      await stores.close();
    }
  });
});
