import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('abuse limits configuration', () => {
  it('defaults to 20 messages per number in 10 minutes, 600 a minute in all, and the documented countries', () => {
    expect(loadConfig({}).abuse).toStrictEqual({
      perSender: { limit: 20, windowSeconds: 600 },
      global: { limit: 600, windowSeconds: 60 },
      sms: {
        allowedPrefixes: ['1', '44', '353', '61', '64', '34', '52', '54', '56', '57', '51'],
        newNumbersPerPrefixPerHour: 20,
      },
    });
  });

  it('takes other limits, turns a rate limit off with 0, and reads codes with spaces, "+" and repeats', () => {
    const config = loadConfig({
      RATE_LIMIT_PER_NUMBER: '0',
      RATE_LIMIT_GLOBAL_PER_MINUTE: '50',
      SMS_ALLOWED_COUNTRY_CODES: ' 1, +44,34,44 ',
      SMS_NEW_NUMBERS_PER_PREFIX_PER_HOUR: '5',
    });
    expect(config.abuse).toStrictEqual({
      global: { limit: 50, windowSeconds: 60 },
      sms: { allowedPrefixes: ['1', '44', '34'], newNumbersPerPrefixPerHour: 5 },
    });
  });

  it.each([
    [{ RATE_LIMIT_PER_NUMBER: '-1' }, 'RATE_LIMIT_PER_NUMBER'],
    [{ RATE_LIMIT_PER_NUMBER: 'lots' }, 'RATE_LIMIT_PER_NUMBER'],
    [{ RATE_LIMIT_PER_NUMBER_WINDOW_SECONDS: '5' }, 'RATE_LIMIT_PER_NUMBER_WINDOW_SECONDS'],
    [{ RATE_LIMIT_GLOBAL_PER_MINUTE: '1.5' }, 'RATE_LIMIT_GLOBAL_PER_MINUTE'],
    [{ SMS_ALLOWED_COUNTRY_CODES: 'uk' }, 'SMS_ALLOWED_COUNTRY_CODES'],
    [{ SMS_ALLOWED_COUNTRY_CODES: '1,,44' }, 'SMS_ALLOWED_COUNTRY_CODES'],
    [{ SMS_ALLOWED_COUNTRY_CODES: '044' }, 'SMS_ALLOWED_COUNTRY_CODES'],
    [{ SMS_NEW_NUMBERS_PER_PREFIX_PER_HOUR: '0' }, 'SMS_NEW_NUMBERS_PER_PREFIX_PER_HOUR'],
  ])('rejects %o with one line naming %s', (env, variable) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain(variable);
    expect((error as Error).message.split('\n')).toHaveLength(1);
  });
});
