import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('weekly delivery configuration', () => {
  it('defaults to a 5-minute tick and the 08:00–21:00 window', () => {
    expect(loadConfig({}).weeklyDelivery).toStrictEqual({
      tickSeconds: 300,
      window: { fromMinutes: 480, untilMinutes: 1260 },
    });
  });

  it('accepts a narrower window and another tick', () => {
    const config = loadConfig({
      SCHEDULER_INTERVAL_SECONDS: '60',
      DELIVERY_WINDOW_START: '09:30',
      DELIVERY_WINDOW_END: '20:00',
    });
    expect(config.weeklyDelivery).toStrictEqual({
      tickSeconds: 60,
      window: { fromMinutes: 570, untilMinutes: 1200 },
    });
  });

  it.each([
    [{ DELIVERY_WINDOW_START: '07:59' }, 'DELIVERY_WINDOW_START'],
    [{ DELIVERY_WINDOW_END: '21:01' }, 'DELIVERY_WINDOW_END'],
    [{ DELIVERY_WINDOW_END: '24:00' }, 'DELIVERY_WINDOW_END'],
    [{ DELIVERY_WINDOW_START: '8am' }, 'DELIVERY_WINDOW_START'],
    [{ DELIVERY_WINDOW_START: '20:00', DELIVERY_WINDOW_END: '10:00' }, 'DELIVERY_WINDOW_START'],
    [{ DELIVERY_WINDOW_START: '12:00', DELIVERY_WINDOW_END: '12:00' }, 'DELIVERY_WINDOW_START'],
    [{ SCHEDULER_INTERVAL_SECONDS: '0' }, 'SCHEDULER_INTERVAL_SECONDS'],
    [{ SCHEDULER_INTERVAL_SECONDS: 'often' }, 'SCHEDULER_INTERVAL_SECONDS'],
  ])('rejects %o with one line naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(variable);
  });
});
