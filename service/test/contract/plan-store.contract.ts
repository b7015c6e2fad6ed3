import { describe, expect, it } from 'vitest';
import type { StoredPlan } from '../../src/core/domain/stored-plan.ts';
import { at, expectStoreError, type MakeStores, useFreshStores } from './contract-support.ts';

const DAY_MS = 86_400_000;
const iso = (ms: number) => at(ms).toISOString();

/** A distinct, URL-safe, 22+ character token per label, as a caller's random token would be. */
const token = (label: string) => `tok_${label}`.padEnd(26, 'x');

/** A small but complete plan: two members, one day, a shared recipe and a side, a pantry item, fractions, accents. */
export function aStoredPlan(overrides: Partial<StoredPlan> = {}): StoredPlan {
  const totals = { kcal: 1850.5, proteinG: 92.25, fatG: 61, carbsG: 230.75, fiberG: 31.5, sodiumMg: 1900 };
  return {
    id: 'plan-1',
    userId: 'user-1',
    token: token('plan-1'),
    weekStart: '2025-01-06',
    createdAt: iso(0),
    expiresAt: iso(14 * DAY_MS),
    request: {
      members: [
        {
          name: 'Ana',
          sex: 'female',
          age: 34,
          heightCm: 168,
          weightKg: 61.5,
          activity: 'moderate',
          goal: 'lose',
        },
        {
          name: 'José',
          sex: 'male',
          age: 36,
          heightCm: 180,
          weightKg: 82,
          activity: 'light',
          goal: 'maintain',
          medicalCondition: 'diabetes on medication',
        },
      ],
      diet: 'vegetarian',
      allergies: ['peanut'],
      dislikes: ['cilantro'],
      budget: { amount: 120.5, currency: 'USD', period: 'week' },
      days: 1,
      maxPrepMinutesWeekday: 45,
    },
    plan: {
      status: 'optimal',
      reason: 'Within budget and targets.',
      members: [
        { name: 'Ana', targets: totals },
        { name: 'José', targets: { ...totals, kcal: 2400 } },
      ],
      days: [
        {
          day: 0,
          meals: [
            {
              slot: 'dinner',
              recipeId: 'lentil-soup',
              recipeName: 'Sopa de lentejas 🥣',
              portions: { Ana: 1.25, José: 1.75 },
              ingredients: [
                { foodId: '16069', name: 'Lentils, raw', grams: 240 },
                { foodId: '04053', name: 'Olive oil', grams: 13.5 },
              ],
              prepMinutes: 35,
            },
            {
              slot: 'snack',
              recipeId: 'side:09003',
              recipeName: 'Apple',
              portions: { Ana: 1 },
              ingredients: [{ foodId: '09003', name: 'Apple', grams: 182 }],
              prepMinutes: 0,
            },
          ],
          totals: { Ana: totals, José: { ...totals, kcal: 2390.25 } },
        },
      ],
      groceryList: [
        {
          foodId: '16069',
          name: 'Lentils, raw',
          aisle: 'Dry goods',
          grams: 240,
          packages: 1,
          packageLabel: '1 lb bag',
          cost: 1.89,
          pantry: false,
        },
        {
          foodId: '04053',
          name: 'Olive oil',
          aisle: 'Oils & condiments',
          grams: 13.5,
          packages: 0,
          packageLabel: 'by the tbsp',
          cost: 0.21,
          pantry: true,
        },
      ],
      cost: { total: 42.37, currency: 'USD', budget: 120.5 },
      solver: { ms: 812, gap: null, lpBound: 41.9 },
      notes: ['José: no deficit (clinician referral).'],
    },
    ...overrides,
  };
}

