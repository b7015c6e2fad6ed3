import type { Hono } from 'hono';
import { z } from 'zod';
import { parseAddress } from '../core/conversation/address.ts';
import type { StoredResponse } from '../core/ports/webhook-receipt-store.port.ts';
import type { AppDeps } from './app-deps.ts';
import { releaseClaim, releaseLeftoverClaim } from './claim-release.ts';
import { HttpError } from './http-error.ts';
import { verifiedTwilioForm } from './twilio-signature.ts';
import { messagingTwiml } from './twiml.ts';

/** Twilio retries within minutes; a day of receipts answers any retry with the first answer. */
const RECEIPT_TTL_SECONDS = 24 * 60 * 60;
const IN_PROGRESS_WAIT_MS = 3_000;

const inboundSchema = z.object({
  MessageSid: z.string().regex(/^(SM|MM)[0-9a-fA-F]{32}$/, 'MessageSid must be a Twilio message SID'),
  From: z.string().min(1),
  Body: z.string().max(1600).default(''),
  NumMedia: z.coerce.number().int().min(0).max(10).default(0),
});

export function registerTwilioWebhook(app: Hono, deps: AppDeps): void {
  app.post('/webhooks/twilio', async (c) => {
    const authToken = deps.twilio.authToken;
    if (!authToken) throw new HttpError(404, 'not_configured', 'Twilio is not configured on this server');
    const params = await verifiedTwilioForm(c, authToken, deps.publicBaseUrl);
    const parsed = inboundSchema.safeParse(params);
    if (!parsed.success) throw new HttpError(400, 'invalid_body', describe(parsed.error));
    const address = parseAddress(parsed.data.From);
    if (!address.ok) throw new HttpError(400, 'invalid_body', 'From must be E.164 or whatsapp:+E.164');

    const response = await once(deps, `twilio:${parsed.data.MessageSid}`, async () => {
      const result = await deps.handleInbound({
        channel: address.channel,
        sender: { phone: address.phone },
        text: parsed.data.Body,
        hasMedia: parsed.data.NumMedia > 0,
      });
      const answer = {
        status: 200,
        contentType: 'text/xml; charset=utf-8',
        body: messagingTwiml(result.replies),
      };
      return { response: answer, userId: result.userId };
    });
    return c.body(response.body, response.status as 200, { 'content-type': response.contentType });
  });
}

/** Runs `work` at most once per key; a retry gets the stored answer. */
async function once(
  deps: AppDeps,
  key: string,
  work: () => Promise<{ response: StoredResponse; userId?: string | undefined }>,
): Promise<StoredResponse> {
  await releaseLeftoverClaim(deps.stores.webhookReceipts, key);
  const deadline = Date.now() + IN_PROGRESS_WAIT_MS;
  for (;;) {
    const claim = await deps.stores.webhookReceipts.claim(key, deps.clock.now(), RECEIPT_TTL_SECONDS);
    if (claim.status === 'done') return claim.response;
    if (claim.status === 'claimed') break;
    if (Date.now() > deadline)
      throw new HttpError(409, 'in_progress', 'This message is still being processed');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  try {
    const { response, userId } = await work();
    // Tagged with the user, so erasing them removes the reply too.
    await deps.stores.webhookReceipts.complete(key, response, userId);
    return response;
  } catch (error) {
    await releaseClaim(deps.stores.webhookReceipts, key, deps.logger);
    throw error;
  }
}

export function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'invalid body';
}
