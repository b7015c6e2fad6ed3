import { z } from 'zod';
import { profileSchema } from './profile.ts';

export const CHANNELS = ['sms', 'whatsapp', 'web'] as const;
export type Channel = (typeof CHANNELS)[number];

export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

export const userSchema = z.object({
  id: z.string().min(1),
  /** E.164 number, the one identity behind `+1…` and `whatsapp:+1…`; absent for web-only users. */
  phone: z
    .string()
    .regex(/^\+[1-9]\d{6,14}$/)
    .optional(),
  /** Anonymous web-chat session id (from the session cookie); absent for phone users. */
  webSessionId: z.string().optional(),
  lastChannel: z.enum(CHANNELS),
  locale: z.enum(LOCALES),
  profile: profileSchema,
  /** When the user last wrote to us: WhatsApp allows free text for 24 hours after it, templates only later. */
  lastInboundAt: z.string().datetime().optional(),
  createdAt: z.string().datetime(),
  updatedAt: z.string().datetime(),
});
export type User = z.infer<typeof userSchema>;
