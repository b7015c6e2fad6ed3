import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.publicBaseUrl).toBe('http://localhost:3000');
    expect(config.dataDir).toBe(path.resolve(import.meta.dirname, '../../../.data'));
    expect(config.twilio.authToken).toBeUndefined();
    expect(config.twilio.managedOptOut).toBe(false);
    expect(config.store).toBe('sqlite');
  });

  it('derives the public base URL from PORT and honours DATA_DIR', () => {
    const config = loadConfig({ PORT: '4100', DATA_DIR: '/tmp/x' });
    expect(config.publicBaseUrl).toBe('http://localhost:4100');
    expect(config.dataDir).toBe('/tmp/x');
  });

  it('treats empty values as unset and trims a trailing slash from the base URL', () => {
    const config = loadConfig({ TWILIO_AUTH_TOKEN: '', PUBLIC_BASE_URL: 'https://coach.example.org/' });
    expect(config.twilio.authToken).toBeUndefined();
    expect(config.publicBaseUrl).toBe('https://coach.example.org');
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ PUBLIC_BASE_URL: 'not a url' }, 'PUBLIC_BASE_URL'],
    [{ TWILIO_MANAGED_OPT_OUT: 'maybe' }, 'TWILIO_MANAGED_OPT_OUT'],
    [{ TWILIO_AUTH_TOKEN: 'short' }, 'TWILIO_AUTH_TOKEN'],
    [{ STORE: 'postgres' }, 'STORE'],
  ])('rejects %o with one line naming %s', (env, variable) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain(variable);
    expect(message.split('\n')).toHaveLength(1);
  });
});
