import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCli } from '../support/spawn-cli.ts';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function waitForHealth(url: string): Promise<Response> {
  for (let i = 0; i < 100; i++) {
    try {
      return await fetch(`${url}/health`);
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error('server did not start');
}

describe('nutritionist serve', () => {
  it('serves health, the chat page and the chat API on PORT, storing in DATA_DIR', async () => {
    const port = await freePort();
    const dataDir = mkdtempSync(path.join(tmpdir(), 'nutritionist-serve-'));
    const child = spawn(process.execPath, [BIN, 'serve'], {
      env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
      stdio: 'ignore',
    });
    try {
      const url = `http://127.0.0.1:${port}`;
      const health = await waitForHealth(url);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({
        status: 'ok',
        adapters: { store: 'sqlite', queue: 'in-process' },
      });
      const home = await fetch(`${url}/`);
      expect(home.status).toBe(200);
      expect(home.headers.get('content-type')).toMatch(/text\/html/);
      expect(await home.text()).toContain('AI Nutritionist');
      const chat = await fetch(`${url}/api/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: 'hi' }),
      });
      expect(((await chat.json()) as { replies: string[] }).replies[0]).toContain('YES');
      const { existsSync } = await import('node:fs');
      expect(existsSync(path.join(dataDir, 'nutritionist.sqlite'))).toBe(true);
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('close', resolve));
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses a bad PORT with one line naming the variable', async () => {
    const result = await runCli(['serve'], '', { PORT: 'abc' });
    expect(result.code).toBe(1);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('PORT');
  });
});
