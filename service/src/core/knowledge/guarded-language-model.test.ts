import { describe, expect, it } from 'vitest';
import type { UnvalidatedLanguageModel } from '../ports/language-model.port.ts';
import type { Logger } from '../ports/logger.port.ts';
import { GuardedLanguageModel, numbersIn, sameNumbers } from './guarded-language-model.ts';
import { loadKnowledgeBase } from './knowledge-base.ts';
import { LocalLanguageModel } from './local-language-model.ts';
import { LanguageModelDeferred, LanguageModelTimeout } from './model-call-budget.ts';

/** A stand-in provider that returns fixed raw output (what an adapter would have parsed off the wire). */
function provider(output: { classify?: unknown; answer?: unknown; phrase?: unknown; fail?: Error }) {
  const respond = async (value: unknown) => {
    if (output.fail) throw output.fail;
    return value;
  };
  const model: UnvalidatedLanguageModel = {
    provider: 'bedrock',
    classify: () => respond(output.classify),
    answerQuestion: () => respond(output.answer),
    phrase: () => respond(output.phrase),
  };
  return model;
}

function guarded(output: Parameters<typeof provider>[0]) {
  const warnings: Record<string, unknown>[] = [];
  const logger: Logger = {
    debug() {},
    info() {},
    warn: (_event, fields) => warnings.push(fields ?? {}),
    error() {},
  };
  const model = new GuardedLanguageModel(
    provider(output),
    new LocalLanguageModel(),
    loadKnowledgeBase(),
    logger,
  );
  return { model, warnings };
}

const question = { text: 'how much fibre do I need?', locale: 'en' as const };

describe('GuardedLanguageModel: a model is trusted only after validation', () => {
  it('keeps a valid answer that names an existing entry', async () => {
    const { model, warnings } = guarded({
      answer: { kind: 'answer', entryId: 'fibre-sources', topic: 'fibre' },
    });
    expect(await model.answerQuestion(question)).toEqual({
      kind: 'answer',
      entryId: 'fibre-sources',
      topic: 'fibre',
    });
    expect(warnings).toEqual([]);
  });

  it.each([
    ['free text instead of an entry', { kind: 'answer', text: 'Eat 800 kcal a day' }, 'invalid_output'],
    [
      'an entry that does not exist',
      { kind: 'answer', entryId: 'crash-diet', topic: 'myths' },
      'unknown_entry',
    ],
    [
      'an entry under the wrong topic',
      { kind: 'answer', entryId: 'fibre-needs', topic: 'myths' },
      'unknown_entry',
    ],
    ['not an object', 'Sure! Eat less.', 'invalid_output'],
  ])('falls back to the local engine on %s', async (_name, answer, reason) => {
    const { model, warnings } = guarded({ answer });
    expect(await model.answerQuestion(question)).toEqual({
      kind: 'answer',
      entryId: 'fibre-needs',
      topic: 'fibre',
    });
    expect(warnings).toEqual([expect.objectContaining({ operation: 'answer_question' })]);
    if (reason !== 'unknown_entry') expect(warnings[0]?.reason).toBe(reason);
  });

  it('after a safety reply, refuses an entry outside the allowed topics', async () => {
    const { model, warnings } = guarded({
      answer: { kind: 'answer', entryId: 'protein-needs', topic: 'macros' },
    });
    const answer = await model.answerQuestion({
      text: 'I am on dialysis, is oatmeal ok for diabetics?',
      locale: 'en',
      topics: ['clinician'],
    });
    expect(answer).toEqual({ kind: 'answer', entryId: 'diabetes-carbs', topic: 'clinician' });
    expect(warnings[0]?.reason).toBe('topic_not_allowed');
  });

  it('falls back when the provider throws (timeout, network), logging the error name only', async () => {
    const timeout = Object.assign(new Error('the question text must not be logged'), {
      name: 'TimeoutError',
    });
    const { model, warnings } = guarded({ fail: timeout });
    expect((await model.answerQuestion(question)).kind).toBe('answer');
    expect(await model.classify({ text: 'plan', locale: 'en' })).toEqual({
      kind: 'tool',
      call: { name: 'make_plan', input: {} },
    });
    expect(warnings.map((w) => w.reason)).toEqual(['TimeoutError', 'TimeoutError']);
    expect(JSON.stringify(warnings)).not.toContain('question text');
  });

  it('validates tool calls: unknown tools and extra slots fall back', async () => {
    const bad = guarded({ classify: { kind: 'tool', call: { name: 'delete_account', input: {} } } });
    expect((await bad.model.classify({ text: 'blorp', locale: 'en' })).kind).toBe('none');
    const extra = guarded({
      classify: { kind: 'tool', call: { name: 'make_plan', input: { kcal: 800 } } },
    });
    expect(await extra.model.classify({ text: 'plan', locale: 'en' })).toEqual({
      kind: 'tool',
      call: { name: 'make_plan', input: {} },
    });
    expect(extra.warnings[0]?.reason).toBe('invalid_output');
  });

  it('keeps a rewording with the same numbers, refuses one that changes a number', async () => {
    const draft = 'Today: 1,850 kcal, 92 g protein.';
    const same = guarded({ phrase: { text: 'You had 92 g of protein and 1850 kcal today.' } });
    expect((await same.model.phrase({ locale: 'en', tool: 'day_summary', draft })).text).toContain('1850');
    const invented = guarded({ phrase: { text: 'You had 92 g of protein; aim for 900 kcal tomorrow.' } });
    expect((await invented.model.phrase({ locale: 'en', tool: 'day_summary', draft })).text).toBe(draft);
    expect(invented.warnings[0]?.reason).toBe('numbers_changed');
  });

  it('deferIfSlow: a timeout throws LanguageModelDeferred; any other failure, or no deferIfSlow, answers locally', async () => {
    const slow = guarded({ fail: new LanguageModelTimeout('model call exceeded 7000 ms') });
    await expect(slow.model.answerQuestion({ ...question, deferIfSlow: true })).rejects.toThrow(
      LanguageModelDeferred,
    );
    expect(await slow.model.answerQuestion(question)).toMatchObject({ entryId: 'fibre-needs' });
    // Classifying and phrasing never defer: nothing queues them.
    expect((await slow.model.classify({ text: 'blorp', locale: 'en' })).kind).toBe('none');
    const refused = guarded({ fail: Object.assign(new Error('denied'), { name: 'AccessDeniedException' }) });
    expect(await refused.model.answerQuestion({ ...question, deferIfSlow: true })).toMatchObject({
      entryId: 'fibre-needs',
    });
    expect(refused.warnings.map((warning) => warning.reason)).toEqual(['AccessDeniedException']);
  });
});

describe('numbers in a text', () => {
  it('reads thousands separators and decimals alike', () => {
    expect(numbersIn('1,200 kcal, 0.5 kg and $49.98.')).toEqual(['0.5', '1200', '49.98']);
    expect(sameNumbers('about 2 cups', 'two cups')).toBe(false);
  });
});
