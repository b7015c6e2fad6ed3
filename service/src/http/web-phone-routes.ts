import type { Hono } from 'hono';
import { z } from 'zod';
import {
  type LinkPhoneDeps,
  type PhoneLinkOutcome,
  type PhoneLinkRefusal,
  sendPhoneCode,
  verifyPhoneCode,
} from '../core/use-cases/link-phone.ts';
import type { AppDeps } from './app-deps.ts';
import { HttpError } from './http-error.ts';
import { jsonBody, requireCaller } from './web-session.ts';

const codeRequestSchema = z
  .object({ phone: z.string().regex(/^\+[1-9]\d{6,14}$/, 'an E.164 number') })
  .strict();
const verifySchema = z.object({ code: z.string().regex(/^\d{6}$/, 'six digits') }).strict();

const STATUS: Record<PhoneLinkRefusal, HttpError['status']> = {
  already_has_phone: 409,
  phone_taken: 409,
  opted_out: 409,
  rate_limited: 429,
  not_sent: 409,
  unavailable: 503,
  no_code_pending: 404,
  code_expired: 410,
  wrong_code: 400,
  too_many_attempts: 429,
  country_not_allowed: 422,
  too_many_new_numbers: 429,
};

/** A web-only user attaches a phone: a code by SMS, then the code back (core/use-cases/link-phone.ts). */
export function registerWebPhoneRoutes(app: Hono, deps: AppDeps): void {
  const linkDeps = (): LinkPhoneDeps => {
    if (!deps.useCases) throw new HttpError(404, 'not_found', 'Not available here');
    return deps.useCases;
  };
  const answer = (outcome: PhoneLinkOutcome) => {
    if (!outcome.ok) throw new HttpError(STATUS[outcome.refusal], outcome.refusal, outcome.message);
    return { message: outcome.message };
  };

  app.post('/api/phone/code', async (c) => {
    const { user } = await requireCaller(c, deps);
    const { phone } = await jsonBody(c, codeRequestSchema);
    return c.json(answer(await sendPhoneCode(linkDeps(), user, phone)));
  });

  app.post('/api/phone/verify', async (c) => {
    const { user } = await requireCaller(c, deps);
    const { code } = await jsonBody(c, verifySchema);
    return c.json(answer(await verifyPhoneCode(linkDeps(), user, code)));
  });
}
