import type { Logger } from '../../core/ports/logger.port.ts';
import { maskPhoneNumbers } from '../../core/privacy/mask-phone-numbers.ts';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/**
 * One JSON object per line on stderr (stdout stays clean for CLI output). Fields pass `maskPhoneNumbers` first,
 * as in the Powertools logger: callers log masked numbers already, this catches one inside an error message.
 */
export function createJsonLogger(
  level: LogLevel,
  write: (line: string) => void = (line) => process.stderr.write(line),
): Logger {
  const log = (at: Exclude<LogLevel, 'silent'>) => (event: string, fields?: Record<string, unknown>) => {
    if (RANK[at] < RANK[level]) return;
    const masked = fields === undefined ? {} : (maskPhoneNumbers(fields) as Record<string, unknown>);
    write(`${JSON.stringify({ time: new Date().toISOString(), level: at, event, ...masked })}\n`);
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}
