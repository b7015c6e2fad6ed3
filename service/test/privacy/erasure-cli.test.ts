import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStores } from '../../src/adapters/sqlite/index.ts';
import { runCli } from '../support/spawn-cli.ts';
import { findInFiles, phoneForms } from './erasure-support.ts';

const PHONE = '+15550069201';
const SENT = [
  'hi',
  'yes',
  'lose weight',
  'no allergies, I eat everything, I just adore mangosteenwhirl',
  'just me, $60 a week',
  '34 female 168cm 68kg moderate',
  'plan',
  'had a bowl of oatmeal with Blorptastic berries',
  'delete my data',
  'DELETE ALL',
];

const root = mkdtempSync(path.join(tmpdir(), 'nutritionist-erasure-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The erasure test through `nutritionist chat --json`: a real process, a real data directory, then its raw bytes. */
describe('erasure through nutritionist chat --json', () => {
  it('leaves neither the number, the user id nor any text the user sent in the data directory', async () => {
    const dataDir = mkdtempSync(path.join(root, 'run-'));
    const args = ['chat', '--as', PHONE, '--data-dir', dataDir, '--json', '--now', '2026-11-26T12:00:00Z'];
    const env = { PUBLIC_BASE_URL: 'https://coach.example.test' };
    // The user id, read back before the erasure from a first session that stops short of it.
    const first = await runCli(args, `${SENT.slice(0, -2).join('\n')}\n`, env);
    expect(first.code, first.stderr).toBe(0);
    // The search finds what is there: before the erasure the number and the texts are in the files.
    expect(findInFiles(dataDir, [PHONE, 'mangosteenwhirl', 'Blorptastic'])).toHaveLength(3);
    const before = openSqliteStores({ file: path.join(dataDir, 'nutritionist.sqlite') });
    const userId = (await before.users.findByPhone(PHONE))?.id ?? '';
    await before.close();
    expect(userId).not.toBe('');

    const second = await runCli(args, `${SENT.slice(-2).join('\n')}\n`, env);
    expect(second.code, second.stderr).toBe(0);
    const replies = second.stdout
      .trimEnd()
      .split('\n')
      .map((line) => (JSON.parse(line) as { replies: string[] }).replies.join('\n'));
    expect(replies[0]).toContain('DELETE ALL');
    expect(replies[1]).toContain('deleted everything');

    expect(readdirSync(dataDir)).toContain('nutritionist.sqlite');
    expect(
      findInFiles(dataDir, [
        ...phoneForms(PHONE),
        userId,
        'mangosteenwhirl',
        'Blorptastic',
        '34 female 168cm',
      ]),
    ).toEqual([]);
  });
});
