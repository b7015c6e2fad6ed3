import { describe, expect, it } from 'vitest';
import { DELIVERY_STATUSES, type DeliveryStatus, supersedes } from './delivery-status.ts';
import { whatsappWindow } from './whatsapp-window.ts';

describe('supersedes', () => {
  it.each([
    [undefined, 'sent', true],
    ['queued', 'sent', true],
    ['sent', 'delivered', true],
    ['delivered', 'read', true],
    ['sent', 'failed', true],
    ['delivered', 'sent', false],
    ['delivered', 'queued', false],
    ['delivered', 'delivered', false],
    ['failed', 'delivered', false],
    ['failed', 'read', false],
    ['undelivered', 'failed', false],
    ['read', 'delivered', false],
  ] as const)('%s then %s: %s', (current, next, expected) => {
    expect(supersedes(current, next)).toBe(expected);
  });

  it('never replaces a status with itself', () => {
    for (const status of DELIVERY_STATUSES) expect(supersedes(status, status as DeliveryStatus)).toBe(false);
  });
});

describe('whatsappWindow', () => {
  const now = new Date('2026-11-26T12:00:00Z');
  it.each([
    [undefined, 'closed'],
    ['2026-11-26T11:59:00Z', 'open'],
    ['2026-11-25T12:00:01Z', 'open'],
    ['2026-11-25T12:00:00Z', 'closed'],
    ['2026-11-20T12:00:00Z', 'closed'],
    // A clock skewed into the future is not trusted to open the window.
    ['2026-11-26T12:05:00Z', 'closed'],
  ] as const)('last inbound %s: %s', (lastInboundAt, expected) => {
    expect(whatsappWindow(lastInboundAt, now)).toBe(expected);
  });
});
