import type { Context } from 'hono';
import { validateRequest } from 'twilio/lib/webhooks/webhooks.js';
import { HttpError } from './http-error.ts';

/**
 * The form parameters of a request from Twilio, after its `X-Twilio-Signature` was checked with the official
 * library against `PUBLIC_BASE_URL` + path: nothing in the body is trusted, or even parsed beyond the form
 * encoding, before that. 415 unless form-encoded, 403 on a missing or wrong signature.
 */
export async function verifiedTwilioForm(
  c: Context,
  authToken: string,
  publicBaseUrl: string,
): Promise<Record<string, string>> {
  if (!(c.req.header('content-type') ?? '').startsWith('application/x-www-form-urlencoded')) {
    throw new HttpError(415, 'unsupported_media_type', 'Expected application/x-www-form-urlencoded');
  }
  const raw = await c.req.text();
  const params = Object.fromEntries(new URLSearchParams(raw));
  const signature = c.req.header('x-twilio-signature');
  const url = publicBaseUrl + new URL(c.req.url).pathname + new URL(c.req.url).search;
  // The signature covers the URL and every posted parameter.
  if (!signature || !validateRequest(authToken, signature, url, params)) {
    throw new HttpError(403, 'invalid_signature', 'Missing or invalid X-Twilio-Signature');
  }
  return params;
}
