import { describe, expect, it } from 'vitest';
import { allowedSmsPrefix } from './abuse-limits.ts';

describe('allowedSmsPrefix', () => {
  const allowed = ['1', '44', '34', '1876'];

  it('names the allowed prefix a number starts with, the longest when several do', () => {
    expect(allowedSmsPrefix('+15551234567', allowed)).toBe('1');
    expect(allowedSmsPrefix('+18765551234', allowed)).toBe('1876');
    expect(allowedSmsPrefix('+447700900123', allowed)).toBe('44');
    expect(allowedSmsPrefix('+34600123456', allowed)).toBe('34');
  });

  it('refuses a number of another country, even one whose later digits hold an allowed code', () => {
    expect(allowedSmsPrefix('+88212345678', allowed)).toBeUndefined();
    expect(allowedSmsPrefix('+3531441234', allowed)).toBeUndefined();
    expect(allowedSmsPrefix('+4915112345678', allowed)).toBeUndefined();
    expect(allowedSmsPrefix('+15551234567', [])).toBeUndefined();
  });
});
