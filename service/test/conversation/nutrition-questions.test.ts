import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/core/knowledge/knowledge-base.ts';
import { LocalLanguageModel } from '../../src/core/knowledge/local-language-model.ts';
import { nutritionQuestions } from '../fixtures/nutrition-questions.ts';

/** Required share of rows whose first answer is the expected entry (or "no match"). */
const REQUIRED_TOP1 = 0.9;

describe('open nutrition questions → knowledge-base entries (local engine)', () => {
  it('every expected entry exists', () => {
    const kb = loadKnowledgeBase();
    const missing = nutritionQuestions.filter(
      (row) => row.expected !== null && kb.get(row.expected) === undefined,
    );
    expect(missing).toEqual([]);
  });

  it(`matches at least ${REQUIRED_TOP1 * 100} % of the table top-1, listing every failing row`, async () => {
    const engine = new LocalLanguageModel();
    const failing: string[] = [];
    for (const row of nutritionQuestions) {
      const answer = await engine.answerQuestion({ text: row.text, locale: row.locale });
      const got = answer.kind === 'answer' ? answer.entryId : null;
      if (got !== row.expected)
        failing.push(
          `${JSON.stringify(row.text)} → ${got ?? 'no match'} (expected ${row.expected ?? 'no match'})`,
        );
    }
    const share = 1 - failing.length / nutritionQuestions.length;
    if (failing.length > 0)
      console.info(`nutrition questions: ${failing.length} failing rows\n${failing.join('\n')}`);
    console.info(`nutrition questions: top-1 ${(share * 100).toFixed(1)} % of ${nutritionQuestions.length}`);
    expect(share, failing.join('\n')).toBeGreaterThanOrEqual(REQUIRED_TOP1);
  });
});
