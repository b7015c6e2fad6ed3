import type { Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger';
import type { Logger } from '../../core/ports/logger.port.ts';
import { maskPhoneNumbers } from '../../core/privacy/mask-phone-numbers.ts';

/**
 * Our Logger port over Powertools' Logger: the same event names and fields as the local JSON logger (so queries
 * and metric filters read both), plus what Powertools adds (request id, cold start, X-Ray trace id). Every field
 * passes `maskPhoneNumbers` first: no phone number reaches CloudWatch in clear.
 */
export function powertoolsLoggerPort(logger: PowertoolsLogger): Logger {
  const log =
    (write: (message: string, extra: Record<string, unknown>) => void) =>
    (event: string, fields?: Record<string, unknown>) => {
      const masked = fields === undefined ? {} : (maskPhoneNumbers(fields) as Record<string, unknown>);
      write(event, { event, ...masked });
    };
  return {
    debug: log((message, extra) => logger.debug(message, extra)),
    info: log((message, extra) => logger.info(message, extra)),
    warn: log((message, extra) => logger.warn(message, extra)),
    error: log((message, extra) => logger.error(message, extra)),
  };
}
