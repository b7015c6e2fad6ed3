import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SAFETY_MESSAGES, type SafetyRow } from '../../../../test/fixtures/safety-messages.ts';
import { classifySafety } from './classify-safety.ts';
import { SAFETY_CATEGORIES } from './safety-category.ts';

const risky = SAFETY_MESSAGES.filter((row) => row.expected !== 'none');
const ordinary = SAFETY_MESSAGES.filter((row) => row.expected === 'none');

function describeRow(row: SafetyRow): string {
  const { category, signals } = classifySafety(row.text);
  return `  [${row.locale}] ${JSON.stringify(row.text)}: expected ${row.expected}, got ${category} (${signals.join(', ') || 'no signals'})`;
}

describe('classifySafety: the expected table', () => {
  it('has at least 60 rows, 30 of them risky, in both languages and every category', () => {
    expect(SAFETY_MESSAGES.length).toBeGreaterThanOrEqual(60);
    expect(risky.length).toBeGreaterThanOrEqual(30);
    expect(new Set(SAFETY_MESSAGES.map((row) => row.locale))).toEqual(new Set(['en', 'es']));
    expect(new Set(SAFETY_MESSAGES.map((row) => row.expected))).toEqual(new Set(SAFETY_CATEGORIES));
  });

  it.each(SAFETY_MESSAGES)('[$locale] $text → $expected', (row) => {
    const result = classifySafety(row.text);
    expect(result.category, describeRow(row)).toBe(row.expected);
  });

  it('every risky message ends safe and every ordinary message stays unflagged (failures listed)', () => {
    const unsafe = risky.filter((row) => classifySafety(row.text).category === 'none');
    const flagged = ordinary.filter((row) => classifySafety(row.text).category !== 'none');
    const wrongCategory = risky.filter((row) => {
      const category = classifySafety(row.text).category;
      return category !== 'none' && category !== row.expected;
    });
    const passed = SAFETY_MESSAGES.length - unsafe.length - flagged.length - wrongCategory.length;
    const report = [
      `safety table: ${passed}/${SAFETY_MESSAGES.length} rows exact (${((100 * passed) / SAFETY_MESSAGES.length).toFixed(1)} %); ` +
        `${risky.length - unsafe.length}/${risky.length} risky rows end safe; ` +
        `${ordinary.length - flagged.length}/${ordinary.length} ordinary rows unflagged`,
      ...(unsafe.length > 0 ? ['risky rows answered as ordinary:', ...unsafe.map(describeRow)] : []),
      ...(flagged.length > 0 ? ['ordinary rows flagged:', ...flagged.map(describeRow)] : []),
      ...(wrongCategory.length > 0 ? ['safe but another category:', ...wrongCategory.map(describeRow)] : []),
    ].join('\n');
    console.log(report);
    expect(unsafe, report).toEqual([]);
    expect(flagged, report).toEqual([]);
  });
});

describe('classifySafety: behaviour', () => {
  it('names signals by category and never echoes the message', () => {
    const result = classifySafety("I'm 12 and I make myself sick after meals");
    expect(result.category).toBe('eating_disorder');
    expect(result.signals).toContain('eating_disorder:purging');
    expect(result.signals).toContain('minor_under_13:sender-under-13');
    for (const signal of result.signals) expect(signal).toMatch(/^[a-z_0-9]+:[a-z0-9-]+$/);
  });

  it('is total and deterministic on any input', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const first = classifySafety(text);
        expect(SAFETY_CATEGORIES).toContain(first.category);
        expect(classifySafety(text)).toEqual(first);
      }),
    );
    expect(classifySafety('').category).toBe('none');
    expect(classifySafety(undefined as unknown as string).category).toBe('none');
  });

  it('stays fast on long hostile input (no catastrophic backtracking)', () => {
    const long = `${'I want to eat 1 2 3 calories a day and lose '.repeat(400)}${'a'.repeat(5_000)}`;
    const started = performance.now();
    classifySafety(long);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
