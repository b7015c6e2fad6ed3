import type { Clock } from '../ports/clock.port.ts';
import type { Messenger } from '../ports/messenger.port.ts';
import type { WebInbox } from '../ports/web-inbox.port.ts';

/**
 * The web channel where the chat page is served by another process than the one sending (AWS): the message is
 * kept in the user's web inbox until the page asks for it (`GET /api/chat/updates`). The key is the inbox's
 * idempotency key, so a job that runs twice delivers once.
 */
export function webInboxMessenger(inbox: WebInbox, clock: Clock): Messenger {
  return {
    kind: 'web-inbox',
    send: async (to, body, key) =>
      (await inbox.deliver(to.userId, key, body, clock.now())) === 'stored'
        ? { status: 'sent' }
        : { status: 'duplicate' },
  };
}
