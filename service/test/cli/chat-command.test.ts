import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/spawn-cli.ts';

const dataDir = mkdtempSync(path.join(tmpdir(), 'nutritionist-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('nutritionist chat', () => {
  it('prints exactly one JSON line per message and nothing else on stdout', async () => {
    const input = 'hi\nYES\n\nlose weight\nSTOP\nhello\n';
    const result = await runCli(['chat', '--as', '+15557654321', '--data-dir', dataDir, '--json'], input);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    const parsed = lines.map((line) => JSON.parse(line) as { in: string; replies: string[] });
    expect(parsed.map((line) => line.in)).toEqual(['hi', 'YES', 'lose weight', 'STOP', 'hello']);
    expect(parsed[0]?.replies[0]).toContain('Reply YES to agree');
    expect(parsed[1]?.replies[0]).toContain('main goal');
    expect(parsed[2]?.replies[0]).toContain('allergies');
    expect(parsed[3]?.replies[0]).toContain('unsubscribed');
    expect(parsed[4]?.replies).toEqual([]);
  });

  it('keeps the conversation in the data directory between runs', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nutritionist-cli-'));
    try {
      await runCli(['chat', '--as', 'whatsapp:+15550102030', '--data-dir', dir, '--json'], 'hi\nyes\n');
      const second = await runCli(
        ['chat', '--as', '+15550102030', '--data-dir', dir, '--json'],
        'maintain\n',
      );
      const line = JSON.parse(second.stdout.trim()) as { replies: string[] };
      expect(line.replies[0]).toContain('allergies');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each(['5551234567', '+1 555 123', 'sms:+15551234567', ''])(
    'exits 2 with one line for --as %j',
    async (phone) => {
      const result = await runCli(['chat', '--as', phone, '--data-dir', dataDir, '--json'], 'hi\n');
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(result.stderr).toContain('E.164');
    },
  );

  it.each(['yesterday', '2026-11-26', '2026-11-26T12:00:00', '2026-13-40T99:00:00Z'])(
    'exits 2 with one line for --now %j',
    async (now) => {
      const args = ['chat', '--as', '+15551234567', '--data-dir', dataDir, '--json', '--now', now];
      const result = await runCli(args, 'hi\n');
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(result.stderr).toContain('ISO 8601');
    },
  );

  it('exits 2 on an unknown command or flag', async () => {
    expect((await runCli(['fly'])).code).toBe(2);
    expect((await runCli(['chat', '--as', '+15551234567', '--loud'])).code).toBe(2);
  });
});
