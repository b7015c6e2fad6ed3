import { z } from 'zod';

/**
 * Consent is an append-only log per subject (a phone number or web session) and purpose; the latest record wins.
 * `messaging` tracks STOP/START (TCPA); `health_data` tracks the explicit GDPR Art. 9 consent given at onboarding.
 * `household_sharing` tracks a member's own YES to a household invitation, and its withdrawal when they leave.
 */
export const CONSENT_PURPOSES = ['messaging', 'health_data', 'household_sharing'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export const consentRecordSchema = z.object({
  subject: z.string().min(1),
  purpose: z.enum(CONSENT_PURPOSES),
  granted: z.boolean(),
  /** How it was given or withdrawn, e.g. `sms:keyword:STOP`, `web:reply:YES`, `provider:opt-out`. */
  method: z.string().min(1),
  /** Version of the consent wording shown, so the proof says what the person agreed to. */
  textVersion: z.string().min(1),
  at: z.string().datetime(),
});
export type ConsentRecord = z.infer<typeof consentRecordSchema>;