export function describePlanStoreContract(makeStores: MakeStores): void {
  describe('PlanStore contract', () => {
    const stores = useFreshStores(makeStores);
    const plans = () => stores().plans;
    const currentId = async (userId: string, ms: number) => (await plans().current(userId, at(ms)))?.id;

    it('has nothing for an unknown token or a user without plans', async () => {
      await plans().save(aStoredPlan());
      expect(await plans().byToken(token('nope'), at(0))).toBeUndefined();
      expect(await plans().current('user-2', at(0))).toBeUndefined();
    });

    it('returns a saved plan unchanged, by token and as the current plan', async () => {
      const plan = aStoredPlan();
      await plans().save(plan);
      expect(await plans().byToken(plan.token, at(1))).toStrictEqual(plan);
      expect(await plans().current('user-1', at(1))).toStrictEqual(plan);
    });

    it('matches the whole token exactly', async () => {
      const plan = aStoredPlan();
      await plans().save(plan);
      expect(await plans().byToken(plan.token.slice(0, -1), at(1))).toBeUndefined();
      expect(await plans().byToken(`${plan.token}x`, at(1))).toBeUndefined();
      expect(await plans().byToken(plan.token.toUpperCase(), at(1))).toBeUndefined();
    });

    it('keeps several plans per user, each behind its own token', async () => {
      await plans().save(aStoredPlan());
      await plans().save(aStoredPlan({ id: 'plan-2', token: token('plan-2'), weekStart: '2025-01-13' }));
      await plans().save(aStoredPlan({ id: 'plan-3', userId: 'user-2', token: token('plan-3') }));
      expect((await plans().byToken(token('plan-1'), at(1)))?.id).toBe('plan-1');
      expect((await plans().byToken(token('plan-2'), at(1)))?.weekStart).toBe('2025-01-13');
      expect((await plans().byToken(token('plan-3'), at(1)))?.userId).toBe('user-2');
    });

    it('serves a plan at the very instant it expires, and never after', async () => {
      const plan = aStoredPlan({ expiresAt: iso(60_000) });
      await plans().save(plan);
      expect(await plans().byToken(plan.token, at(60_000))).toStrictEqual(plan);
      expect(await plans().current('user-1', at(60_000))).toStrictEqual(plan);
      expect(await plans().byToken(plan.token, at(60_001))).toBeUndefined();
      expect(await plans().current('user-1', at(60_001))).toBeUndefined();
    });

    it('picks the newest plan by instant as current, whatever the save order or string form', async () => {
      await plans().save(
        aStoredPlan({ id: 'half-past', token: token('a'), createdAt: '2025-01-06T12:00:00.500Z' }),
      );
      await plans().save(aStoredPlan({ id: 'noon', token: token('b'), createdAt: '2025-01-06T12:00:00Z' }));
      await plans().save(
        aStoredPlan({ id: 'morning', token: token('c'), createdAt: '2025-01-06T08:00:00.000Z' }),
      );
      expect(await currentId('user-1', 1_000)).toBe('half-past');
    });

    it('skips expired plans when picking the current one', async () => {
      await plans().save(
        aStoredPlan({ id: 'older-long', token: token('a'), createdAt: iso(0), expiresAt: iso(DAY_MS) }),
      );
      await plans().save(
        aStoredPlan({ id: 'newer-short', token: token('b'), createdAt: iso(10), expiresAt: iso(100) }),
      );
      expect(await currentId('user-1', 100)).toBe('newer-short');
      expect(await currentId('user-1', 101)).toBe('older-long');
      expect(await currentId('user-1', DAY_MS + 1)).toBeUndefined();
    });

    it('breaks a tie in createdAt by the greater id, and never picks another user’s plan', async () => {
      await plans().save(aStoredPlan({ id: 'plan-b', token: token('b') }));
      await plans().save(aStoredPlan({ id: 'plan-a', token: token('a') }));
      await plans().save(
        aStoredPlan({ id: 'plan-z', userId: 'user-2', token: token('z'), createdAt: iso(5) }),
      );
      expect(await currentId('user-1', 10)).toBe('plan-b');
      expect(await currentId('user-2', 10)).toBe('plan-z');
    });

    it('refuses a second plan with the same id or the same token, and keeps the first', async () => {
      const first = aStoredPlan();
      await plans().save(first);
      await expectStoreError(plans().save(aStoredPlan({ token: token('other') })), 'conflict');
      await expectStoreError(plans().save(aStoredPlan({ id: 'plan-2', userId: 'user-2' })), 'conflict');
      expect(await plans().byToken(first.token, at(1))).toStrictEqual(first);
      expect(await plans().byToken(token('other'), at(1))).toBeUndefined();
      expect(await plans().current('user-2', at(1))).toBeUndefined();
    });

    it('replaces the whole plan on update, as seen by token and as current', async () => {
      await plans().save(aStoredPlan());
      const swapped = aStoredPlan();
      const dinner = swapped.plan.days[0]?.meals[0];
      if (dinner) dinner.recipeName = 'Chana masala';
      swapped.plan.cost.total = 39.9;
      swapped.request.dislikes = ['cilantro', 'fish'];
      await plans().update(swapped);
      expect(await plans().byToken(swapped.token, at(1))).toStrictEqual(swapped);
      expect(await plans().current('user-1', at(1))).toStrictEqual(swapped);
    });

    it('keeps the grocery items marked at home through update, and a plan without marks has no such field', async () => {
      await plans().save(aStoredPlan());
      const unmarked = await plans().current('user-1', at(1));
      expect(unmarked).toStrictEqual(aStoredPlan());
      expect(unmarked && 'atHome' in unmarked).toBe(false);

      const marked = aStoredPlan({ atHome: ['16069', '04053'] });
      await plans().update(marked);
      expect(await plans().byToken(marked.token, at(1))).toStrictEqual(marked);
      expect((await plans().current('user-1', at(1)))?.atHome).toEqual(['16069', '04053']);

      await plans().update(aStoredPlan({ atHome: [] }));
      expect((await plans().byToken(marked.token, at(1)))?.atHome).toEqual([]);
      await plans().save(aStoredPlan({ id: 'plan-2', token: token('plan-2'), atHome: ['16069'] }));
      expect((await plans().byToken(token('plan-2'), at(1)))?.atHome).toEqual(['16069']);
    });

    it('moves a plan to a new token on update, after which the old link stops working', async () => {
      await plans().save(aStoredPlan());
      await plans().update(aStoredPlan({ token: token('fresh') }));
      expect(await plans().byToken(token('plan-1'), at(1))).toBeUndefined();
      expect((await plans().byToken(token('fresh'), at(1)))?.id).toBe('plan-1');
    });

    it('fails with not_found when updating a plan that does not exist, and stores nothing', async () => {
      await expectStoreError(plans().update(aStoredPlan()), 'not_found');
      expect(await plans().byToken(token('plan-1'), at(1))).toBeUndefined();
      expect(await plans().current('user-1', at(1))).toBeUndefined();
    });

    it('fails with conflict when an update takes another plan’s token, and changes nothing', async () => {
      const first = aStoredPlan();
      const second = aStoredPlan({ id: 'plan-2', token: token('plan-2'), createdAt: iso(1) });
      await plans().save(first);
      await plans().save(second);
      await expectStoreError(
        plans().update({ ...second, token: first.token, weekStart: '2025-02-03' }),
        'conflict',
      );
      expect(await plans().byToken(first.token, at(2))).toStrictEqual(first);
      expect(await plans().byToken(second.token, at(2))).toStrictEqual(second);
    });

    it('erases every plan of a user, so their links stop working; others keep theirs', async () => {
      await plans().save(aStoredPlan());
      await plans().save(aStoredPlan({ id: 'plan-2', token: token('plan-2') }));
      const theirs = aStoredPlan({ id: 'plan-3', userId: 'user-2', token: token('plan-3') });
      await plans().save(theirs);

      await plans().deleteForUser('user-1');
      await plans().deleteForUser('user-1');
      await plans().deleteForUser('nobody');
      expect(await plans().byToken(token('plan-1'), at(1))).toBeUndefined();
      expect(await plans().byToken(token('plan-2'), at(1))).toBeUndefined();
      expect(await plans().current('user-1', at(1))).toBeUndefined();
      expect(await plans().byToken(theirs.token, at(1))).toStrictEqual(theirs);
      // Gone, not hidden: the id and token are free again.
      await plans().save(aStoredPlan());
    });

    it('purges expired plans of every user and reports how many went', async () => {
      await plans().save(aStoredPlan({ id: 'a', token: token('a'), expiresAt: iso(1_000) }));
      await plans().save(
        aStoredPlan({ id: 'b', userId: 'user-2', token: token('b'), expiresAt: iso(2_000) }),
      );
      await plans().save(aStoredPlan({ id: 'c', token: token('c'), expiresAt: iso(5_000) }));

      expect(await plans().purgeExpired(at(5_000))).toBe(2);
      expect(await plans().purgeExpired(at(5_000))).toBe(0);
      expect((await plans().byToken(token('c'), at(5_000)))?.id).toBe('c');
      // Purged plans are gone, not only hidden: not found even at an instant before they expired.
      expect(await plans().byToken(token('a'), at(0))).toBeUndefined();
      expect(await currentId('user-2', 0)).toBeUndefined();
    });

    it('does not let callers change stored plans through the objects they pass or receive', async () => {
      const plan = aStoredPlan();
      await plans().save(plan);
      plan.plan.notes.push('mutated');
      plan.request.allergies.push('fish');

      const found = await plans().byToken(token('plan-1'), at(1));
      expect(found).toStrictEqual(aStoredPlan());
      found?.plan.groceryList.pop();
      expect(await plans().current('user-1', at(1))).toStrictEqual(aStoredPlan());
    });
  });
}
