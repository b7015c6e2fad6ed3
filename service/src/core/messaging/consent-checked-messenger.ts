import type { ConsentStore } from '../ports/consent-store.port.ts';
import type { Logger } from '../ports/logger.port.ts';
import type { Messenger } from '../ports/messenger.port.ts';
import { consentSubject } from '../privacy/consent-subject.ts';

/**
 * The one opt-out check for every outbound message, whatever adapter sends it: the latest messaging consent of the
 * recipient is read right before sending, and a STOP means nothing goes out. Composition wraps every messenger in
 * it, so no caller can forget.
 */
export function consentCheckedMessenger(
  inner: Messenger,
  deps: { consent: ConsentStore; logger: Logger },
): Messenger {
  return {
    kind: inner.kind,
    async send(to, body, key, options) {
      const subject = consentSubject({ id: to.userId, phone: to.phone, webSessionId: to.webSessionId });
      const messaging = await deps.consent.latest(subject, 'messaging');
      if (messaging?.granted === false) {
        deps.logger.info('outbound_not_sent', { userId: to.userId, reason: 'opted_out' });
        return { status: 'not_sent', reason: 'opted_out' };
      }
      return inner.send(to, body, key, options);
    },
  };
}
