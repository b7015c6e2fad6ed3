import { createInterface } from 'node:readline';
import { composeLocal } from '../../composition/local.ts';
import { ConfigError, loadConfigWith } from '../../config/config.ts';
import { parseAddress } from '../../core/conversation/address.ts';
import { silentLogger } from '../../core/ports/logger.port.ts';

export interface ChatOptions {
  as?: string;
  dataDir?: string;
  json: boolean;
  /** Replay as if the conversation started at this instant (ISO 8601); time then passes normally. */
  now?: string;
}

/**
 * A terminal conversation through the same use case as the SMS webhook. Piped input: one message per line and,
 * with --json, exactly one JSON line per message on stdout.
 */
export async function runChat(options: ChatOptions): Promise<number> {
  const address = parseAddress(options.as ?? '');
  if (!address.ok) {
    process.stderr.write('--as must be an E.164 number such as +15551234567 (or whatsapp:+15551234567)\n');
    return 2;
  }
  const start = options.now === undefined ? undefined : parseInstant(options.now);
  if (start === null) {
    process.stderr.write('--now must be an ISO 8601 instant such as 2026-11-26T12:00:00Z\n');
    return 2;
  }
  let runtime: ReturnType<typeof composeLocal>;
  try {
    // The console is the operator's own and sends no SMS: no abuse limit guards a bill here, and a piped
    // transcript (many lines a second, any country) must be answered as it would be over time.
    const consoleLimits = {
      RATE_LIMIT_PER_NUMBER: '0',
      RATE_LIMIT_GLOBAL_PER_MINUTE: '0',
      SMS_ALLOWED_COUNTRY_CODES: '1,2,3,4,5,6,7,8,9',
    };
    const dataDir = options.dataDir ? { DATA_DIR: options.dataDir } : {};
    runtime = composeLocal(loadConfigWith({ ...dataDir, ...consoleLimits }), {
      logger: silentLogger,
      ...(start ? { startAt: start } : {}),
    });
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
  const interactive = process.stdin.isTTY === true && !options.json;
  const lines = createInterface({ input: process.stdin, terminal: interactive });
  const prompt = () => interactive && process.stdout.write('you> ');
  prompt();
  try {
    for await (const line of lines) {
      const text = line.trim();
      if (text === '') {
        prompt();
        continue;
      }
      const result = await runtime.appDeps.handleInbound({
        channel: address.channel,
        sender: { phone: address.phone },
        text,
        hasMedia: false,
      });
      // Messages delivered by queued work (a household plan) belong to this message's line too.
      await runtime.queue.whenIdle();
      const user = await runtime.stores.users.findByPhone(address.phone);
      const later = user ? runtime.outbox.takeNew(user.id) : [];
      if (options.json) {
        const line = { in: text, replies: result.replies, ...(later.length > 0 ? { later } : {}) };
        process.stdout.write(`${JSON.stringify(line)}\n`);
      } else for (const reply of [...result.replies, ...later]) process.stdout.write(`coach> ${reply}\n`);
      prompt();
    }
  } finally {
    await runtime.close();
  }
  return 0;
}

/** A full date and time with a zone (Z or ±hh:mm); anything looser is refused rather than guessed. */
function parseInstant(text: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text)) return null;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}
