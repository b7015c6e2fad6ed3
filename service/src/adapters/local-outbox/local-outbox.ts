import { maskPhone } from '../../core/conversation/address.ts';
import type { Logger } from '../../core/ports/logger.port.ts';
import type { Messenger, Recipient, SendOutcome } from '../../core/ports/messenger.port.ts';

/**
 * The messenger for one machine: keeps what was delivered per user (the web chat and `nutritionist chat` show it)
 * and logs a masked line. When Twilio is configured it still serves web-chat users (`channelMessenger`).
 */
export class LocalOutbox implements Messenger {
  readonly kind = 'local-outbox';
  readonly #delivered = new Map<string, string[]>();
  readonly #read = new Map<string, number>();
  readonly #keys = new Set<string>();

  constructor(private readonly logger: Logger) {}

  async send(to: Recipient, body: string, key: string): Promise<SendOutcome> {
    if (this.#keys.has(key)) {
      this.logger.info('message_not_resent', { userId: to.userId });
      return { status: 'duplicate' };
    }
    this.#keys.add(key);
    this.#delivered.set(to.userId, [...(this.#delivered.get(to.userId) ?? []), body]);
    this.logger.info('message_delivered', {
      userId: to.userId,
      channel: to.channel,
      ...(to.phone ? { phone: maskPhone(to.phone) } : {}),
      chars: body.length,
    });
    return { status: 'sent' };
  }

  /** Every message delivered to the user, oldest first. */
  delivered(userId: string): string[] {
    return [...(this.#delivered.get(userId) ?? [])];
  }

  /** The messages delivered to the user since the last call (for a chat that shows them once). */
  takeNew(userId: string): string[] {
    const all = this.#delivered.get(userId) ?? [];
    const from = this.#read.get(userId) ?? 0;
    this.#read.set(userId, all.length);
    return all.slice(from);
  }
}
