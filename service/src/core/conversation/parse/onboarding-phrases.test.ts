import { describe, expect, it } from 'vitest';
import { ONBOARDING_PHRASES, type PhraseRow } from '../../../../test/fixtures/onboarding-phrases.ts';
import {
  parseAllergies,
  parseBody,
  parseBudget,
  parseDiet,
  parseGoal,
  parseHousehold,
  parseProfileUpdate,
  parseYesNo,
} from './index.ts';

function run(row: PhraseRow): unknown {
  switch (row.field) {
    case 'goal':
      return parseGoal(row.text, { numbered: row.numbered ?? false });
    case 'allergies':
      return parseAllergies(row.text);
    case 'diet':
      return parseDiet(row.text);
    case 'household':
      return parseHousehold(row.text);
    case 'budget':
      return parseBudget(row.text);
    case 'body':
      return parseBody(row.text);
    case 'profileUpdate':
      return parseProfileUpdate(row.text);
    case 'yesNo':
      return parseYesNo(row.text);
  }
}

describe('onboarding phrase table', () => {
  it('has at least 120 rows and no duplicated (field, text, numbered)', () => {
    expect(ONBOARDING_PHRASES.length).toBeGreaterThanOrEqual(120);
    const keys = ONBOARDING_PHRASES.map((r) => `${r.field}|${r.text}|${'numbered' in r ? r.numbered : ''}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each(ONBOARDING_PHRASES.map((row) => [row.field, row.text, row] as const))(
    '%s: %j',
    (_field, _text, row) => {
      expect(run(row) ?? null).toEqual(row.expected);
    },
  );
});
