import type { Channel } from '../domain/user.ts';
import type { Messenger } from '../ports/messenger.port.ts';

/**
 * One messenger per channel: web-chat users get the local outbox even when text messages go through Twilio.
 * `kind` names the phone channels' messenger (what /health reports).
 */
export function channelMessenger(byChannel: Record<Channel, Messenger>): Messenger {
  return {
    kind: byChannel.sms.kind,
    send: (to, body, key, options) => byChannel[to.channel].send(to, body, key, options),
  };
}
