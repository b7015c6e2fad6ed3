import { z } from 'zod';

/** How long an SMS code to attach a phone works (issue 10). */
export const PHONE_CODE_TTL_MINUTES = 10;
/** Wrong codes allowed before the pending code is dead. */
export const PHONE_CODE_MAX_ATTEMPTS = 5;
/** Codes sent per account per rolling hour: an SMS costs money and reaches a stranger if the number is mistyped. */
export const PHONE_CODES_PER_HOUR = 3;

/** A code sent to a number a web-only user wants to attach; kept on the profile so every store persists it. */
export const phoneLinkSchema = z.object({
  phone: z.string().regex(/^\+[1-9]\d{6,14}$/),
  /** SHA-256 (hex) of the user id and the code: the 6 digits are never stored. */
  codeHash: z.string().regex(/^[0-9a-f]{64}$/),
  expiresAt: z.string().datetime(),
  /** Wrong codes entered so far. */
  attempts: z.number().int().min(0),
  /** When each recent code went out (the rate limit reads these). */
  sentAt: z.array(z.string().datetime()).max(10),
});
export type PhoneLink = z.infer<typeof phoneLinkSchema>;
