import { en } from '../conversation/messages/en.ts';
import type { HardFilters } from '../nutrition/food-filter.ts';
import type { LpSolver } from '../ports/lp-solver.port.ts';
import { CONSTRAINT_FAMILIES, type ConstraintFamily } from './member-rows.ts';
import { buildWeekBoundModel, type WeekBoundInput } from './week-bound.ts';

/** "a vegan diet without peanuts and soy, avoiding mushroom" — the hard filters in plain words. */
export function describeFilters(filters: HardFilters): string {
  const diet = filters.diet === 'omnivore' ? 'your diet' : `a ${filters.diet} diet`;
  const allergies = filters.allergies.map((allergy) => en.allergenName(allergy));
  const without = allergies.length > 0 ? ` without ${joinWords(allergies)}` : '';
  const dislikes = filters.dislikes.length > 0 ? `, avoiding ${joinWords([...filters.dislikes])}` : '';
  return `${diet}${without}${dislikes}`;
}

export function money(amount: number): string {
  return `$${amount.toFixed(2).replace(/\.00$/, '')}`;
}

function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

const FAMILY_WORDS: Record<ConstraintFamily, string> = {
  protein: "reach everyone's protein target",
  fat_carbs: 'keep fat and carbohydrate within healthy ranges',
  sodium: 'stay under the daily sodium limit',
  fiber: 'reach 14 g of fibre per 1,000 kcal',
  meal_shares: "spread everyone's energy sensibly across meals",
};

/**
 * Names the constraint that makes a household infeasible: the whole-week LP is re-solved without the weekday prep
 * limit, then with one family of constraints left out at a time; the first whose removal makes it feasible is the
 * one that binds.
 */
export async function infeasibilityReason(
  input: WeekBoundInput,
  solver: LpSolver,
  filters: string,
): Promise<string> {
  const unhurried = await solver.solve(buildWeekBoundModel({ ...input, maxPrepMinutesWeekday: Infinity }), {
    relax: true,
  });
  if (unhurried.status === 'optimal') {
    return `Too few recipes that fit ${filters} take ${input.maxPrepMinutesWeekday} minutes or less, so weekdays can't meet everyone's needs; allow more prep time.`;
  }
  for (const family of CONSTRAINT_FAMILIES) {
    const relaxed = await solver.solve(buildWeekBoundModel({ ...input, relaxed: new Set([family]) }), {
      relax: true,
    });
    if (relaxed.status === 'optimal') {
      return `The recipes that fit ${filters} can't ${FAMILY_WORDS[family]} while meeting everyone's energy needs.`;
    }
  }
  return `No combination of the recipes that fit ${filters} meets everyone's energy and nutrient targets together.`;
}
