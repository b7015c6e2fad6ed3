import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.ts';
import { GuardedLanguageModel } from '../core/knowledge/guarded-language-model.ts';
import type { Logger } from '../core/ports/logger.port.ts';
import { composeLanguage } from './language.ts';

function capturingLogger() {
  const lines: { level: string; event: string; fields?: Record<string, unknown> }[] = [];
  const at =
    (level: string) =>
    (event: string, fields?: Record<string, unknown>): void => {
      lines.push({ level, event, ...(fields ? { fields } : {}) });
    };
  const logger: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  return { logger, lines };
}

describe('composeLanguage', () => {
  it('local: the knowledge-base engine, nothing logged', () => {
    const { logger, lines } = capturingLogger();
    expect(composeLanguage(loadConfig({}), logger).provider).toBe('local');
    expect(lines).toEqual([]);
  });

  it.each([
    ['bedrock', { BEDROCK_MODEL_ID: 'us.anthropic.claude-x-v1:0' }],
    ['openai', { OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1', OPENAI_MODEL: 'llama3.1:8b' }],
  ])('%s: the adapter behind the guard, nothing logged at start-up', (name, settings) => {
    const { logger, lines } = capturingLogger();
    const model = composeLanguage(loadConfig({ LANGUAGE_PROVIDER: name, ...settings }), logger);
    expect(model.provider).toBe(name);
    expect(model).toBeInstanceOf(GuardedLanguageModel);
    expect(lines).toEqual([]);
  });
});
