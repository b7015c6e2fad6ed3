import { describe, expect, it } from 'vitest';
import type { PlanWhy } from '../../planning/plan-why.ts';
import { planWhySchema } from '../../planning/plan-why.ts';
import { planReasonText, planWhyEnglish, planWhyText } from './plan-why-text.ts';

const filters = {
  diet: 'vegan' as const,
  allergies: ['peanut' as const, 'soy' as const],
  dislikes: ['mushroom'],
};

const EVERY_KIND: PlanWhy[] = [
  { kind: 'within_budget', cost: 52.4, budget: 60 },
  { kind: 'over_budget', cost: 71.1, budget: 60 },
  { kind: 'budget_bound', minCost: 88.25, budget: 40, days: 7 },
  { kind: 'member_refused', member: 'Leo', code: 'under_3', detail: 'We set targets from age 3.' },
  { kind: 'member_refused', member: 'Ana', code: 'invalid_input', detail: 'Some details are missing: age.' },
  { kind: 'no_recipe_for_slot', slot: 'breakfast', filters },
  { kind: 'prep_time', minutes: 15, filters },
  { kind: 'nutrient_family', family: 'protein', filters },
  { kind: 'no_combination', filters },
  { kind: 'day_unsolved', day: 3 },
  { kind: 'day_missing', day: 9 },
  { kind: 'no_swap', slot: 'dinner', day: 2, filters },
];

/** English words that would betray an untranslated sentence in a Spanish reply. */
const ENGLISH = /\b(the|your|budget|costs?|recipes?|plan that|everyone|without|day \d)\b/i;

describe('why a plan came out as it did, in each language', () => {
  it.each(EVERY_KIND)('$kind survives the stored-plan schema and reads in English and Spanish', (why) => {
    expect(planWhySchema.parse(JSON.parse(JSON.stringify(why)))).toEqual(why);
    const english = planWhyEnglish(why);
    const spanish = planWhyText(why, 'es');
    expect(english).toMatch(/^[A-Z].*\.$/s);
    expect(spanish).toMatch(/^[A-ZÁÉÍÓÚÑ¡¿].*\.$/su);
    expect(spanish).not.toMatch(ENGLISH);
    expect(planWhyText(why, 'en')).toBe(english);
    // Every number the planner gave appears in both languages, unchanged.
    for (const value of Object.values(why).filter((v): v is number => typeof v === 'number')) {
      const shown = Number.isInteger(value) ? String(value) : value.toFixed(2).replace(/0$/, '');
      expect(english).toContain(shown);
      expect(spanish).toContain(shown);
    }
  });

  it('names the allergens and the diet in the reader’s language', () => {
    const spanish = planWhyText({ kind: 'no_combination', filters }, 'es');
    expect(spanish).toContain('dieta vegana');
    expect(spanish).toContain('maní');
    expect(spanish).toContain('soya');
    expect(planWhyEnglish({ kind: 'no_combination', filters })).toContain('a vegan diet without peanut');
  });

  it('falls back to the stored English sentence for plans saved before reasons were data', () => {
    expect(planReasonText({ reason: 'Plan costs $40 of your $60 budget.' }, 'es')).toBe(
      'Plan costs $40 of your $60 budget.',
    );
  });
});
