import { describe, expect, it } from 'vitest';
import { maskPhoneNumbers } from './mask-phone-numbers.ts';

describe('maskPhoneNumbers', () => {
  it('masks every E.164 number however deep, and leaves everything else alone', () => {
    const fields = {
      to: 'whatsapp:+15551234567',
      error: 'send to +34612345678 failed',
      nested: { list: ['+447700900123', 42, null], at: new Date(0) },
      userId: 'user-15551234567',
      count: 3,
    };
    expect(maskPhoneNumbers(fields)).toStrictEqual({
      to: 'whatsapp:+1••••••••67',
      error: 'send to +3••••••••78 failed',
      nested: { list: ['+4•••••••••23', 42, null], at: new Date(0) },
      userId: 'user-15551234567',
      count: 3,
    });
  });
});
