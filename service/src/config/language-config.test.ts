import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('LANGUAGE_PROVIDER', () => {
  it('defaults to the local engine, empty included', () => {
    expect(loadConfig({}).language.provider).toBe('local');
    expect(loadConfig({ LANGUAGE_PROVIDER: '' }).language.provider).toBe('local');
  });

  it('accepts bedrock with its model id, and openai with its base URL, model and optional key', () => {
    const bedrock = loadConfig({
      LANGUAGE_PROVIDER: 'bedrock',
      BEDROCK_MODEL_ID: 'us.anthropic.claude-x-v1:0',
    });
    expect(bedrock.language).toMatchObject({
      provider: 'bedrock',
      bedrock: { modelId: 'us.anthropic.claude-x-v1:0' },
    });
    const openai = loadConfig({
      LANGUAGE_PROVIDER: 'openai',
      OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1/',
      OPENAI_MODEL: 'llama3.1:8b',
    });
    expect(openai.language.openai).toEqual({ baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.1:8b' });
    expect(
      loadConfig({
        LANGUAGE_PROVIDER: 'openai',
        OPENAI_BASE_URL: 'https://api.example.test/v1',
        OPENAI_MODEL: 'm',
        OPENAI_API_KEY: 'sk-x',
      }).language.openai?.apiKey,
    ).toBe('sk-x');
  });

  it('a provider without its required setting is refused in one line naming the variable', () => {
    expect(() => loadConfig({ LANGUAGE_PROVIDER: 'bedrock' })).toThrow(
      /^Invalid configuration: BEDROCK_MODEL_ID: required when LANGUAGE_PROVIDER is bedrock$/,
    );
    expect(() =>
      loadConfig({ LANGUAGE_PROVIDER: 'openai', OPENAI_BASE_URL: 'http://127.0.0.1:8080/v1' }),
    ).toThrow(/^Invalid configuration: OPENAI_MODEL: required when LANGUAGE_PROVIDER is openai$/);
  });

  it('refuses anything else with one line naming the variable', () => {
    expect(() => loadConfig({ LANGUAGE_PROVIDER: 'gpt' })).toThrow(ConfigError);
    expect(() => loadConfig({ LANGUAGE_PROVIDER: 'gpt' })).toThrow(
      /^Invalid configuration: LANGUAGE_PROVIDER:/,
    );
  });
});
