import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFoodDatabase } from '../../src/core/nutrition/food-database.ts';
import type { NutrientTotals, PlannedMeal, PlanResult } from '../../src/core/planning/plan-result.ts';
import { renderPlanText } from '../../src/entrypoints/cli/plan-text.ts';
import { type CliResult, runCli } from '../support/spawn-cli.ts';

const PROFILES = path.resolve(import.meta.dirname, '../fixtures/profiles');
const profile = (name: string) => path.join(PROFILES, name);
const NUTRIENTS = ['kcal', 'proteinG', 'fatG', 'carbsG', 'fiberG', 'sodiumMg'] as const;
const TOLERANCE: NutrientTotals = {
  kcal: 0.5,
  proteinG: 0.1,
  fatG: 0.1,
  carbsG: 0.1,
  fiberG: 0.1,
  sodiumMg: 1,
};

function expectOneStderrLine(result: CliResult): void {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr.endsWith('\n')).toBe(true);
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
}

describe('nutritionist plan: bad input exits 2 with one line', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'nutritionist-plan-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it.each([
    ['invalid-missing-members.json', 'members'],
    ['invalid-negative-age.json', 'members.0.age'],
    ['invalid-unknown-activity.json', 'members.0.activity'],
    ['invalid-unknown-allergy.json', 'allergies.1'],
    ['invalid-duplicate-names.json', 'members'],
    ['invalid-unknown-key.json', 'budgetPerDay'],
    ['invalid-budget-month.json', 'budget.period'],
  ])('%s names the field %s', async (file, field) => {
    const result = await runCli(['plan', '--profile', profile(file), '--json']);
    expectOneStderrLine(result);
    expect(result.stderr.startsWith(`Invalid profile: ${field}: `)).toBe(true);
  });

  it('quotes the first zod issue as written in the contract', async () => {
    const result = await runCli(['plan', '--profile', profile('invalid-negative-age.json')]);
    expect(result.stderr).toBe('Invalid profile: members.0.age: Too small: expected number to be >=0\n');
  });

  it('a file that does not exist', async () => {
    const missing = path.join(tmp, 'nope.json');
    const result = await runCli(['plan', '--profile', missing, '--json']);
    expectOneStderrLine(result);
    expect(result.stderr).toContain(missing);
  });

  it('a file that is not JSON, even when the parser quotes text with newlines', async () => {
    const broken = path.join(tmp, 'broken.json');
    writeFileSync(broken, '{\n  "members": [\n    oops\n');
    const result = await runCli(['plan', '--profile', broken, '--json']);
    expectOneStderrLine(result);
    expect(result.stderr).toMatch(/not valid JSON/);
  });

  it('no --profile, or an unknown flag', async () => {
    expectOneStderrLine(await runCli(['plan', '--json']));
    expect((await runCli(['plan', '--profile', profile('single-adult.json'), '--fast'])).code).toBe(2);
  });
});

/** What a meal gives one member: the household's ingredient grams × their share of the portions. */
function mealNutrients(meal: PlannedMeal, member: string): NutrientTotals {
  const db = loadFoodDatabase();
  const sum = Object.values(meal.portions).reduce((a, b) => a + b, 0);
  const share = sum > 0 ? (meal.portions[member] ?? 0) / sum : 0;
  const out: NutrientTotals = { kcal: 0, proteinG: 0, fatG: 0, carbsG: 0, fiberG: 0, sodiumMg: 0 };
  for (const ingredient of meal.ingredients) {
    const per100g = db.require(ingredient.foodId).per100g;
    for (const key of NUTRIENTS) out[key] += (per100g[key] * ingredient.grams * share) / 100;
  }
  return out;
}

