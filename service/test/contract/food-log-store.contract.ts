import { describe, expect, it } from 'vitest';
import type { FoodLogEntry } from '../../src/core/domain/food-log-entry.ts';
import { at, expectStoreError, type MakeStores, useFreshStores } from './contract-support.ts';

const DAY_MS = 86_400_000;
const iso = (ms: number) => at(ms).toISOString();

/** Lentils with fractions and an accented name; `at(0)` is 2025-01-06 12:00 UTC, kept for 90 days. */
export function aFoodLogEntry(overrides: Partial<FoodLogEntry> = {}): FoodLogEntry {
  return {
    id: 'food-1',
    userId: 'user-1',
    date: '2025-01-06',
    at: iso(0),
    foodId: '16069',
    name: 'Lentejas cocidas 🍲',
    grams: 182.5,
    nutrients: { kcal: 210.75, proteinG: 16.5, fatG: 0.7, carbsG: 36.25, fiberG: 14.6, sodiumMg: 4 },
    expiresAt: iso(90 * DAY_MS),
    ...overrides,
  };
}

export function describeFoodLogStoreContract(makeStores: MakeStores): void {
  describe('FoodLogStore contract', () => {
    const stores = useFreshStores(makeStores);
    const log = () => stores().foodLog;
    const dayIds = async (userId: string, date: string, ms = 0) =>
      (await log().forDay(userId, date, at(ms))).map((entry) => entry.id);
    const rangeIds = async (userId: string, from: string, to: string, ms = 0) =>
      (await log().forDays(userId, from, to, at(ms))).map((entry) => entry.id);

    it('has nothing for an unknown user or an empty day, and takes an empty append as a no-op', async () => {
      await log().append([]);
      await log().append([aFoodLogEntry()]);
      expect(await log().forDay('user-2', '2025-01-06', at(0))).toStrictEqual([]);
      expect(await log().forDay('user-1', '2025-01-07', at(0))).toStrictEqual([]);
      expect(await log().forDays('user-2', '2025-01-01', '2025-01-31', at(0))).toStrictEqual([]);
    });

    it('returns appended entries unchanged, by day and by range', async () => {
      const entry = aFoodLogEntry();
      const zeroes = aFoodLogEntry({
        id: 'food-2',
        at: iso(1),
        foodId: '14555',
        name: 'Water',
        grams: 5_000,
        nutrients: { kcal: 0, proteinG: 0, fatG: 0, carbsG: 0, fiberG: 0, sodiumMg: 0 },
      });
      await log().append([entry, zeroes]);
      expect(await log().forDay('user-1', '2025-01-06', at(1))).toStrictEqual([entry, zeroes]);
      expect(await log().forDays('user-1', '2025-01-06', '2025-01-06', at(1))).toStrictEqual([entry, zeroes]);
    });

    it('lists a day oldest first by instant, whatever the append order or string form; ties by id', async () => {
      await log().append([
        aFoodLogEntry({ id: 'half-past', at: '2025-01-06T12:00:00.500Z' }),
        aFoodLogEntry({ id: 'noon-b', at: '2025-01-06T12:00:00Z' }),
      ]);
      await log().append([
        aFoodLogEntry({ id: 'noon-a', at: '2025-01-06T12:00:00.000Z' }),
        aFoodLogEntry({ id: 'morning', at: '2025-01-06T08:00:00.000Z' }),
      ]);
      expect(await dayIds('user-1', '2025-01-06')).toStrictEqual([
        'morning',
        'noon-a',
        'noon-b',
        'half-past',
      ]);
    });

    it('keeps to the asked day and user', async () => {
      await log().append([
        aFoodLogEntry({ id: 'mon' }),
        aFoodLogEntry({ id: 'tue', date: '2025-01-07', at: iso(DAY_MS) }),
        aFoodLogEntry({ id: 'theirs', userId: 'user-2' }),
      ]);
      expect(await dayIds('user-1', '2025-01-06')).toStrictEqual(['mon']);
      expect(await dayIds('user-1', '2025-01-07')).toStrictEqual(['tue']);
      expect(await dayIds('user-2', '2025-01-06')).toStrictEqual(['theirs']);
    });

    it('counts an entry towards its local date, not the UTC day of its instant', async () => {
      // Late dinner in Los Angeles: 2025-01-06 at 19:30 local is 03:30 UTC the next day.
      await log().append([
        aFoodLogEntry({ id: 'late-dinner', date: '2025-01-06', at: '2025-01-07T03:30:00Z' }),
      ]);
      expect(await dayIds('user-1', '2025-01-06')).toStrictEqual(['late-dinner']);
      expect(await dayIds('user-1', '2025-01-07')).toStrictEqual([]);
    });

    it('lists an inclusive date range by date, then by instant', async () => {
      await log().append([
        aFoodLogEntry({ id: 'before', date: '2025-01-05', at: iso(-DAY_MS) }),
        aFoodLogEntry({ id: 'first-day-late', date: '2025-01-06', at: iso(2_000) }),
        // Logged under the later date but at an earlier instant (a travel day): the date still comes first.
        aFoodLogEntry({ id: 'last-day', date: '2025-01-08', at: iso(1_000) }),
        aFoodLogEntry({ id: 'first-day-early', date: '2025-01-06', at: iso(0) }),
        aFoodLogEntry({ id: 'middle', date: '2025-01-07', at: iso(DAY_MS) }),
        aFoodLogEntry({ id: 'after', date: '2025-01-09', at: iso(3 * DAY_MS) }),
        aFoodLogEntry({ id: 'theirs', userId: 'user-2', date: '2025-01-07', at: iso(DAY_MS) }),
      ]);
      expect(await rangeIds('user-1', '2025-01-06', '2025-01-08')).toStrictEqual([
        'first-day-early',
        'first-day-late',
        'middle',
        'last-day',
      ]);
      expect(await rangeIds('user-1', '2025-01-07', '2025-01-07')).toStrictEqual(['middle']);
      expect(await rangeIds('user-1', '2025-01-08', '2025-01-06')).toStrictEqual([]);
    });

    it('returns an entry at the very instant it expires, and never after', async () => {
      await log().append([
        aFoodLogEntry({ id: 'short', expiresAt: iso(60_000) }),
        aFoodLogEntry({ id: 'long', at: iso(1), expiresAt: iso(120_000) }),
      ]);
      expect(await dayIds('user-1', '2025-01-06', 60_000)).toStrictEqual(['short', 'long']);
      expect(await rangeIds('user-1', '2025-01-06', '2025-01-06', 60_000)).toStrictEqual(['short', 'long']);
      expect(await dayIds('user-1', '2025-01-06', 60_001)).toStrictEqual(['long']);
      expect(await rangeIds('user-1', '2025-01-06', '2025-01-06', 60_001)).toStrictEqual(['long']);
      expect(await dayIds('user-1', '2025-01-06', 120_001)).toStrictEqual([]);
    });

    it('refuses a batch holding an id already stored, and writes none of it', async () => {
      const first = aFoodLogEntry();
      await log().append([first]);
      await expectStoreError(
        log().append([
          aFoodLogEntry({ id: 'new-1', at: iso(1) }),
          aFoodLogEntry({ grams: 999 }),
          aFoodLogEntry({ id: 'new-2', at: iso(2) }),
        ]),
        'conflict',
      );
      expect(await log().forDay('user-1', '2025-01-06', at(3))).toStrictEqual([first]);
    });

    it('refuses a batch that repeats an id within itself, and writes none of it', async () => {
      await expectStoreError(
        log().append([
          aFoodLogEntry({ id: 'a' }),
          aFoodLogEntry({ id: 'b', at: iso(1) }),
          aFoodLogEntry({ id: 'a', at: iso(2) }),
        ]),
        'conflict',
      );
      expect(await dayIds('user-1', '2025-01-06', 3)).toStrictEqual([]);
      // Nothing half-written blocks a corrected retry.
      await log().append([aFoodLogEntry({ id: 'a' }), aFoodLogEntry({ id: 'b', at: iso(1) })]);
      expect(await dayIds('user-1', '2025-01-06', 3)).toStrictEqual(['a', 'b']);
    });

    it('erases every entry of a user; others keep theirs', async () => {
      const theirs = aFoodLogEntry({ id: 'theirs', userId: 'user-2' });
      await log().append([
        aFoodLogEntry(),
        aFoodLogEntry({ id: 'food-2', date: '2025-01-07', at: iso(DAY_MS) }),
        theirs,
      ]);

      await log().deleteForUser('user-1');
      await log().deleteForUser('user-1');
      await log().deleteForUser('nobody');
      expect(await rangeIds('user-1', '2025-01-01', '2025-12-31')).toStrictEqual([]);
      expect(await log().forDay('user-2', '2025-01-06', at(0))).toStrictEqual([theirs]);
      // Gone, not hidden: the ids are free again.
      await log().append([aFoodLogEntry(), aFoodLogEntry({ id: 'food-2', at: iso(1) })]);
    });

    it('purges expired entries of every user and reports how many went', async () => {
      await log().append([
        aFoodLogEntry({ id: 'a', expiresAt: iso(1_000) }),
        aFoodLogEntry({ id: 'b', userId: 'user-2', expiresAt: iso(2_000) }),
        aFoodLogEntry({ id: 'c', expiresAt: iso(5_000) }),
      ]);

      expect(await log().purgeExpired(at(5_000))).toBe(2);
      expect(await log().purgeExpired(at(5_000))).toBe(0);
      expect(await dayIds('user-1', '2025-01-06', 5_000)).toStrictEqual(['c']);
      // Purged entries are gone, not only hidden: not found even at an instant before they expired.
      expect(await dayIds('user-1', '2025-01-06', 0)).toStrictEqual(['c']);
      expect(await dayIds('user-2', '2025-01-06', 0)).toStrictEqual([]);
    });

    it('does not let callers change stored entries through the objects they pass or receive', async () => {
      const entry = aFoodLogEntry();
      await log().append([entry]);
      entry.nutrients.kcal = 9_999;
      entry.name = 'mutated';

      const [found] = await log().forDay('user-1', '2025-01-06', at(1));
      expect(found).toStrictEqual(aFoodLogEntry());
      if (found) found.nutrients.proteinG = 0;
      expect(await log().forDays('user-1', '2025-01-06', '2025-01-06', at(1))).toStrictEqual([
        aFoodLogEntry(),
      ]);
    });
  });
}
