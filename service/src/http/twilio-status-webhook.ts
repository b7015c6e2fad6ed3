import type { Hono } from 'hono';
import { z } from 'zod';
import { deliveryStatusSchema, isDeliveryFailure } from '../core/messaging/delivery-status.ts';
import type { AppDeps } from './app-deps.ts';
import { HttpError } from './http-error.ts';
import { verifiedTwilioForm } from './twilio-signature.ts';
import { describe } from './twilio-webhook.ts';

/** The event name a CloudWatch metric filter counts (docs/OPERATIONS.md); never rename it lightly. */
export const DELIVERY_FAILED_EVENT = 'twilio_delivery_failed';

const statusSchema = z.object({
  MessageSid: z.string().regex(/^(SM|MM)[0-9a-fA-F]{32}$/, 'MessageSid must be a Twilio message SID'),
  MessageStatus: deliveryStatusSchema,
  ErrorCode: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z
      .string()
      .regex(/^\d{1,6}$/, 'ErrorCode must be a number')
      .transform(Number)
      .optional(),
  ),
});

/**
 * Twilio's status callbacks for the messages we sent (`statusCallback` of each message): verified, then the
 * status is kept per MessageSid unless one as far along is kept already (repeats and late arrivals change nothing).
 * A failure recorded is logged once as `twilio_delivery_failed` with its error code — no number, no body.
 * 204 when taken, 403 bad signature, 400 malformed; a store fault is logged and still answered 204 (Twilio does
 * not retry status callbacks, so a 5xx would only add noise).
 */
export function registerTwilioStatusWebhook(app: Hono, deps: AppDeps): void {
  app.post('/webhooks/twilio/status', async (c) => {
    const authToken = deps.twilio.authToken;
    const store = deps.outboundMessages;
    if (!authToken || !store) {
      throw new HttpError(404, 'not_configured', 'Twilio is not configured on this server');
    }
    const params = await verifiedTwilioForm(c, authToken, deps.publicBaseUrl);
    const parsed = statusSchema.safeParse(params);
    if (!parsed.success) throw new HttpError(400, 'invalid_body', describe(parsed.error));
    const { MessageSid: messageSid, MessageStatus: status, ErrorCode: errorCode } = parsed.data;
    try {
      const outcome = await store.recordStatus({
        messageSid,
        status,
        ...(errorCode === undefined ? {} : { errorCode }),
        at: deps.clock.now().toISOString(),
      });
      if (outcome === 'recorded' && isDeliveryFailure(status)) {
        deps.logger.warn(DELIVERY_FAILED_EVENT, {
          messageSid,
          status,
          ...(errorCode === undefined ? {} : { errorCode }),
        });
      }
    } catch (error) {
      deps.logger.error('twilio_status_not_recorded', {
        messageSid,
        status,
        error: error instanceof Error ? error.name : 'unknown',
      });
    }
    return c.body(null, 204);
  });
}