// Waits for service/src/composition/planner.ts (composePlanner); one solve for the whole block.
describe('nutritionist plan --json with the single-adult profile of the issue', () => {
  let result: CliResult;
  let plan: PlanResult;
  beforeAll(async () => {
    result = await runCli(['plan', '--profile', profile('single-adult.json'), '--json']);
    if (result.code !== 0) throw new Error(`plan exited ${result.code}: ${result.stderr.trim()}`);
    plan = JSON.parse(result.stdout) as PlanResult;
  }, 60_000);

  it('exits 0 with exactly one JSON document on stdout', () => {
    expect(result.code).toBe(0);
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(['optimal', 'feasible', 'infeasible']).toContain(plan.status);
    expect(typeof plan.reason).toBe('string');
  });

  it('reports the member targets', () => {
    expect(plan.members[0]?.name).toBe('Ana');
    for (const key of NUTRIENTS) expect(plan.members[0]?.targets[key]).toEqual(expect.any(Number));
  });

  it('plans 7 days of 4+ meals, each listing its ingredients, with no peanut', () => {
    if (plan.status === 'infeasible') return;
    const db = loadFoodDatabase();
    expect(plan.days.map((day) => day.day)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (const day of plan.days) {
      expect(day.meals.length).toBeGreaterThanOrEqual(4);
      for (const meal of day.meals) {
        expect(meal.ingredients.length).toBeGreaterThan(0);
        for (const ingredient of meal.ingredients) {
          expect(ingredient).toMatchObject({ foodId: expect.any(String), name: expect.any(String) });
          expect(ingredient.grams).toBeGreaterThan(0);
          expect(db.require(ingredient.foodId).allergens).not.toContain('peanut');
        }
      }
    }
  });

  it('has a grocery list covering every food eaten, and costs no more than the budget', () => {
    if (plan.status === 'infeasible') return;
    expect(plan.groceryList.length).toBeGreaterThan(0);
    for (const item of plan.groceryList) {
      expect(item).toMatchObject({
        foodId: expect.any(String),
        name: expect.any(String),
        grams: expect.any(Number),
        packages: expect.any(Number),
        cost: expect.any(Number),
      });
    }
    const listed = new Set(plan.groceryList.map((item) => item.foodId));
    const eaten = plan.days.flatMap((day) =>
      day.meals.flatMap((meal) => meal.ingredients.map((i) => i.foodId)),
    );
    for (const foodId of eaten) expect(listed).toContain(foodId);
    expect(plan.cost.currency).toBe('USD');
    expect(plan.cost.total).toBeLessThanOrEqual(90);
  });

  it("gives each member's daily totals as exactly what the ingredients and portions give", () => {
    if (plan.status === 'infeasible') return;
    for (const day of plan.days) {
      for (const { name } of plan.members) {
        const totals = day.totals[name];
        expect(totals, `day ${day.day} ${name}`).toBeDefined();
        for (const key of NUTRIENTS) {
          const recomputed = day.meals.reduce((sum, meal) => sum + mealNutrients(meal, name)[key], 0);
          const diff = Math.abs((totals?.[key] ?? Number.NaN) - recomputed);
          expect(
            diff,
            `day ${day.day} ${name} ${key}: ${totals?.[key]} vs ${recomputed}`,
          ).toBeLessThanOrEqual(TOLERANCE[key] + 1e-9);
        }
      }
    }
  });

  it('renders as readable text from the same result', () => {
    const text = renderPlanText(plan);
    expect(text).toContain(`Meal plan: ${plan.status}`);
    if (plan.status !== 'infeasible') {
      expect(text).toContain('Day 7');
      expect(text).toContain('Grocery list');
    }
  });
});

describe('nutritionist plan with a budget nobody can eat on', () => {
  it('exits 0 with status infeasible and a reason', async () => {
    const result = await runCli(['plan', '--profile', profile('infeasible-tiny-budget.json'), '--json']);
    expect(result.code, result.stderr).toBe(0);
    const plan = JSON.parse(result.stdout) as PlanResult;
    expect(plan.status).toBe('infeasible');
    expect(plan.reason.length).toBeGreaterThan(0);
  }, 60_000);
});

describe('renderPlanText', () => {
  const zero: NutrientTotals = { kcal: 0, proteinG: 0, fatG: 0, carbsG: 0, fiberG: 0, sodiumMg: 0 };
  const plan: PlanResult = {
    status: 'optimal',
    reason: '',
    members: [
      {
        name: 'Ana',
        targets: { kcal: 1850, proteinG: 95, fatG: 62, carbsG: 230, fiberG: 26, sodiumMg: 2300 },
      },
      { name: 'Ben', targets: { ...zero, kcal: 2600 } },
    ],
    days: [
      {
        day: 1,
        meals: [
          {
            slot: 'breakfast',
            recipeId: 'oatmeal',
            recipeName: 'Oatmeal with banana',
            portions: { Ana: 1.5, Ben: 2 },
            ingredients: [{ foodId: 'oats-rolled-dry', name: 'Oats', grams: 140 }],
            prepMinutes: 10,
          },
          {
            slot: 'snack',
            recipeId: 'side:banana-raw',
            recipeName: 'Banana',
            portions: { Ben: 1 },
            ingredients: [{ foodId: 'banana-raw', name: 'Banana', grams: 118 }],
            prepMinutes: 0,
          },
        ],
        totals: {
          Ana: { kcal: 1832, proteinG: 97.2, fatG: 60, carbsG: 228, fiberG: 30.4, sodiumMg: 1900 },
          Ben: { ...zero, kcal: 2590 },
        },
      },
    ],
    groceryList: [
      {
        foodId: 'banana-raw',
        name: 'Bananas',
        aisle: 'produce',
        grams: 118,
        packages: 1,
        packageLabel: '3 lb bunch',
        cost: 1.98,
        pantry: false,
      },
      {
        foodId: 'cumin-ground',
        name: 'Cumin, ground',
        aisle: 'spices_condiments',
        grams: 5,
        packages: 0.12,
        packageLabel: '1.5 oz jar',
        cost: 0.3,
        pantry: true,
      },
    ],
    cost: { total: 2.28, currency: 'USD', budget: 90 },
    solver: { ms: 123, gap: 0.012, lpBound: 2.25 },
    notes: ['Prices are estimates.'],
  };
  const text = renderPlanText(plan);

  it('shows each meal with every member portion, and sides in grams', () => {
    expect(text).toMatch(/breakfast\s+Oatmeal with banana\s+Ana ×1\.5, Ben ×2/);
    expect(text).toMatch(/snack\s+Banana\s+Ben 118 g/);
  });

  it('shows totals against targets per member', () => {
    expect(text).toMatch(/Ana\s+1,832\/1,850 kcal \(99%\) · protein 97\/95 g/);
  });

  it('groups the grocery list by aisle with packages and cost, then the bill against the budget', () => {
    expect(text).toMatch(/Produce\n\s+Bananas\s+118 g\s+1 × 3 lb bunch\s+\$1\.98/);
    expect(text).toMatch(
      /Spices & condiments\n\s+Cumin, ground\s+5 g\s+0\.12 of 1\.5 oz jar \(pantry\)\s+\$0\.30/,
    );
    expect(text).toContain('Total $2.28 USD · budget $90.00 ($87.72 under)');
    expect(text).toContain('Solver: optimal in 123 ms · LP bound $2.25, cost 1.2% above it');
    expect(text).toContain('- Prices are estimates.');
  });

  it('renders an infeasible plan as its reason and the budget', () => {
    const infeasible = renderPlanText({
      ...plan,
      status: 'infeasible',
      reason: "the cheapest plan that meets everyone's needs costs $61; your budget is $40",
      days: [],
      groceryList: [],
      cost: { total: 0, currency: 'USD', budget: 40 },
    });
    expect(infeasible).toContain(
      "Meal plan: infeasible (the cheapest plan that meets everyone's needs costs $61",
    );
    expect(infeasible).toContain('Budget $40.00 USD per week');
    expect(infeasible).not.toContain('Grocery list');
  });
});
