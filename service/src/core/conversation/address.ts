import type { Channel } from '../domain/user.ts';

export type ParsedAddress = { ok: true; phone: string; channel: 'sms' | 'whatsapp' } | { ok: false };

const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * `whatsapp:+15551234567` and `+15551234567` are one person (one identity), reached on two channels.
 */
export function parseAddress(address: string): ParsedAddress {
  const trimmed = address.trim();
  const whatsapp = trimmed.toLowerCase().startsWith('whatsapp:');
  const phone = whatsapp ? trimmed.slice('whatsapp:'.length) : trimmed;
  if (!E164.test(phone)) return { ok: false };
  return { ok: true, phone, channel: whatsapp ? 'whatsapp' : 'sms' };
}

export function isPhoneChannel(channel: Channel): boolean {
  return channel === 'sms' || channel === 'whatsapp';
}

/** "+1•••••••67": enough to tell numbers apart in logs, never enough to text them. */
export function maskPhone(phone: string): string {
  if (phone.length <= 4) return '•'.repeat(phone.length);
  return `${phone.slice(0, 2)}${'•'.repeat(phone.length - 4)}${phone.slice(-2)}`;
}
