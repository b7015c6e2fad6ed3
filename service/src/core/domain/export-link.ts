import { z } from 'zod';
import { planTokenSchema } from './stored-plan.ts';

/** How long a `/export/<token>` link works (issue 5): one download within a day. */
export const EXPORT_LINK_TTL_HOURS = 24;

/** The same rules as a plan link's token: 128 random bits, base64url, nothing derived from the user. */
export const exportTokenSchema = planTokenSchema;

/** A one-time link to the file of everything stored about a user (GDPR Art. 15 and 20). */
export const exportLinkSchema = z.object({
  token: exportTokenSchema,
  userId: z.string().min(1),
  createdAt: z.iso.datetime(),
  /** The link stops working strictly after this instant, used or not. */
  expiresAt: z.iso.datetime(),
});
export type ExportLink = z.infer<typeof exportLinkSchema>;

/** The anonymous trace an erasure leaves: a random id and the time, nothing about whom it erased. */
export const erasureRecordSchema = z.object({
  id: z.string().min(1),
  at: z.iso.datetime(),
});
export type ErasureRecord = z.infer<typeof erasureRecordSchema>;
