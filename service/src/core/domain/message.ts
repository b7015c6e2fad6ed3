import { z } from 'zod';
import { CHANNELS } from './user.ts';

export const messageLogEntrySchema = z.object({
  id: z.string().min(1),
  userId: z.string().min(1),
  direction: z.enum(['in', 'out']),
  channel: z.enum(CHANNELS),
  body: z.string(),
  at: z.string().datetime(),
  /** Messages are kept for a limited time only; stores drop them after this instant. */
  expiresAt: z.string().datetime(),
});
export type MessageLogEntry = z.infer<typeof messageLogEntrySchema>;
