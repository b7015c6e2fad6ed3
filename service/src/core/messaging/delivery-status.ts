import { z } from 'zod';

/** The `MessageStatus` values Twilio posts to a status callback for an outbound message. */
export const DELIVERY_STATUSES = [
  'accepted',
  'scheduled',
  'queued',
  'sending',
  'sent',
  'delivered',
  'undelivered',
  'failed',
  'canceled',
  'partially_delivered',
  'read',
] as const;
export const deliveryStatusSchema = z.enum(DELIVERY_STATUSES);
export type DeliveryStatus = z.infer<typeof deliveryStatusSchema>;

/**
 * How far along the message is. Callbacks arrive out of order and are retried, so a status is recorded only when
 * it is further along than the one kept: a late `sent` never replaces `delivered`, and the first final status
 * (delivered, undelivered, failed …) stays unless WhatsApp later reports it `read`.
 */
const STAGE: Record<DeliveryStatus, number> = {
  accepted: 1,
  scheduled: 1,
  queued: 1,
  sending: 2,
  sent: 3,
  delivered: 4,
  undelivered: 4,
  failed: 4,
  canceled: 4,
  partially_delivered: 4,
  read: 5,
};

/** Whether `next` should replace `current` (nothing kept yet: always). */
export function supersedes(current: DeliveryStatus | undefined, next: DeliveryStatus): boolean {
  if (current === undefined) return true;
  if (next === 'read') return current === 'delivered' || current === 'sent' || STAGE[current] < 4;
  return STAGE[next] > STAGE[current];
}

/** The statuses that mean the message did not reach the handset (counted by the log metric filter). */
export function isDeliveryFailure(status: DeliveryStatus): boolean {
  return status === 'failed' || status === 'undelivered';
}
