import { maskPhone } from '../conversation/address.ts';

/** An E.164 number anywhere in a text ("whatsapp:+15551234567", "to +34…"). */
const E164_IN_TEXT = /\+[1-9]\d{6,14}/g;

/**
 * A copy of log fields with every E.164 number masked as `maskPhone` masks it, however deep it sits. Callers
 * already mask what they log; this is the second line for a number that slips into an error message or a field
 * someone adds later. Depth-limited: log fields are small, and a cycle must not hang the logger.
 */
export function maskPhoneNumbers(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.replace(E164_IN_TEXT, (phone) => maskPhone(phone));
  if (depth >= 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => maskPhoneNumbers(item, depth + 1));
  if (value instanceof Date) return value;
  const masked: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) masked[key] = maskPhoneNumbers(item, depth + 1);
  return masked;
}
