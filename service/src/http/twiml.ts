/** TwiML for an SMS/WhatsApp reply: one <Message> per reply; an empty <Response/> sends nothing. */
export function messagingTwiml(replies: readonly string[]): string {
  const messages = replies.map((reply) => `<Message>${escapeXml(reply)}</Message>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><Response>${messages}</Response>`;
}

export function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (char) => XML_ENTITIES[char] ?? char);
}

const XML_ENTITIES: Record<string, string> = {
  '<': '&lt;',
  '>': '&gt;',
  '&': '&amp;',
  "'": '&apos;',
  '"': '&quot;',
};
