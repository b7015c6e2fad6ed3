import { describe, expect, it } from 'vitest';
import { loadFoodDatabase } from '../../src/core/nutrition/food-database.ts';
import { runCli } from '../support/spawn-cli.ts';

const db = loadFoodDatabase();

/** What `foods show --json` must print for a food, built here from the database itself. */
function expectedView(id: string) {
  const food = db.require(id);
  const { kcal, proteinG, fatG, carbsG, fiberG, sodiumMg } = food.per100g;
  return {
    id,
    name: food.name,
    ndb: food.ndb,
    per100g: { kcal, proteinG, fatG, carbsG, fiberG, sodiumMg },
    allergens: food.allergens,
    diets: food.diets,
  };
}

describe('nutritionist foods show', () => {
  it('prints one JSON line: an array with the exact contract shape, and nothing else', async () => {
    const result = await runCli(['foods', 'show', 'chickpeas-dry', '--json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.endsWith('\n')).toBe(true);
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(1);
    const parsed = JSON.parse(result.stdout) as unknown[];
    expect(parsed).toEqual([expectedView('chickpeas-dry')]);
    const [first] = parsed as Record<string, unknown>[];
    expect(Object.keys(first ?? {})).toEqual(['id', 'name', 'ndb', 'per100g', 'allergens', 'diets']);
    expect(Object.keys((first?.per100g ?? {}) as object)).toEqual([
      'kcal',
      'proteinG',
      'fatG',
      'carbsG',
      'fiberG',
      'sodiumMg',
    ]);
  });

  it('prints several foods in the order asked, with their allergens and diets', async () => {
    const ids = ['butter-salted', 'green-onion-raw', 'chickpeas-dry'];
    const result = await runCli(['foods', 'show', ...ids, '--json']);
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout) as { allergens: string[] }[];
    expect(parsed).toEqual(ids.map(expectedView));
    expect(parsed[0]?.allergens).toContain('milk');
  });

  it('exits 2 naming an unknown id, printing nothing on stdout even for the known ones', async () => {
    const result = await runCli(['foods', 'show', 'chickpeas-dry', 'unicorn-steak', '--json']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('unicorn-steak');
    expect(result.stderr).not.toContain('chickpeas-dry');
  });

  it('prints a readable table without --json', async () => {
    const result = await runCli(['foods', 'show', 'chickpeas-dry']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^id\s+name\s+ndb\s+kcal/);
    expect(result.stdout).toContain('Chickpeas (garbanzo beans), dry');
    expect(result.stdout).toContain('16056');
  });

  it('exits 2 with no id', async () => {
    const result = await runCli(['foods', 'show', '--json']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
  });
});

describe('nutritionist foods search', () => {
  it.each([
    [['garbanzo'], 'chickpeas-dry'],
    [['scallions'], 'green-onion-raw'],
    [['greek', 'yogurt'], 'yogurt-greek-plain-nonfat'],
  ])('finds %j → %s first, as a JSON array of {id, name, ndb}', async (words, id) => {
    const result = await runCli(['foods', 'search', ...words, '--json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const parsed = JSON.parse(result.stdout) as { id: string; name: string; ndb: string }[];
    const food = db.require(id);
    expect(parsed[0]).toEqual({ id, name: food.name, ndb: food.ndb });
    expect(parsed.length).toBeLessThanOrEqual(10);
  });

  it('returns at most 10 matches and an empty array when nothing matches', async () => {
    const many = JSON.parse((await runCli(['foods', 'search', 'raw', '--json'])).stdout) as unknown[];
    expect(many).toHaveLength(10);
    const none = await runCli(['foods', 'search', 'zzzqqq', '--json']);
    expect(none.code).toBe(0);
    expect(JSON.parse(none.stdout)).toEqual([]);
  });

  it('says how each match was found without --json', async () => {
    const result = await runCli(['foods', 'search', 'garbanzo']);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[1]).toMatch(/^chickpeas-dry\s+Chickpeas.*exact "garbanzo"$/);
  });

  it.each([[[]], [['   ']], [['--json']]])('exits 2 on an empty query %j', async (words) => {
    const result = await runCli(['foods', 'search', ...words]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('exits 2 on an unknown foods subcommand', async () => {
    expect((await runCli(['foods', 'list'])).code).toBe(2);
  });
});
