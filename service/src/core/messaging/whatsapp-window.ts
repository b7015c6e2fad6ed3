/** WhatsApp lets a business answer freely for 24 hours after the user's last message; after that, templates only. */
export const WHATSAPP_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * Whether free text may be sent to a WhatsApp user now: they wrote to us (`lastInboundAt`) less than 24 hours
 * ago. Someone who never wrote (an invited number) is outside the window.
 */
export function whatsappWindow(lastInboundAt: string | undefined, now: Date): 'open' | 'closed' {
  if (lastInboundAt === undefined) return 'closed';
  const since = now.getTime() - Date.parse(lastInboundAt);
  return since >= 0 && since < WHATSAPP_WINDOW_MS ? 'open' : 'closed';
}
