import { describe, expect, it } from 'vitest';
import { questionCacheability } from '../../src/core/knowledge/question-cacheability.ts';
import { cacheabilityRows } from '../fixtures/language-cacheability.ts';

describe('which questions one cached answer may serve every user (language-cacheability.ts)', () => {
  it('meets every row of the table, EN and ES, listing each failure', () => {
    const failures = cacheabilityRows
      .map((row) => ({ row, got: questionCacheability(row.text) }))
      .filter(({ row, got }) => got.kind !== row.expected)
      .map(
        ({ row, got }) => `${row.locale} "${row.text}": expected ${row.expected}, got ${JSON.stringify(got)}`,
      );
    expect(failures).toEqual([]);
  });

  it('covers both kinds in both languages', () => {
    for (const locale of ['en', 'es'] as const)
      for (const kind of ['shared', 'personal'] as const)
        expect(
          cacheabilityRows.filter((row) => row.locale === locale && row.expected === kind).length,
        ).toBeGreaterThan(10);
  });
});
